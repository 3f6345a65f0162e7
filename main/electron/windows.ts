// The app's windows: a contact list per account, one window per conversation, a history window
// and a protocol console per account. Each loads the same renderer page; the hash route
// (shared/routes.ts) tells it which account and view to show. The contact list opens where it was
// last closed and conversations at their last size, on a display that still exists
// (window-placement.ts); new conversation windows cascade.

import { BrowserWindow, type BrowserWindowConstructorOptions, screen } from 'electron';
import { type AccountId, FIRST_ACCOUNT } from '../../shared/accounts';
import { type Route, consoleRoute, contactListRoute, conversationRoute, historyRoute, parseRoute } from '../../shared/routes';
import { preloadFile, rendererUrl } from './renderer-url';
import type { WindowMemory } from './window-memory';
import { type Rect, type Size, areaShowing, cascadeFrom, restoreBounds } from './window-placement';
import { shellStrings } from './strings';

const CONTACT_LIST_SIZE: Size = { width: 300, height: 560 };
const CONVERSATION_SIZE: Size = { width: 480, height: 400 };

/** What the entry point hands the windows: where places are remembered, and what to do with each new window. */
export interface WindowSetup {
  readonly memory?: WindowMemory;
  /** Called with every window created (the crash handlers watch its page). */
  readonly created?: (window: BrowserWindow) => void;
}

let setup: WindowSetup = {};

export function setUpWindows(next: WindowSetup): void {
  setup = next;
}

const contactListWindows = new Map<AccountId, BrowserWindow>();
const consoleWindows = new Map<AccountId, BrowserWindow>();
/** Keyed by account and conversation id. */
const conversationWindows = new Map<string, BrowserWindow>();
const conversationKey = (account: AccountId, conversationId: string): string => `${account}/${conversationId}`;

/** What a window of ours shows, from the route it loaded. */
export function routeOfWindow(window: BrowserWindow): Route {
  const url = window.webContents.getURL();
  return parseRoute(URL.canParse(url) ? new URL(url).hash : '');
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
  setup.created?.(window);
  return window;
}

const workAreas = (): Rect[] => screen.getAllDisplays().map((display) => display.workArea);

/** Where the next conversation window goes: cascading from the newest open one, else centred where the contact list is. */
function nextConversationBounds(size: Size): Rect {
  const areas = workAreas();
  const primary = screen.getPrimaryDisplay().workArea;
  const newest = [...conversationWindows.values()].filter((window) => !window.isDestroyed()).at(-1)?.getBounds();
  const newestArea = newest && areaShowing(newest, areas);
  const contactList = [...contactListWindows.values()].find((window) => !window.isDestroyed())?.getBounds();
  const area = newestArea ?? (contactList && areaShowing(contactList, areas)) ?? primary;
  return cascadeFrom(newestArea ? newest : undefined, size, area);
}

/**
 * Where a contact list opens: where the last one was closed; another account's, while one is open,
 * cascades from the newest open one, so the two do not hide each other.
 */
function nextContactListBounds(): Rect {
  const areas = workAreas();
  const primary = screen.getPrimaryDisplay().workArea;
  const remembered = restoreBounds(setup.memory?.contactList, CONTACT_LIST_SIZE, areas, primary);
  const open = [...contactListWindows.values()].filter((window) => !window.isDestroyed()).at(-1)?.getBounds();
  if (!open) return remembered;
  return cascadeFrom(open, { width: remembered.width, height: remembered.height }, areaShowing(open, areas) ?? primary);
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
  const window = createWindow(contactListRoute(account), { title: shellStrings.windowTitle.contactList, ...nextContactListBounds(), minWidth: 240, minHeight: 380 });
  // The bounds it would have if it were not maximized or minimized: where it opens next time.
  window.on('close', () => setup.memory?.rememberContactList(window.getNormalBounds()));
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
  const window = createWindow(consoleRoute(account), { title: shellStrings.windowTitle.console, width: 720, height: 480, minWidth: 420, minHeight: 240 });
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
  const bounds = nextConversationBounds(setup.memory?.conversationSize ?? CONVERSATION_SIZE);
  const window = createWindow(route, { title: shellStrings.windowTitle.conversation, ...bounds, minWidth: 320, minHeight: 260 }, focus);
  window.on('close', () => setup.memory?.rememberConversationSize(window.getNormalBounds()));
  window.on('closed', () => {
    conversationWindows.delete(key);
    options.onClosed?.();
  });
  conversationWindows.set(key, window);
  return window;
}

const historyWindows = new Map<AccountId, BrowserWindow>();

/** Shows the account's history window (one per account), at a contact's conversations when one is named. */
export function showHistoryWindow(account: AccountId, handle?: string): BrowserWindow {
  const route = historyRoute(account, handle);
  const existing = historyWindows.get(account);
  if (existing) {
    void existing.loadURL(rendererUrl(route));
    return bringToFront(existing);
  }
  const window = createWindow(route, { title: shellStrings.windowTitle.history, width: 720, height: 520, minWidth: 480, minHeight: 320 });
  window.on('closed', () => historyWindows.delete(account));
  historyWindows.set(account, window);
  return window;
}

/** Remembers the places of the open windows (the app is quitting); resolves once they are written. */
export function rememberWindowPlaces(): Promise<void> {
  const { memory } = setup;
  if (!memory) return Promise.resolve();
  const open = (windows: Iterable<BrowserWindow>) => [...windows].filter((window) => !window.isDestroyed()).at(-1);
  const contactList = open(contactListWindows.values());
  const conversation = open(conversationWindows.values());
  if (contactList) memory.rememberContactList(contactList.getNormalBounds());
  if (conversation) memory.rememberConversationSize(conversation.getNormalBounds());
  return memory.flush();
}
