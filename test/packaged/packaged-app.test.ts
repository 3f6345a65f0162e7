// The packaged app, proven to start before a user's first launch does it: the Linux unpacked
// directory electron-builder makes from the real build and config (package-app.ts), its app.asar
// extracted, its main bundle loaded by Node itself with a recording stand-in for `electron`, and its
// preload run as Electron runs a sandboxed one. A runtime import that is only a devDependency, a path
// that is not in the package, or an ES module where CommonJS is needed (or the reverse) fails here.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import { COMMAND_NAMES, commandChannel, type CommandName, type CommandResult } from '../../shared/commands';
import type { IpcEvents, MsnApi } from '../../shared/ipc';
import { contactListRoute } from '../../shared/routes';
import * as fakeElectron from '../../main/electron/fake-electron';
import { BrowserWindow, Tray, app, contextBridge, dialog, ipcMain, ipcRenderer, nativeImage, resetFakeElectron } from '../../main/electron/fake-electron';
import { DEMO_SIGN_IN } from '../../server/demo';
import { provideElectronStandIn } from './electron-stand-in';
import { nativeImport } from './native-import.mjs';
import { packageApp, type PackagedApp } from './package-app';

const root = join(import.meta.dirname, '..', '..');

let workDir: string;
let packaged: PackagedApp;
let consoleErrors: unknown[][];
/** What listened for uncaught errors in this process before the app was loaded. */
let crashListenersBefore: Set<unknown>;

/** Whether `path` is a file inside the extracted package. */
function isPackagedFile(path: string): boolean {
  const inside = relative(packaged.appDir, path);
  return !inside.startsWith('..') && !isAbsolute(inside) && existsSync(path) && statSync(path).isFile();
}

/** The contact-list window the app opened at start. */
function contactListWindow(): fakeElectron.BrowserWindow {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) throw new Error('The app opened no window');
  return window;
}

/** Calls a command's IPC handler as our own page in our own window does. */
async function invoke(name: CommandName, ...args: unknown[]): Promise<CommandResult<unknown>> {
  const window = contactListWindow();
  const handler = ipcMain.handlers.get(commandChannel(name));
  if (!handler) throw new Error(`No handler for ${name}`);
  const event = { sender: window.webContents, senderFrame: { url: window.webContents.mainFrame.url, parent: null } };
  return (await handler(event, ...args)) as CommandResult<unknown>;
}

/** The patch events the app sent to the window's page. */
function patchesSent(): IpcEvents['patch'][] {
  return contactListWindow()
    .webContents.send.mock.calls.filter(([channel]) => channel === 'msn:event:patch')
    .map(([, event]) => event as IpcEvents['patch']);
}

/** The members of `window.msn` as the renderer's own types declare it (tsconfig.web.json's program). */
function declaredMsnApi(): string[] {
  const configFile = join(root, 'tsconfig.web.json');
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram({ rootNames: fileNames, options });
  const checker = program.getTypeChecker();
  const anyFile = program.getSourceFile(fileNames[0] as string);
  const window = checker.resolveName('Window', anyFile, ts.SymbolFlags.Interface, false);
  const msn = window && checker.getDeclaredTypeOfSymbol(window).getProperty('msn');
  if (!msn) throw new Error("The renderer's types declare no window.msn");
  return checker.getPropertiesOfType(checker.getTypeOfSymbol(msn)).map((member) => member.name);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'msn-packaged-'));
  packaged = await packageApp(workDir);

  resetFakeElectron();
  app.getAppPath.mockReturnValue(packaged.appDir);
  app.userData = join(workDir, 'user-data');
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
  provideElectronStandIn(packaged.appDir, fakeElectron);
  const { main } = JSON.parse(readFileSync(join(packaged.appDir, 'package.json'), 'utf8')) as { main: string };
  crashListenersBefore = new Set(process.listeners('uncaughtException'));
  await nativeImport(pathToFileURL(join(packaged.appDir, main)).href);
  await app.whenReady.mock.results[0]?.value;
}, 180_000);

