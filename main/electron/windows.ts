// The app's windows: one contact list, one window per conversation, and the history window. Each loads the same
// renderer page; the hash route tells it which view to show.

import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { conversationRoute, historyRoute } from '../../shared/web-protocol';
import { preloadFile, rendererUrl } from './renderer-url';

let contactListWindow: BrowserWindow | undefined;
let historyWindow: BrowserWindow | undefined;
const conversationWindows = new Map<string, BrowserWindow>();

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

/** Shows the contact list, creating it the first time (and again after it was closed). */
export function showContactListWindow(): BrowserWindow {
  if (contactListWindow) return bringToFront(contactListWindow);
  const window = createWindow('/contacts', { title: 'MSN Messenger', width: 300, height: 560, minWidth: 240, minHeight: 380 });
  window.on('closed', () => {
    contactListWindow = undefined;
  });
  contactListWindow = window;
  return window;
}

export interface ConversationWindowOptions {
  /** False for a conversation someone else started: it appears (or flashes) without taking the focus. */
  readonly focus?: boolean;
  /** Called when the window this call created is closed. */
  readonly onClosed?: () => void;
}

/** Shows the window of a conversation, reusing it when it is already open. */
export function showConversationWindow(conversationId: string, options: ConversationWindowOptions = {}): BrowserWindow {
  const focus = options.focus ?? true;
  const existing = conversationWindows.get(conversationId);
  if (existing) {
    if (focus) return bringToFront(existing);
    if (!existing.isFocused()) existing.flashFrame(true);
    return existing;
  }
  const route = conversationRoute(conversationId);
  const window = createWindow(route, { title: 'Conversation', width: 480, height: 400, minWidth: 320, minHeight: 260 }, focus);
  window.on('closed', () => {
    conversationWindows.delete(conversationId);
    options.onClosed?.();
  });
  conversationWindows.set(conversationId, window);
  return window;
}

/** Shows the history window (one for the app), at a contact's conversations when one is named. */
export function showHistoryWindow(handle?: string): BrowserWindow {
  const route = historyRoute(handle);
  if (historyWindow) {
    void historyWindow.loadURL(rendererUrl(route));
    return bringToFront(historyWindow);
  }
  const window = createWindow(route, { title: 'Message History', width: 720, height: 520, minWidth: 480, minHeight: 320 });
  window.on('closed', () => {
    historyWindow = undefined;
  });
  historyWindow = window;
  return window;
}
