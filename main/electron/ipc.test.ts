import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeFrame, FakeWebContents, app, ipcMain, resetFakeElectron } from './fake-electron';
import { broadcast, handle } from './ipc';

vi.mock('electron', () => import('./fake-electron'));

const APP_PAGE = 'file:///opt/msn-messenger/out/renderer/index.html#/contacts';

function invoke(channel: string, sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]) {
  const listener = ipcMain.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => listener({ sender, senderFrame: frame }, ...args));
}

function appWindow(url = APP_PAGE): BrowserWindow {
  const window = new BrowserWindow({});
  window.webContents.mainFrame.url = url;
  return window;
}

describe('handle', () => {
  const setFriendlyName = vi.fn(async (_args: unknown[]) => ({ ok: true as const, value: undefined }));

  beforeEach(() => {
    resetFakeElectron();
    handle('setFriendlyName', setFriendlyName);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('runs the handler for our own window, with the arguments as sent (the core validates them)', async () => {
    const { webContents } = appWindow();
    await expect(invoke('msn:setFriendlyName', webContents, webContents.mainFrame, 'a1', 'Bob')).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(setFriendlyName).toHaveBeenCalledWith(['a1', 'Bob']);
  });

  it('rejects a sender that is not one of our windows', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = APP_PAGE;
    await expect(invoke('msn:setFriendlyName', stranger, stranger.mainFrame, 'Bob')).rejects.toThrow(/refused/);
    expect(setFriendlyName).not.toHaveBeenCalled();
  });

  it('rejects a subframe of our window', async () => {
    const { webContents } = appWindow();
    const subframe = new FakeFrame(APP_PAGE, webContents.mainFrame);
    await expect(invoke('msn:setFriendlyName', webContents, subframe, 'Bob')).rejects.toThrow(/refused/);
    expect(setFriendlyName).not.toHaveBeenCalled();
  });

  it('rejects our window showing a page that is not ours, or a frame already gone', async () => {
    const { webContents } = appWindow('https://example.com/');
    await expect(invoke('msn:setFriendlyName', webContents, webContents.mainFrame, 'Bob')).rejects.toThrow(/refused/);
    await expect(invoke('msn:setFriendlyName', webContents, null, 'Bob')).rejects.toThrow(/refused/);
    expect(setFriendlyName).not.toHaveBeenCalled();
  });

  it('trusts the electron-vite dev server only while the app is not packaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const { webContents } = appWindow('http://localhost:5173/#/contacts');
    await expect(invoke('msn:setFriendlyName', webContents, webContents.mainFrame, 'Bob')).rejects.toThrow(/refused/);
    app.isPackaged = false;
    await expect(invoke('msn:setFriendlyName', webContents, webContents.mainFrame, 'Bob')).resolves.toMatchObject({ ok: true });
  });
});

describe('broadcast', () => {
  beforeEach(() => resetFakeElectron());

  it('sends the event to every open window on its event channel', () => {
    const open = appWindow();
    const closed = appWindow();
    closed.close();
    const notice = { account: 'a1', notice: { kind: 'online', handle: 'bob@hotmail.com', friendlyName: 'Bob' } } as const;
    broadcast('notice', notice);
    expect(open.webContents.send).toHaveBeenCalledWith('msn:event:notice', notice);
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
});
