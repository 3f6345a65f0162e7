// The browser host's WebSocket protocol: the IPC contract of shared/ipc.ts carried as JSON
// messages, plus one host-only message that stands in for Electron's window management.
//
// A page connects to `ws://127.0.0.1:PORT/ws?token=TOKEN&page=ROUTE` (ROUTE is the hash route it
// shows, shared/routes.ts: `/contacts/ACCOUNT`, `/conversation/ACCOUNT/ID` or `/console/ACCOUNT`). The host answers at once with a `snapshot`
// event, then sends events and command results. Where the desktop app would open a window, the
// host sends `open` to the account's most recently connected contact-list page (any account's when it
// has none), which calls window.open:
// conversations open as named windows (so asking again brings the same one forward), Passport
// form pages as new tabs.

import type { AccountId } from './accounts';
import type { CommandResult } from './commands';
import type { EventName, IpcEvents } from './ipc';

export const WEB_SOCKET_PATH = '/ws';
export const TOKEN_PARAMETER = 'token';
export const PAGE_PARAMETER = 'page';
/** Form pages are served at `/form/<id>?token=TOKEN`. */
export const FORM_PATH = '/form/';

export interface CommandMessage {
  readonly type: 'command';
  readonly id: number;
  readonly name: string;
  readonly args: readonly unknown[];
}

export type ResultMessage = { readonly type: 'result'; readonly id: number; readonly result: CommandResult<unknown> };

export type EventMessage = {
  readonly [E in EventName]: { readonly type: 'event'; readonly name: E; readonly payload: IpcEvents[E] };
}[EventName];

export interface OpenMessage {
  readonly type: 'open';
  /** A same-origin path (with the token) or an external http(s) URL. */
  readonly url: string;
  /** A window name, so that a conversation opened twice reuses its window; `_blank` for a new tab. */
  readonly target: string;
}

export type HostMessage = ResultMessage | EventMessage | OpenMessage;

/** The window name of a conversation's page. */
export const conversationTarget = (account: AccountId, conversationId: string): string => `msn-conversation-${account}-${conversationId}`;

/** The window names of an account's contact list and protocol console, so each opens once. */
export const contactListTarget = (account: AccountId): string => `msn-contacts-${account}`;
export const consoleTarget = (account: AccountId): string => `msn-console-${account}`;

/** The window name of an account's history window: one per account. */
export const historyTarget = (account: AccountId): string => `msn-history-${account}`;
