import type { EventEmitter } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../app/csp';
import * as fakeElectron from './fake-electron';
import { BrowserWindow, FakeWebContents, app, dialog, resetFakeElectron, session } from './fake-electron';

type Listener = (...args: unknown[]) => void;
const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
const thisProcess: EventEmitter = process;
const listenersOf = (event: string) => thisProcess.listeners(event) as Listener[];
let userData: string;
let listenersBefore: Map<string, Listener[]>;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'msn-electron-entry-'));
  listenersBefore = new Map(CRASH_EVENTS.map((event) => [event, listenersOf(event)]));
});

/** The listeners the app added to this process for `event`. */
const addedListeners = (event: string) => listenersOf(event).filter((listener) => !listenersBefore.get(event)?.includes(listener));

afterEach(() => {
  // Every start installs the app's crash handlers on this very process: take them off again.
  for (const event of CRASH_EVENTS) for (const listener of addedListeners(event)) thisProcess.off(event, listener);
  rmSync(userData, { recursive: true, force: true });
});

/** Runs the app entry afresh, as a new process would, against this file's fake electron. */
async function startApp(options: { lockHeld?: boolean; devServer?: boolean } = {}): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', () => fakeElectron);
  resetFakeElectron();
  app.userData = userData;
  app.requestSingleInstanceLock.mockReturnValue(!options.lockHeld);
  if (options.devServer) {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    app.isPackaged = false;
  }
  await import('./index');
  await app.whenReady.mock.results[0]?.value;
}

function contentSecurityPolicyHeader(): unknown {
  const callback = vi.fn();
  session.defaultSession.headersListener?.({}, callback);
  return callback.mock.calls[0]?.[0];
}

describe('app entry', () => {
  beforeEach(() => vi.unstubAllEnvs());

  it('quits at once when another instance holds the single-instance lock', async () => {
    await startApp({ lockHeld: true });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('sandboxes every renderer and shows the contact list when ready', async () => {
    await startApp();
    expect(app.enableSandbox).toHaveBeenCalled();
    const windows = BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loadURL).toHaveBeenCalledWith(expect.stringMatching(/#\/contacts\/a1$/));
  });

  it('locks down every web contents the app creates', async () => {
    await startApp();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('sends the strict Content-Security-Policy, relaxed only for the dev server', async () => {
    await startApp();
    expect(contentSecurityPolicyHeader()).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    await startApp({ devServer: true });
    expect(contentSecurityPolicyHeader()).toEqual({
      responseHeaders: { 'Content-Security-Policy': [DEV_CONTENT_SECURITY_POLICY] },
    });
  });

  it('says why it cannot start, in a dialog, when the data folder is not private', async () => {
    chmodSync(userData, 0o755);
    await startApp();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('MSN Messenger could not start', expect.stringContaining(`Other users can open the data folder ${userData}.`));
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('brings the contact list back when a second instance starts', async () => {
    await startApp();
    const [window] = BrowserWindow.getAllWindows();
    app.emit('second-instance');
    expect(BrowserWindow.getAllWindows()).toEqual([window]);
    expect(window?.focus).toHaveBeenCalled();
  });

  it('writes an owner-only log in the platform\'s log folder, starting with what it runs on', async () => {
    await startApp();
    expect(app.setAppLogsPath).toHaveBeenCalled();
    const file = join(userData, 'logs', 'main.log');
    // Info lines are written at the end of the turn that logged them.
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toMatch(/\[info\] +MSN Messenger 0\.1\.0 starting \(Electron \?, Node \d+\.\d+\.\d+, linux\)/));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes what its log holds when the app quits, without waiting for it', async () => {
    await startApp();
    const file = join(userData, 'logs', 'main.log');
    expect(readFileSync(file, 'utf8')).not.toContain('starting');
    app.emit('will-quit', { preventDefault: () => undefined });
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\] +MSN Messenger 0\.1\.0 starting/);
  });

  it('catches errors that would crash main: logged, then the restart dialog', async () => {
    await startApp();
    const [crashed] = addedListeners('uncaughtException');
    expect(addedListeners('unhandledRejection')).toHaveLength(1);
    dialog.answers = [2];
    crashed?.(new Error('nobody caught me'));
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain('Uncaught error in the main process: Error: nobody caught me');
  });

  it("watches every window's page and reloads one that dies", async () => {
    await startApp();
    const [window] = BrowserWindow.getAllWindows();
    window?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window?.loadURL).toHaveBeenLastCalledWith(expect.stringMatching(/\?reloaded=crashed#\/contacts\/a1$/));
  });

  it('remembers the window places in the data folder', async () => {
    await startApp();
    BrowserWindow.getAllWindows()[0]?.close();
    await vi.waitFor(() => expect(existsSync(join(userData, 'windows.json'))).toBe(true));
  });
});