afterAll(async () => {
  // Quitting signs out and stops the demo server; the app calls app.quit() once that is done.
  app.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 10_000 });
  vi.restoreAllMocks();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the packaged app (Linux, unpacked directory)', () => {
  it('is an executable named after the app with the app in resources/app.asar', () => {
    expect(existsSync(join(packaged.unpackedDir, 'msn-messenger'))).toBe(true);
    expect(statSync(packaged.asarPath).isFile()).toBe(true);
  });

  it('starts without an error: it takes the single-instance lock and enables the sandbox', () => {
    expect(consoleErrors).toEqual([]);
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it('opens the contact list with context isolation, the sandbox and no Node integration', () => {
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(contactListWindow().options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('loads a renderer page that is in the package, with every script and stylesheet it names', () => {
    const [url] = contactListWindow().loadURL.mock.calls[0] ?? [];
    expect(url).toMatch(/^file:/);
    expect(url).toMatch(new RegExp(`#${contactListRoute(FIRST_ACCOUNT)}$`));
    const page = fileURLToPath(url as string);
    expect(isPackagedFile(page), page).toBe(true);
    // Relative references only: a data: URL (the favicon) carries its content.
    const assets = [...readFileSync(page, 'utf8').matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1] as string)
      .filter((reference) => !/^[a-z][a-z\d+.-]*:/i.test(reference));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(isPackagedFile(join(page, '..', asset)), asset).toBe(true);
  });

  it('ships the renderer minified', () => {
    const page = fileURLToPath(contactListWindow().loadURL.mock.calls[0]?.[0] as string);
    const scripts = readdirSync(join(page, '..', 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(join(page, '..', 'assets', script), 'utf8');
      // Unminified, lines average about 35 characters; minified, what newlines remain are inside
      // template literals, thousands of characters apart.
      expect(code.length / code.split('\n').length, script).toBeGreaterThan(1000);
    }
  });

  it('points the window at a preload that is in the package', () => {
    const preload = (contactListWindow().options['webPreferences'] as { preload: string }).preload;
    expect(isPackagedFile(preload), preload).toBe(true);
  });

  it('registers an IPC handler for every command of the contract, and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
  });

  it('answers a command from its own page', async () => {
    const snapshot = await invoke('getSnapshot', FIRST_ACCOUNT);
    expect(snapshot).toMatchObject({ ok: true, value: { account: FIRST_ACCOUNT, state: { session: { state: 'offline' } } } });
  });

  it('finds its tray icon in the package', () => {
    expect(Tray.trays).toHaveLength(1);
    const [icon] = nativeImage.createFromPath.mock.calls[0] ?? [];
    expect(isPackagedFile(icon as string), icon).toBe(true);
  });

  it('holds its runtime dependencies and nothing from devDependencies', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const modulesDir = join(packaged.appDir, 'node_modules');
    const packagedModules = readdirSync(modulesDir).flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modulesDir, name)).map((scoped) => `${name}/${scoped}`) : [name],
    );
    expect(packagedModules).toEqual(expect.arrayContaining(Object.keys(manifest.dependencies)));
    // The lockfile marks everything reachable only from devDependencies with `dev: true`.
    expect(packagedModules.filter((name) => lock.packages[`node_modules/${name}`]?.dev === true)).toEqual([]);
    expect(packagedModules.filter((name) => !lock.packages[`node_modules/${name}`])).toEqual([]);
  });

  it('signs in to its Local demo, whose server is loaded from the package on first use', async () => {
    const request = { server: 'demo', ...DEMO_SIGN_IN, status: 'NLN', rememberPassword: false, autoSignIn: false };
    expect(await invoke('signIn', FIRST_ACCOUNT, request)).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(patchesSent().some(({ patch }) => patch.session?.state === 'online')).toBe(true));
    expect(consoleErrors).toEqual([]);
  });
});

describe('the packaged preload, run as Electron runs a sandboxed one', () => {
  let msn: MsnApi;

  beforeAll(() => {
    const preload = (contactListWindow().options['webPreferences'] as { preload: string }).preload;
    // A sandboxed preload is a classic script in its own context whose `require` knows only a few
    // modules; ours may need nothing but electron's contextBridge and ipcRenderer.
    const require = (id: string) => {
      if (id === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`The sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    // The page's web platform is there too; these are the parts of it that Node also has.
    const web = { console, TextEncoder, TextDecoder, URL, URLSearchParams, atob, btoa, structuredClone, queueMicrotask, setTimeout, clearTimeout };
    contextBridge.exposed.clear();
    runInNewContext(readFileSync(preload, 'utf8'), { ...web, require, module, exports: module.exports }, { filename: preload });
    msn = contextBridge.exposed.get('msn') as MsnApi;
  });

  it('exposes exactly the window.msn API the renderer declares', () => {
    expect(contextBridge.exposed.size).toBe(1);
    expect(Object.keys(msn).sort()).toEqual(declaredMsnApi().sort());
    expect(Object.values(msn).every((member) => typeof member === 'function')).toBe(true);
  }, 60_000);

  it("invokes each command's channel with its arguments", async () => {
    for (const name of COMMAND_NAMES) {
      ipcRenderer.invoke.mockClear();
      await (msn[name] as (...args: unknown[]) => Promise<unknown>)('an argument');
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(commandChannel(name), 'an argument');
    }
  });

  it('delivers events to a subscriber until it unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = msn.on('notice', listener);
    const notice = { kind: 'new-mail', from: 'a@b.c', subject: 'Hi' } as const;
    ipcRenderer.emit('msn:event:notice', {}, notice);
    unsubscribe();
    ipcRenderer.emit('msn:event:notice', {}, notice);
    expect(listener.mock.calls).toEqual([[notice]]);
  });
});

describe('the packaged app when things go wrong', () => {
  const logFile = () => join(workDir, 'user-data', 'logs', 'main.log');

  it('writes its log in the platform log folder, owner-only', async () => {
    // Info lines are written within 100 ms of being logged.
    await vi.waitFor(() => expect(readFileSync(logFile(), 'utf8')).toMatch(/\[info\] +MSN Messenger \S+ starting/));
    expect(statSync(logFile()).mode & 0o777).toBe(0o600);
  });

  it('reloads a window whose page died, saying why in its address', () => {
    const window = contactListWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.loadURL).toHaveBeenLastCalledWith(expect.stringMatching(/index\.html\?reloaded=crashed#\/contacts\/a1$/));
    expect(isPackagedFile(fileURLToPath(window.loadURL.mock.lastCall?.[0] as string))).toBe(true);
  });

  it('catches an uncaught error in main: it is logged, and a dialog naming the log folder offers to restart', async () => {
    const added = process.listeners('uncaughtException').filter((listener) => !crashListenersBefore.has(listener));
    expect(added).toHaveLength(1);
    dialog.answers = [0];
    added[0]?.(new Error('a bug in the packaged main'), 'uncaughtException');
    await vi.waitFor(() => expect(app.relaunch).toHaveBeenCalled());
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Restart', 'Open Log Folder', 'Quit'], detail: expect.stringContaining(join(workDir, 'user-data', 'logs')) }),
    );
    expect(readFileSync(logFile(), 'utf8')).toContain('Uncaught error in the main process: Error: a bug in the packaged main');
    process.off('uncaughtException', added[0] as () => void);
  });
});

