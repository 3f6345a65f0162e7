// The desktop app's entry. Keeps one instance, opens the log and catches what would crash, locks
// down every page, starts the messenger (which shows each account's contact list where it was).

import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { type AppLog, openLog } from '../app/app-log';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../app/csp';
import { DemoServer } from '../app/demo-server';
import { catchMainErrors, watchRenderer } from './crash-handlers';
import { isDevServer } from './renderer-url';
import { startMessengerApp } from './messenger-shell';
import { lockDownSession, lockDownWebContents } from './security';
import { WindowMemory } from './window-memory';
import { setUpWindows, showContactListWindow } from './windows';

/** The log in the platform's usual place: ~/Library/Logs/MSN Messenger on macOS, the data folder's logs/ elsewhere. */
function openAppLog(): AppLog & { readonly file: string } {
  app.setAppLogsPath();
  const file = join(app.getPath('logs'), 'main.log');
  const log = openLog({ file });
  log.info(`MSN Messenger ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'}, Node ${process.versions.node}, ${process.platform})`);
  return { ...log, file };
}

function start(): void {
  const log = openAppLog();
  catchMainErrors(log);
  // What the log holds is written before the app goes (the process's exit would too, later).
  app.on('will-quit', () => log.flush());
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('second-instance', () => showContactListWindow());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showContactListWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => {
      lockDownSession(session.defaultSession, isDevServer() ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
      const memory = new WindowMemory(join(app.getPath('userData'), 'windows.json'), (line) => log.warn(line));
      setUpWindows({ memory, created: (window) => watchRenderer(window, log) });
      // The one place the desktop app composes the Local demo: the project's server, loaded on first
      // use, with the demo's timeline playing (its contacts come and go, talk and send mail).
      startMessengerApp(
        new DemoServer(async () => (await import('../../server/index')).startServer({ host: '127.0.0.1', port: 0, demoActivity: true })),
        { log },
      );
    })
    .catch((error: unknown) => {
      console.error('Could not start:', error);
      log.error(`Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Started from a desktop menu there is no console: a data folder refused as not private, for one, says so here.
      dialog.showErrorBox('MSN Messenger could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
