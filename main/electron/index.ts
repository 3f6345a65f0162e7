// The desktop app's entry. Keeps one instance, locks down every page, starts the messenger (which shows each account's contact list).

import { app, BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../app/csp';
import { DemoServer } from '../app/demo-server';
import { isDevServer } from './renderer-url';
import { startMessengerApp } from './messenger-shell';
import { lockDownSession, lockDownWebContents } from './security';
import { showContactListWindow } from './windows';

function start(): void {
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
      // The one place the desktop app composes the Local demo: the project's server, loaded on first
      // use, with the demo's timeline playing (its contacts come and go, talk and send mail).
      startMessengerApp(
        new DemoServer(async () => (await import('../../server/index')).startServer({ host: '127.0.0.1', port: 0, demoActivity: true })),
      );
    })
    .catch((error: unknown) => {
      console.error('Could not start:', error);
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
