// Crashes that explain themselves. An uncaught error in main is logged and answered with a dialog
// that offers to restart and shows where the log is; a window whose page dies is reloaded with the
// reason in its address (`?reloaded=crashed`), so the page can say what happened; a page that hangs
// gets the usual choice between waiting and reloading, withdrawn if it recovers on its own.

import { type BrowserWindow, app, dialog, shell } from 'electron';
import type { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import type { AppLog } from '../app/app-log';
import { shellStrings } from './strings';

/** A page that dies again this soon after being reloaded is left alone: a reload loop helps nobody. */
export const RELOAD_AGAIN_AFTER_MS = 10_000;

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

async function offerRestart(logFolder: string): Promise<void> {
  const { crash } = shellStrings;
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: crash.title,
      message: crash.message,
      detail: crash.detail(logFolder),
      buttons: [crash.restart, crash.openLogFolder, crash.quit],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response !== 1) {
      if (response === 0) app.relaunch();
      app.exit(response === 0 ? 0 : 1);
      return;
    }
    // The folder opens beside the dialog, which comes back for the choice to restart or quit.
    await shell.openPath(logFolder);
  }
}

/**
 * Logs every uncaught error and unhandled rejection of `processLike` (the main process) and, for the
 * first, offers to restart. Returns what takes the handlers off again.
 */
export function catchMainErrors(log: AppLog & { readonly file: string }, processLike: EventEmitter = process): () => void {
  let offered = false;
  const crashed = (error: unknown): void => {
    log.error(`Uncaught error in the main process: ${describe(error)}`);
    if (offered) return;
    offered = true;
    const logFolder = dirname(log.file);
    if (!app.isReady()) {
      // Before the app is ready only the simple error box can be drawn.
      dialog.showErrorBox(shellStrings.crash.title, `${shellStrings.crash.message}\n\n${shellStrings.crash.detail(logFolder)}`);
      app.exit(1);
      return;
    }
    offerRestart(logFolder).catch((failure: unknown) => {
      log.error(`The crash dialog failed: ${describe(failure)}`);
      app.exit(1);
    });
  };
  processLike.on('uncaughtException', crashed);
  processLike.on('unhandledRejection', crashed);
  return () => {
    processLike.off('uncaughtException', crashed);
    processLike.off('unhandledRejection', crashed);
  };
}

/** The page's address with why it was reloaded; the renderer reads it once (renderer/src/reloaded.ts). */
export function reloadedUrl(url: string, reason: string): string {
  const reloaded = new URL(url);
  reloaded.searchParams.set('reloaded', reason);
  return reloaded.href;
}

/** Watches one window's page: reloads it when it dies, asks what to do when it hangs. */
export function watchRenderer(window: BrowserWindow, log: AppLog, now: () => number = Date.now): void {
  const contents = window.webContents;
  let lastReload = -Infinity;
  let waiting: AbortController | undefined;
  let reloadingHung = false;

  contents.on('render-process-gone', (_event, details) => {
    const reason = reloadingHung ? 'unresponsive' : details.reason;
    reloadingHung = false;
    waiting?.abort();
    const url = contents.getURL();
    log.error(`A window's page stopped (${details.reason}, exit code ${details.exitCode}): ${url}`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    if (now() - lastReload < RELOAD_AGAIN_AFTER_MS) {
      log.error('It stopped again right after a reload: not reloading it again.');
      return;
    }
    lastReload = now();
    window.loadURL(reloadedUrl(url, reason)).catch((error: unknown) => log.error(`Could not reload ${url}: ${describe(error)}`));
  });

  window.on('unresponsive', () => {
    if (waiting) return;
    log.warn(`A window's page is not responding: ${contents.getURL()}`);
    const asking = new AbortController();
    waiting = asking;
    const { hung } = shellStrings;
    dialog
      .showMessageBox(window, {
        type: 'warning',
        title: hung.title,
        message: hung.message,
        detail: hung.detail,
        buttons: [hung.wait, hung.reload],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        signal: asking.signal,
      })
      .then(({ response }) => {
        if (waiting === asking) waiting = undefined;
        if (response !== 1 || window.isDestroyed()) return;
        // Killing the page brings render-process-gone, which reloads it, saying it had hung.
        reloadingHung = true;
        contents.forcefullyCrashRenderer();
      })
      .catch((error: unknown) => log.error(`The hung-window dialog failed: ${describe(error)}`));
  });

  window.on('responsive', () => {
    if (!waiting) return;
    log.info(`The window's page responds again: ${contents.getURL()}`);
    waiting.abort();
    waiting = undefined;
  });
}
