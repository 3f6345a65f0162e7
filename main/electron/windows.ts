// The app's windows: a contact list per account, one window per conversation, and an account's
// protocol console. Each loads the same renderer page; the hash route (shared/routes.ts) tells it
// which account and view to show.

import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { type AccountId, FIRST_ACCOUNT } from '../../shared/accounts';
import { consoleRoute, contactListRoute, conversationRoute, parseRoute } from '../../shared/routes';
import { preloadFile, rendererUrl } from './renderer-url';

const contactListWindows = new Map<AccountId, BrowserWindow>();
const consoleWindows = new Map<AccountId, BrowserWindow>();
/** Keyed by account and conversation id. */
const conversationWindows = new Map<string, BrowserWindow>();
const conversationKey = (account: AccountId, conversationId: string): string => `${account}/${conversationId}`;

/** The account a window of ours belongs to, from the route it loaded. */
export function accountOfWindow(window: BrowserWindow): AccountId {
  const url = window.webContents.getURL();
  return parseRoute(URL.canParse(url) ? new URL(url).hash : '').account;
}

function createWindow(route: string, options: BrowserWindowConstructorOptions, focus = true): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    show: false,
    webPreferences: {
      preload: preloadFile(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => (focus ? window.show() : window.showInactive()));
  window.loadURL(rendererUrl(route)).catch((error: unknown) => {
    console.error(`Could not load ${route}:`, error);
  });
  return window;
}

function bringToFront(window: BrowserWindow): BrowserWindow {
  if (window.isMinimized()) window.restore();
  window.focus();
  return window;
}

/**
 * Shows an account's contact list, creating it the first time (and again after it was closed);
 * `onClosed` is called when the window this call created is closed.
 */
export function showContactListWindow(account: AccountId = FIRST_ACCOUNT, onClosed?: () => void): BrowserWindow {
  const existing = contactListWindows.get(account);
  if (existing) return bringToFront(existing);
  const window = createWindow(contactListRoute(account), {
    title: 'MSN Messenger',
    width: 300,
    height: 560,
    minWidth: 240,
    minHeight: 380,
  });
  window.on('closed', () => {
    contactListWindows.delete(account);
    onClosed?.();
  });
  contactListWindows.set(account, window);
  return window;
}

/** Shows an account's protocol console, one window per account. */
export function showConsoleWindow(account: AccountId): BrowserWindow {
  const existing = consoleWindows.get(account);
  if (existing) return bringToFront(existing);
  const window = createWindow(consoleRoute(account), { title: 'Protocol Console', width: 720, height: 480, minWidth: 420, minHeight: 240 });
  window.on('closed', () => consoleWindows.delete(account));
  consoleWindows.set(account, window);
  return window;
}

/** The account's console window, when one is open (console lines go to it alone). */
export function consoleWindowOf(account: AccountId): BrowserWindow | undefined {
  return consoleWindows.get(account);
}

export interface ConversationWindowOptions {
  /** False for a conversation someone else started: it appears (or flashes) without taking the focus. */
  readonly focus?: boolean;
  /** Called when the window this call created is closed. */
  readonly onClosed?: () => void;
}

/** Shows the window of a conversation, reusing it when it is already open. */
export function showConversationWindow(
  account: AccountId,
  conversationId: string,
  options: ConversationWindowOptions = {},
): BrowserWindow {
  const focus = options.focus ?? true;
  const key = conversationKey(account, conversationId);
  const existing = conversationWindows.get(key);
  if (existing) {
    if (focus) return bringToFront(existing);
    if (!existing.isFocused()) existing.flashFrame(true);
    return existing;
  }
  const route = conversationRoute(account, conversationId);
  const window = createWindow(route, { title: 'Conversation', width: 480, height: 400, minWidth: 320, minHeight: 260 }, focus);
  window.on('closed', () => {
    conversationWindows.delete(key);
    options.onClosed?.();
  });
  conversationWindows.set(key, window);
  return window;
}
