// Puts the application (main/app/app-core.ts) into Electron: every IPC command through the
// checked handler, events to every window and a snapshot to each new page, conversation windows,
// the user's browser for Passport pages, safeStorage for the remembered password, the tray icon,
// input anywhere on the computer for auto-idle, and the system notifications the contact-list
// window words, shown while no window of ours has the focus.

import { app, BrowserWindow, Notification, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import type { AccountId } from '../../shared/accounts';
import { COMMAND_NAMES, type CommandName } from '../../shared/commands';
import { Messenger } from '../client/messenger';
import { MessengerApp } from '../app/app-core';
import type { AppLog } from '../app/app-log';
import type { DemoServer } from '../app/demo-server';
import { broadcast, handle, sendTo } from './ipc';
import { desktopSecretStore } from './password-storage';
import { availableSpellCheckLanguages, followSpellCheckLanguages, offerSpellingSuggestions } from './spell-check';
import { watchSystemActivity } from './system-activity';
import { createTray } from './tray';
import { consoleWindowOf, rememberWindowPlaces, routeOfWindow, showConsoleWindow, showContactListWindow, showConversationWindow, showHistoryWindow } from './windows';

/** The system's file manager shows a folder of ours; Electron answers with an error message, empty when it worked. */
async function showFolder(folder: string): Promise<void> {
  const failure = await shell.openPath(folder);
  if (failure) throw new Error(`Could not open ${folder}: ${failure}`);
}

export interface ShellOptions {
  /** The app's log (the entry point opens it first, so that it also holds a failed start). */
  readonly log?: AppLog;
}

/** A local page (the Passport form file) or a web address, for the user's browser. */
function externalUrl(pathOrUrl: string): string | undefined {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  if (pathOrUrl.startsWith('/') || /^[A-Za-z]:[\\/]/.test(pathOrUrl)) return pathToFileURL(pathOrUrl).href;
  return undefined;
}

function registerCommand<K extends CommandName>(messengerApp: MessengerApp, name: K): void {
  handle(name, (args) => messengerApp.dispatch(name, args));
}

/**
 * An account's contact list; closing the window of a signed-out extra account closes that account
 * (a signed-in one stays, in the tray), except while the app quits, when every window closes.
 */
export function showAccountWindow(messengerApp: MessengerApp, account: AccountId, quitting: () => boolean): void {
  showContactListWindow(account, () => {
    if (quitting()) return;
    messengerApp.removeAccount(account).catch((error: unknown) => console.error(`Could not close account ${account}:`, error));
  });
}

export function startMessengerApp(demo: DemoServer, options: ShellOptions = {}): MessengerApp {
  const dataDir = app.getPath('userData');
  let quitting = false;
  const messengerApp: MessengerApp = new MessengerApp({
    dataDir,
    secrets: desktopSecretStore(dataDir, (line) => options.log?.warn(line)),
    demo,
    ...(options.log && { log: options.log }),
    spellCheckLanguages: availableSpellCheckLanguages(),
    createMessenger: (options) => new Messenger(options),
    shell: {
      showConversation: (account, conversationId, reason) =>
        showConversationWindow(account, conversationId, {
          focus: reason === 'user',
          // Closing the window leaves the conversation, as MSN did; a new message opens a new one.
          onClosed: () => void messengerApp.dispatch('closeConversation', [account, conversationId]),
        }),
      showContactList: (account) => showAccountWindow(messengerApp, account, () => quitting),
      showConsole: (account) => void showConsoleWindow(account),
      openExternal: async (pathOrUrl) => {
        const url = externalUrl(pathOrUrl);
        if (url) await shell.openExternal(url);
      },
      showHistory: (account, handle) => void showHistoryWindow(account, handle),
      showFolder,
      // The app checked the link (http, https or mailto) before it got here.
      openLink: (url) => shell.openExternal(url),
      // The contact-list window decided and worded it; the system shows it only while nobody is looking.
      notify: ({ title, body }) => {
        const someoneIsLooking = BrowserWindow.getFocusedWindow() !== null;
        // Silent: the contact-list window plays the app's own chime when "Play sounds" is on.
        if (!someoneIsLooking && Notification.isSupported()) new Notification({ title, body, silent: true }).show();
      },
    },
    // The build puts the history worker beside this bundle (electron.vite.config.ts).
    history: { worker: new URL('./history-worker.js', import.meta.url) },
  });
  for (const name of COMMAND_NAMES) registerCommand(messengerApp, name);
  messengerApp.on('patch', (patch) => broadcast('patch', patch));
  messengerApp.on('settings', (settings) => {
    broadcast('settings', settings);
    // A development build would register the bare Electron binary as a login item.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: settings.signInAtStart });
  });
  messengerApp.on('notice', (event) => broadcast('notice', event));
  messengerApp.on('console', (event) => {
    const window = consoleWindowOf(event.account);
    if (window) sendTo(window.webContents, 'console', event);
  });
  app.on('browser-window-created', (_event, window) => {
    window.webContents.on('did-finish-load', () => {
      const route = routeOfWindow(window);
      sendTo(window.webContents, 'snapshot', messengerApp.snapshot(route.account, route));
    });
    offerSpellingSuggestions(window.webContents);
  });
  // Quitting waits for the sign-out, so contacts see me leave at once rather than at a timeout.
  let signedOff = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (signedOff) return;
    event.preventDefault();
    // The windows are still open: their places are written now, before quitting closes them.
    const placesWritten = rememberWindowPlaces();
    void messengerApp
      .close()
      .then(() => demo.close())
      .then(() => placesWritten)
      .catch(() => {})
      .finally(() => {
        signedOff = true;
        app.quit();
      });
  });
  createTray(messengerApp, (account) => showAccountWindow(messengerApp, account, () => quitting));
  followSpellCheckLanguages(messengerApp);
  watchSystemActivity(() => void messengerApp.dispatch('reportActivity', []));
  // Every account slot the app kept comes back with its window, each signing in by itself if it asked to.
  for (const account of messengerApp.accountIds) showAccountWindow(messengerApp, account, () => quitting);
  void messengerApp.signInAutomatically();
  return messengerApp;
}
