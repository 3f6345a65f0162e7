import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../app/csp';
import * as fakeElectron from './fake-electron';
import { BrowserWindow, FakeWebContents, app, resetFakeElectron, session } from './fake-electron';

/** Runs the app entry afresh, as a new process would, against this file's fake electron. */
async function startApp(options: { lockHeld?: boolean; devServer?: boolean } = {}): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', () => fakeElectron);
  resetFakeElectron();
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

  it('brings the contact list back when a second instance starts', async () => {
    await startApp();
    const [window] = BrowserWindow.getAllWindows();
    app.emit('second-instance');
    expect(BrowserWindow.getAllWindows()).toEqual([window]);
    expect(window?.focus).toHaveBeenCalled();
  });
});
