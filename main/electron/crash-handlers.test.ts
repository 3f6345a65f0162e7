import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AppLog, openLog } from '../app/app-log';
import { RELOAD_AGAIN_AFTER_MS, catchMainErrors, reloadedUrl, watchRenderer } from './crash-handlers';
import { BrowserWindow, app, dialog, resetFakeElectron, shell } from './fake-electron';
import { shellStrings } from './strings';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
let log: AppLog & { readonly file: string };
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'msn-crash-'));
  const file = join(dir, 'logs', 'main.log');
  log = { ...openLog({ file }), file };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const logged = () => readFileSync(log.file, 'utf8');
const PAGE = 'file:///opt/msn-messenger/out/renderer/index.html#/contacts/a1';

describe('an uncaught error in main', () => {
  it('is logged, and a dialog naming the log folder offers to restart', async () => {
    const processLike = new EventEmitter();
    catchMainErrors(log, processLike);
    dialog.answers = [0];
    processLike.emit('uncaughtException', new TypeError('boom in main'));
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.relaunch).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        buttons: ['Restart', 'Open Log Folder', 'Quit'],
        detail: shellStrings.crash.detail(join(dir, 'logs')),
      }),
    );
    expect(logged()).toMatch(/\[error\] Uncaught error in the main process: TypeError: boom in main\n {4}at /);
  });

  it('opens the log folder and asks again, then quits when asked to', async () => {
    const processLike = new EventEmitter();
    catchMainErrors(log, processLike);
    dialog.answers = [1, 2];
    processLike.emit('unhandledRejection', new Error('a promise nobody caught'));
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(shell.openPath).toHaveBeenCalledWith(join(dir, 'logs'));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('logs every error but shows one dialog, and takes its handlers off when asked', async () => {
    const processLike = new EventEmitter();
    const stop = catchMainErrors(log, processLike);
    processLike.emit('uncaughtException', new Error('first'));
    processLike.emit('uncaughtException', new Error('second'));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(logged()).toMatch(/first[\s\S]*second/);
    stop();
    expect(processLike.listenerCount('uncaughtException') + processLike.listenerCount('unhandledRejection')).toBe(0);
  });

  it('uses the simple error box before the app is ready', () => {
    const processLike = new EventEmitter();
    catchMainErrors(log, processLike);
    app.ready = false;
    processLike.emit('uncaughtException', new Error('too early'));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('MSN Messenger', expect.stringContaining(join(dir, 'logs')));
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});

describe('a window whose page dies', () => {
  function watched(now = () => 0) {
    const window = new BrowserWindow({});
    window.webContents.mainFrame.url = PAGE;
    watchRenderer(window as never, log, now);
    return window;
  }

  it('is reloaded with the reason in its address, for the page to say so', () => {
    const window = watched();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.loadURL).toHaveBeenCalledWith('file:///opt/msn-messenger/out/renderer/index.html?reloaded=crashed#/contacts/a1');
    expect(logged()).toContain(`A window's page stopped (crashed, exit code 139): ${PAGE}`);
  });

  it('is not reloaded after a clean exit, nor again right after a reload', () => {
    let time = 0;
    const window = watched(() => time);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.loadURL).not.toHaveBeenCalled();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    time += RELOAD_AGAIN_AFTER_MS - 1;
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    time += 1;
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(window.loadURL).toHaveBeenCalledTimes(2);
  });

  it('keeps the route when the address already carries a reason', () => {
    expect(reloadedUrl(`${PAGE.replace('#', '?reloaded=oom#')}`, 'crashed')).toBe(PAGE.replace('#', '?reloaded=crashed#'));
  });
});

describe('a window whose page hangs', () => {
  it('asks whether to wait or reload, and reloads saying it had hung', async () => {
    const window = new BrowserWindow({});
    window.webContents.mainFrame.url = PAGE;
    watchRenderer(window as never, log);
    dialog.answers = [1];
    window.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['Wait', 'Reload'], cancelId: 0 }));
    await vi.waitFor(() => expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalled());
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringContaining('?reloaded=unresponsive#'));
  });

  it('withdraws the question when the page responds again, and waits', async () => {
    const window = new BrowserWindow({});
    watchRenderer(window as never, log);
    window.emit('unresponsive');
    window.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const answer = dialog.showMessageBox.mock.results[0]?.value as Promise<{ response: number }>;
    window.emit('responsive');
    await expect(answer).resolves.toMatchObject({ response: 0 });
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    window.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });
});
