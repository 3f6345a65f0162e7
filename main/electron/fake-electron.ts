// A stand-in for the `electron` module in tests (`vi.mock('electron', () => import('./fake-electron'))`):
// just enough of each API for the shell's own code, recording what that code asked for.

import { EventEmitter } from 'node:events';
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

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
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
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  readonly getAppPath = vi.fn(() => '/opt/msn-messenger');
  /** Where the app keeps its data; tests point it at a temporary directory. */
  userData = '/tmp/msn-messenger-test-user-data';
  readonly getPath = vi.fn((_name: 'userData') => this.userData);
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
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  encryptString: (plain: string): Buffer => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed: Buffer): string => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

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
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  safeStorage.available = true;
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
