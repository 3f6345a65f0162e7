// The IPC contract between main and the renderer (Electron IPC or the browser host's WebSocket):
// the commands come from the one command table (commands.ts); here are the events main sends, the
// state patch and the API a page sees.

import type { AccountId } from './accounts';
import type { CommandArgs, CommandName, CommandReply } from './commands';
import type { AppError, Contact, Conversation, MessengerState, TranscriptEntry } from './model';

export type { SignInRequest } from './schemas';

export interface ServerPreset {
  readonly label: string;
  /** `host:port`, or `demo` for the local demo server started inside the app. */
  readonly address: string;
}

export interface Settings {
  readonly autoIdleMinutes: number;
  readonly sounds: boolean;
  readonly toasts: boolean;
  readonly signInAtStart: boolean;
  readonly lastServer: string;
  readonly lastHandle: string;
  readonly rememberPassword: boolean;
  readonly autoSignIn: boolean;
  /** True when a password is stored for lastHandle (the password itself never crosses IPC). */
  readonly hasSavedPassword: boolean;
  readonly presets: readonly ServerPreset[];
}

/**
 * A transcript's changed tail: the transcript is its first `from` entries as they were, followed by
 * `items`. `from` is the first index whose entry changed, so an appended message or a delivery ACK
 * near the end carries an entry or two, never the whole transcript; a shorter transcript is a
 * tail with fewer items. Applied to a transcript that already has the change it changes nothing.
 */
export interface TranscriptTail {
  readonly from: number;
  readonly items: readonly TranscriptEntry[];
}

type ConversationFields = Omit<Conversation, 'id' | 'entries'>;

/**
 * What changed in a conversation the window already has. Each field present is its whole new
 * value (null for an optional field that went away); `entries` is the transcript's changed tail.
 * A typing flag or a reconnection then costs a few bytes, whatever the length of the transcript.
 */
export type ConversationUpdate = {
  readonly [K in keyof ConversationFields]?: undefined extends ConversationFields[K]
    ? Exclude<ConversationFields[K], undefined> | null
    : ConversationFields[K];
} & { readonly entries?: TranscriptTail };

/** Changes to the state since the last snapshot or patch; absent keys did not change. */
export interface StatePatch {
  readonly session?: MessengerState['session'];
  readonly profile?: MessengerState['profile'] | null;
  readonly privacy?: MessengerState['privacy'];
  readonly mail?: MessengerState['mail'];
  readonly addedBy?: MessengerState['addedBy'];
  readonly contacts?: { readonly set: Readonly<Record<string, Contact>>; readonly remove: readonly string[] };
  /**
   * `set` carries conversations new to the window whole; `update` only what changed in ones it
   * has (by id; a window without that conversation is out of step and needs a snapshot).
   */
  readonly conversations?: {
    readonly set: Readonly<Record<string, Conversation>>;
    readonly update?: Readonly<Record<string, ConversationUpdate>>;
    readonly remove: readonly string[];
  };
}

/** Something to tell the user about right now (toast, sound, live region). */
export type Notice =
  | { readonly kind: 'message'; readonly conversationId: string; readonly from: string; readonly fromName: string; readonly text: string }
  | { readonly kind: 'new-mail'; readonly from: string; readonly subject: string }
  | { readonly kind: 'online'; readonly handle: string; readonly friendlyName: string }
  | { readonly kind: 'added-by'; readonly handle: string; readonly friendlyName: string }
  /** `conversationId`: the error belongs to that conversation, whose transcript already shows it. */
  | { readonly kind: 'error'; readonly error: AppError; readonly conversationId?: string }
  | { readonly kind: 'signed-out'; readonly reason: string; readonly message?: string };

/** Everything a window needs to start: its account's state and the app's settings. */
export interface Snapshot {
  readonly account: AccountId;
  readonly state: MessengerState;
  readonly settings: Settings;
}

/** Main → renderer events, one payload each. A window follows the events of its own account. */
export interface IpcEvents {
  snapshot: Snapshot;
  patch: { readonly account: AccountId; readonly patch: StatePatch };
  notice: { readonly account: AccountId; readonly notice: Notice };
  settings: Settings;
}

export type EventName = keyof IpcEvents;

export const EVENT_NAMES = ['snapshot', 'patch', 'notice', 'settings'] as const satisfies readonly EventName[];

/**
 * The API the preload (or the browser host's bridge) puts on `window.msn`: one method per command
 * of the table (shared/commands.ts), taking its arguments as the table says, plus `on` for events.
 */
export type MsnApi = {
  readonly [K in CommandName]: (...args: CommandArgs<K>) => Promise<CommandReply<K>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};

/** IPC channel of an event. */
export const eventChannel = (name: EventName): string => `msn:event:${name}`;
