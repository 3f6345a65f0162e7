// A stand-in for the `electron` module in tests (`vi.mock('electron', () => import('./fake-electron'))`):
// just enough of each API for the shell's own code, recording what that code asked for.

import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  readonly send = vi.fn();
  readonly reload = vi.fn();
  readonly forcefullyCrashRenderer = vi.fn();
  readonly replaceMisspelling = vi.fn();
  readonly session = session.defaultSession;
  destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((window) => !window.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  focused = false;
  readonly show = vi.fn();
  readonly showInactive = vi.fn();
  readonly flashFrame = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly loadURL = vi.fn((url: string) => {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
  /** Where the window is; a maximized window keeps the bounds it will restore to in `normalBounds`. */
  bounds: Rectangle;
  normalBounds: Rectangle | undefined;

  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<Rectangle>;
    this.bounds = { x, y, width, height };
    BrowserWindow.windows.push(this);
  }

  getBounds(): Rectangle {
    return this.bounds;
  }

  getNormalBounds(): Rectangle {
    return this.normalBounds ?? this.bounds;
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One 1920×1080 display with a 40-pixel task bar at the bottom. */
export const DEFAULT_DISPLAY = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

/** The displays of the computer: `workArea` is what windows may use (no task bar or dock). */
export const screen = {
  displays: [DEFAULT_DISPLAY] as { id: number; workArea: Rectangle }[],
  getAllDisplays() {
    return this.displays;
  },
  getPrimaryDisplay() {
    const primary = this.displays[0];
    if (!primary) throw new Error('The fake screen has no display');
    return primary;
  },
};

class FakeApp extends EventEmitter {
  isPackaged = true;
  readonly getAppPath = vi.fn(() => '/opt/msn-messenger');
  /** Where the app keeps its data; tests point it at a temporary directory. Logs go in its logs/. */
  userData = '/tmp/msn-messenger-test-user-data';
  readonly getPath = vi.fn((name: 'userData' | 'logs') => (name === 'logs' ? join(this.userData, 'logs') : this.userData));
  readonly setAppLogsPath = vi.fn();
  readonly getVersion = vi.fn(() => '0.1.0');
  ready = true;
  readonly isReady = vi.fn(() => this.ready);
  readonly relaunch = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly setLoginItemSettings = vi.fn();
}

export const app = new FakeApp();

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
};

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    headersListener: undefined as HeadersListener | undefined,
    setPermissionRequestHandler(handler: Listener): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener): void {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        session.defaultSession.headersListener = listener;
      },
    },
    availableSpellCheckerLanguages: ['en-US', 'en-GB', 'fr', 'de'],
    spellCheckerLanguages: ['en-US'],
    getSpellCheckerLanguages(): string[] {
      return [...this.spellCheckerLanguages];
    },
    setSpellCheckerLanguages: vi.fn((languages: string[]) => {
      session.defaultSession.spellCheckerLanguages = [...languages];
    }),
    addWordToSpellCheckerDictionary: vi.fn((_word: string) => true),
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve());
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

/** Reversible "encryption", so a test can see that nothing is stored in the clear. */
export const safeStorage = {
  available: true,
  /** What getSelectedStorageBackend answers (Linux): a real keyring by default. */
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString: (plain: string): Buffer => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed: Buffer): string => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

export const shell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
  /** Resolves with an error message, empty when the path opened. */
  openPath: vi.fn((_path: string) => Promise.resolve('')),
};

interface MessageBoxOptions {
  type?: string;
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
  signal?: AbortSignal;
}

/**
 * Message boxes answer with the button of `answers` (shifted one per box), or stay open until
 * their signal aborts them (then they answer with cancelId, as Electron's do).
 */
export const dialog = {
  answers: [] as number[],
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn((...args: [MessageBoxOptions] | [unknown, MessageBoxOptions]) => {
    const options = args.length === 1 ? args[0] : args[1];
    const answer = dialog.answers.shift();
    if (answer !== undefined) return Promise.resolve({ response: answer, checkboxChecked: false });
    return new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => {
      options.signal?.addEventListener('abort', () => resolve({ response: options.cancelId ?? 0, checkboxChecked: false }));
    });
  }),
};

export class Notification {
  static shown: { title?: string; body?: string; silent?: boolean }[] = [];
  static isSupported = (): boolean => true;

  constructor(private readonly options: { title?: string; body?: string; silent?: boolean }) {}

  show(): void {
    Notification.shown.push(this.options);
  }
}

export const powerMonitor = {
  /** What getSystemIdleTime answers: seconds since the last input anywhere on the computer. */
  idleSeconds: 0,
  getSystemIdleTime(): number {
    return this.idleSeconds;
  },
};

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({ path, resize: (size: { width: number; height: number }) => ({ path, size }) })),
};

type MenuTemplateItem = { label?: string; type?: string; enabled?: boolean; checked?: boolean; click?: () => void; submenu?: MenuTemplateItem[] };

export const Menu = {
  /** Every menu that popped up, newest last. */
  shown: [] as { items: MenuTemplateItem[] }[],
  buildFromTemplate: (template: MenuTemplateItem[]) => {
    const menu = { items: template, popup: () => Menu.shown.push(menu) };
    return menu;
  },
};

export class Tray extends EventEmitter {
  static trays: Tray[] = [];
  toolTip = '';
  contextMenu: { items: MenuTemplateItem[] } | undefined;

  constructor(readonly image: unknown) {
    super();
    Tray.trays.push(this);
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: { items: MenuTemplateItem[] }): void {
    this.contextMenu = menu;
  }
}

/** Forgets every window, handler and listener, and restores the defaults. */
export function resetFakeElectron(): void {
  BrowserWindow.windows = [];
  app.removeAllListeners();
  app.isPackaged = true;
  app.ready = true;
  screen.displays = [DEFAULT_DISPLAY];
  dialog.answers = [];
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  Tray.trays = [];
  Menu.shown = [];
  Notification.shown = [];
  powerMonitor.idleSeconds = 0;
  session.defaultSession.permissionRequestHandler = undefined;
  session.defaultSession.permissionCheckHandler = undefined;
  session.defaultSession.headersListener = undefined;
  session.defaultSession.spellCheckerLanguages = ['en-US'];
  vi.clearAllMocks();
}
