// The IPC contract between main and the renderer (Electron IPC or the browser host's WebSocket):
// the commands come from the one command table (commands.ts); here are the events main sends, the
// state patch and the API a page sees.

import type { AccountId } from './accounts';
import type { CommandArgs, CommandName, CommandReply } from './commands';
import type { HistoryProblem } from './history';
import type { AppError, MessengerState, RecoveredFile } from './model';
import type { AutoReplySettings, ContactPreferencesByAccount, PlusTagMode, ThemeChoice, UiScale } from './preferences';
import type { StatePatch } from './state';
import type { ConsoleSnapshot } from './console';
import type { ProxySettings } from './proxy';
import type { ServerPreset } from './server-presets';

export type { ConversationUpdate, StatePatch, TranscriptTail } from './state';

export type { SignInRequest } from './schemas';

export type { ServerPreset };

/** What one account of the app remembers: its sign-in form and its connection. */
export interface AccountSettings {
  readonly lastServer: string;
  readonly lastHandle: string;
  readonly rememberPassword: boolean;
  readonly autoSignIn: boolean;
  /** The proxy every connection of the account goes through; none means direct. */
  readonly proxy?: ProxySettings;
  /** True when a password is stored for lastHandle (the password itself never crosses IPC). */
  readonly hasSavedPassword: boolean;
  /** True when the proxy's password is stored (it never crosses IPC either). */
  readonly hasProxyPassword: boolean;
}

/**
 * Where "Remember my password" keeps it: sealed by the system's keyring, in memory until the app
 * stops, or nowhere, where the system has no keyring worth the name (the option is not offered).
 */
export type PasswordStorage = 'keyring' | 'memory' | 'none';

/** Settings main works out; a window cannot save them. */
export type DerivedSetting = 'hasSavedPassword' | 'presets' | 'recovered' | 'spellCheckLanguages' | 'passwordStorage';

export interface Settings {
  readonly autoIdleMinutes: number;
  readonly sounds: boolean;
  readonly toasts: boolean;
  readonly signInAtStart: boolean;
  /** Every account slot of the app (a1, a2…), each with its own sign-in and connection. */
  readonly accounts: Readonly<Record<AccountId, AccountSettings>>;
  /** Whether the log file may show what messages say; by default it shows their length only. */
  readonly logMessageText: boolean;
  readonly presets: readonly ServerPreset[];
  /** Whether each account (by sign-in name) keeps a chat history; an account not listed was never asked. */
  readonly history: Readonly<Record<string, boolean>>;
  readonly theme: ThemeChoice;
  readonly uiScale: UiScale;
  readonly plusTags: PlusTagMode;
  /** Esc closes a conversation window (as MSN's did); some people would rather it did not. */
  readonly escapeClosesConversation: boolean;
  readonly autoReply: AutoReplySettings;
  /** Per signed-in handle (lower-cased), per contact; set with setContactPreferences. */
  readonly contactPreferences: ContactPreferencesByAccount;
  /** The spelling languages the shell has dictionaries for; empty when the browser keeps its own list. */
  readonly spellCheckLanguages: readonly string[];
  readonly passwordStorage: PasswordStorage;
  /** Files found damaged and set aside, until the user has been told (dismissRecovered). */
  readonly recovered: readonly RecoveredFile[];
}

/** What Help → About shows besides the app's own version: what it runs on and where its files are. */
export interface AppInfo {
  /** Node always; Electron and Chromium in the desktop app. */
  readonly versions: { readonly node: string; readonly electron?: string; readonly chromium?: string };
  readonly dataFolder: string;
  /** The log file, when one is written (always in the desktop app; with --log in the browser host). */
  readonly logFile?: string;
}

/** Something to tell the user about right now (toast, sound, live region). */
export type Notice =
  | { readonly kind: 'message'; readonly conversationId: string; readonly from: string; readonly fromName: string; readonly text: string }
  | { readonly kind: 'new-mail'; readonly from: string; readonly subject: string }
  | { readonly kind: 'online'; readonly handle: string; readonly friendlyName: string }
  | { readonly kind: 'added-by'; readonly handle: string; readonly friendlyName: string }
  /** Found at sign-in: they removed me from their contact list since the last time. */
  | { readonly kind: 'removed-by'; readonly handle: string; readonly friendlyName: string }
  /** `conversationId`: the error belongs to that conversation, whose transcript already shows it. */
  | { readonly kind: 'error'; readonly error: AppError; readonly conversationId?: string }
  /** `error`: why, when the user did not sign out themselves. */
  | { readonly kind: 'signed-out'; readonly reason: string; readonly error?: AppError }
  /** History is not being written as it should (a banner until `history-recovered`); `setAsideAs` names a damaged database's new file. */
  | { readonly kind: 'history'; readonly problem: HistoryProblem; readonly setAsideAs?: string }
  | { readonly kind: 'history-recovered' };

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
  /** New protocol console lines of an account (only console windows follow it). */
  console: ConsoleEvent;
}

/** The console's change: `lines` are the ones new since the last event. */
export interface ConsoleEvent extends ConsoleSnapshot {
  readonly account: AccountId;
}

export type EventName = keyof IpcEvents;

export const EVENT_NAMES = ['snapshot', 'patch', 'notice', 'settings', 'console'] as const satisfies readonly EventName[];

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
