// The one IPC contract between main and the renderer (Electron IPC or the browser host's
// WebSocket). Adding a command is one line in `IpcCommands` plus its schema in schemas.ts; the
// compiler then points at the handler and the caller.

import type {
  HistoryContact,
  HistoryConversation,
  HistoryDeletion,
  HistoryExport,
  HistoryExportFormat,
  HistoryExportScope,
  HistoryMessage,
  HistoryProblem,
  HistorySearchResult,
} from './history';
import type {
  AddedAlertMode,
  AppError,
  Contact,
  Conversation,
  MessageFormat,
  MessengerState,
  PrivacyMode,
  SettableStatus,
  TranscriptEntry,
  UrlService,
} from './model';

export interface SignInRequest {
  /** `host:port` (port defaults to 1863) or the literal `demo` for the built-in local server. */
  readonly server: string;
  readonly handle: string;
  /** Empty when the saved password is to be used. */
  readonly password: string;
  readonly status: SettableStatus;
  readonly rememberPassword: boolean;
  readonly autoSignIn: boolean;
}

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
  /** Whether each account (by sign-in name) keeps a chat history; an account not listed was never asked. */
  readonly history: Readonly<Record<string, boolean>>;
}

/** Renderer → main requests. `args` is what the preload method takes; `result` what it resolves with. */
export interface IpcCommands {
  getSnapshot: { args: []; result: { state: MessengerState; settings: Settings } };
  signIn: { args: [SignInRequest]; result: void };
  signOut: { args: []; result: void };
  setStatus: { args: [SettableStatus]; result: void };
  setFriendlyName: { args: [string]; result: void };
  addContact: { args: ['FL' | 'AL' | 'BL', string]; result: void };
  removeContact: { args: ['FL' | 'AL' | 'BL', string]; result: void };
  blockContact: { args: [string]; result: void };
  unblockContact: { args: [string]; result: void };
  setPrivacyMode: { args: [PrivacyMode]; result: void };
  setAddedAlert: { args: [AddedAlertMode]; result: void };
  setIms: { args: [boolean]; result: void };
  inviteByEmail: { args: [string]; result: void };
  /** The Passport form is built and opened in main; its fields (derived from the password) never cross IPC. */
  openInbox: { args: []; result: void };
  openUrl: { args: [UrlService, string?]; result: void };
  openNewMail: { args: []; result: void };
  answerAddedBy: { args: [string, { allow: boolean; addToContacts: boolean }]; result: void };
  openConversation: { args: [string]; result: string };
  showConversation: { args: [string]; result: void };
  sendMessage: { args: [string, string, MessageFormat?]; result: string };
  resendMessage: { args: [string, string]; result: void };
  sendTyping: { args: [string]; result: void };
  inviteToConversation: { args: [string, string]; result: void };
  closeConversation: { args: [string]; result: void };
  reportActivity: { args: []; result: void };
  saveSettings: { args: [Partial<Omit<Settings, 'hasSavedPassword' | 'presets' | 'history'>>]; result: Settings };
  /** Keep history for the signed-in account, or stop (what is kept stays until deleted). */
  setHistoryEnabled: { args: [boolean]; result: Settings };
  /** Shows the history window, at a contact's conversations when one is named. */
  openHistory: { args: [string?]; result: void };
  /** The last lines of earlier conversations with the same people, for an open conversation. */
  historyRecent: { args: [string]; result: readonly HistoryMessage[] };
  historyContacts: { args: []; result: readonly HistoryContact[] };
  historyConversation: { args: [string]; result: HistoryConversation | null };
  historySearch: { args: [string]; result: HistorySearchResult };
  /** Resolves with the number of messages deleted. */
  historyDelete: { args: [HistoryDeletion]; result: number };
  historyExport: { args: [HistoryExportScope, HistoryExportFormat]; result: HistoryExport };
}

export type CommandName = keyof IpcCommands;

/** Every command answers with data, never a thrown error: expected failures are AppErrors. */
export type CommandResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

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
  | { readonly kind: 'signed-out'; readonly reason: string; readonly message?: string }
  /** History is not being written as it should (a banner until `history-recovered`); `setAsideAs` names a damaged database's new file. */
  | { readonly kind: 'history'; readonly problem: HistoryProblem; readonly setAsideAs?: string }
  | { readonly kind: 'history-recovered' };

/** Main → renderer events, one payload each. */
export interface IpcEvents {
  snapshot: { state: MessengerState; settings: Settings };
  patch: StatePatch;
  notice: Notice;
  settings: Settings;
}

export type EventName = keyof IpcEvents;

export const COMMAND_NAMES = [
  'getSnapshot',
  'signIn',
  'signOut',
  'setStatus',
  'setFriendlyName',
  'addContact',
  'removeContact',
  'blockContact',
  'unblockContact',
  'setPrivacyMode',
  'setAddedAlert',
  'setIms',
  'inviteByEmail',
  'openInbox',
  'openUrl',
  'openNewMail',
  'answerAddedBy',
  'openConversation',
  'showConversation',
  'sendMessage',
  'resendMessage',
  'sendTyping',
  'inviteToConversation',
  'closeConversation',
  'reportActivity',
  'saveSettings',
  'setHistoryEnabled',
  'openHistory',
  'historyRecent',
  'historyContacts',
  'historyConversation',
  'historySearch',
  'historyDelete',
  'historyExport',
] as const satisfies readonly CommandName[];

export const EVENT_NAMES = ['snapshot', 'patch', 'notice', 'settings'] as const satisfies readonly EventName[];

/** The API the preload (or the browser host's bridge) puts on `window.msn`. */
export type MsnApi = {
  readonly [K in CommandName]: (...args: IpcCommands[K]['args']) => Promise<CommandResult<IpcCommands[K]['result']>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};

/** IPC channel names: commands are `msn:<name>`, events `msn:event:<name>`. */
export const commandChannel = (name: CommandName): string => `msn:${name}`;
export const eventChannel = (name: EventName): string => `msn:event:${name}`;

/** Fails to compile when a command is missing from COMMAND_NAMES. */
export type AllCommandsListed = Exclude<CommandName, (typeof COMMAND_NAMES)[number]> extends never ? true : never;
export const ALL_COMMANDS_LISTED: AllCommandsListed = true;
