// The one command table: every renderer → main command, its argument schema and its result type,
// written once. The IPC types, the channel names, the preload's API, the browser bridge and the
// core's handler map are all derived from it, so adding a command is one entry here plus its
// handler in main/app (the compiler points at the handler).

import { z } from './zod';
import type { HistoryContact, HistoryConversation, HistoryExportData, HistoryMessage, HistorySearchResult } from './history';
import type { AppInfo, Settings, Snapshot } from './ipc';
import type { AppError, TranscriptEntry } from './model';
import {
  accountSchema,
  addedByAnswerSchema,
  conversationIdSchema,
  editableListSchema,
  entryCountSchema,
  entryIndexSchema,
  friendlyNameSchema,
  handleSchema,
  historyDeletionSchema,
  historyExportScopeSchema,
  historyQuerySchema,
  messageFormatSchema,
  messageIdSchema,
  messageTextSchema,
  privacyModeSchema,
  addedAlertSchema,
  contactPreferencesSchema,
  linkSchema,
  notificationSchema,
  settingsPatchSchema,
  signInSchema,
  statusSchema,
  urlServiceSchema,
  accountSettingsPatchSchema,
  proxyTestSchema,
} from './schemas';
import type { AccountId } from './accounts';
import type { ConsoleSnapshot } from './console';

declare const RESULT: unique symbol;
/** A command's result type, carried by the type alone (results are main's own data, never validated). */
interface Returns<R> {
  readonly [RESULT]?: R;
}
const returns = <R = void>(): Returns<R> => ({});

/**
 * `account`: the command acts on one signed-in (or signing-in) account, named by the first
 * argument; the renderer's bridge adds its window's account. `app`: the command concerns the app.
 */
type Scope = 'account' | 'app';

interface CommandSpec {
  readonly scope: Scope;
  readonly args: z.ZodType<readonly unknown[]>;
  readonly result: Returns<unknown>;
}

const onAccount = <Rest extends [] | [z.ZodType, ...z.ZodType[]], R = void>(rest: Rest, result?: Returns<R>) => ({
  scope: 'account' as const,
  args: z.tuple([accountSchema, ...rest]),
  result: result ?? returns<R>(),
});

export const COMMANDS = {
  /** Everything a window needs to start: its account's state and the app's settings. */
  getSnapshot: onAccount([], returns<Snapshot>()),
  /** Signs the account in; the account's id is the sign-in name, normalised. */
  signIn: onAccount([signInSchema]),
  signOut: onAccount([]),
  setStatus: onAccount([statusSchema]),
  setFriendlyName: onAccount([friendlyNameSchema]),
  addContact: onAccount([editableListSchema, handleSchema]),
  removeContact: onAccount([editableListSchema, handleSchema]),
  blockContact: onAccount([handleSchema]),
  unblockContact: onAccount([handleSchema]),
  setPrivacyMode: onAccount([privacyModeSchema]),
  setAddedAlert: onAccount([addedAlertSchema]),
  setIms: onAccount([z.boolean()]),
  inviteByEmail: onAccount([handleSchema]),
  /** The Passport form is built and opened in main; its fields (derived from the password) never cross IPC. */
  openInbox: onAccount([]),
  openUrl: onAccount([urlServiceSchema, handleSchema.optional()]),
  openNewMail: onAccount([]),
  answerAddedBy: onAccount([handleSchema, addedByAnswerSchema]),
  openConversation: onAccount([handleSchema], returns<string>()),
  showConversation: onAccount([conversationIdSchema]),
  sendMessage: onAccount([conversationIdSchema, messageTextSchema, messageFormatSchema.optional()], returns<string>()),
  resendMessage: onAccount([conversationIdSchema, messageIdSchema]),
  sendTyping: onAccount([conversationIdSchema]),
  inviteToConversation: onAccount([conversationIdSchema, handleSchema]),
  closeConversation: onAccount([conversationIdSchema]),
  /**
   * `count` entries of a conversation from index `from` (fewer at its end): a window holds only the
   * newest of a long conversation and asks for older ones as they scroll into view.
   */
  conversationEntries: onAccount([conversationIdSchema, entryIndexSchema, entryCountSchema], returns<readonly TranscriptEntry[]>()),
  /** The user did something: auto-idle starts counting again, for every account. */
  reportActivity: { scope: 'app', args: z.tuple([]), result: returns() },
  saveSettings: { scope: 'app', args: z.tuple([settingsPatchSchema]), result: returns<Settings>() },
  /** Keep the account's chat history, or stop (what is kept stays until deleted). */
  setHistoryEnabled: onAccount([z.boolean()], returns<Settings>()),
  /** Shows the account's history window, at a contact's conversations when one is named. */
  openHistory: onAccount([handleSchema.optional()]),
  /** The last lines of earlier conversations with the same people, for an open conversation. */
  historyRecent: onAccount([conversationIdSchema], returns<readonly HistoryMessage[]>()),
  historyContacts: onAccount([], returns<readonly HistoryContact[]>()),
  historyConversation: onAccount([conversationIdSchema], returns<HistoryConversation | null>()),
  historySearch: onAccount([historyQuerySchema], returns<HistorySearchResult>()),
  /** Resolves with the number of messages deleted. */
  historyDelete: onAccount([historyDeletionSchema], returns<number>()),
  historyExport: onAccount([historyExportScopeSchema], returns<HistoryExportData>()),
  /** The user has read about the damaged files in Settings.recovered. */
  dismissRecovered: { scope: 'app', args: z.tuple([]), result: returns<Settings>() },
  getAppInfo: { scope: 'app', args: z.tuple([]), result: returns<AppInfo>() },
  /** Help → Open Log Folder: the folder of the log file, in the system's file manager. */
  openLogFolder: { scope: 'app', args: z.tuple([]), result: returns() },
  /** Opens a web or e-mail link in the system's browser or mail client, once the schema accepted it. */
  openLink: { scope: 'app', args: z.tuple([linkSchema]), result: returns() },
  /**
   * A system notification the contact-list window worded (the desktop app shows it while none of
   * its windows has the focus; the browser host has the page's own toast).
   */
  notify: { scope: 'app', args: z.tuple([notificationSchema]), result: returns() },
  /** What the account's signed-in handle remembers about a contact: sign-in alert, sound, spelling language. */
  setContactPreferences: onAccount([handleSchema, contactPreferencesSchema]),
  /** File → Sign In with Another Account…: a new account slot, whose contact-list window the shell opens. */
  addAccount: { scope: 'app', args: z.tuple([]), result: returns<AccountId>() },
  /** File → Contact List of …: brings another account's contact-list window back (opened again if it was closed). */
  showContactList: { scope: 'app', args: z.tuple([accountSchema]), result: returns() },
  /** The account's own settings: its server and its proxy (used from its next sign-in). */
  saveAccountSettings: onAccount([accountSettingsPatchSchema], returns<Settings>()),
  /** Options → Connection → Test: reaches the server through the proxy; answers the server reached, or why not. */
  testProxy: onAccount([proxyTestSchema], returns<string>()),
  /** Tools → Protocol Console: the shell opens the account's console window. */
  openProtocolConsole: onAccount([]),
  getProtocolConsole: onAccount([], returns<ConsoleSnapshot>()),
  /** Recording is off until a console turns it on; off again, nothing more is kept. */
  setProtocolConsoleRecording: onAccount([z.boolean()]),
  clearProtocolConsole: onAccount([]),
} as const;

// Checked here rather than with `satisfies`, whose contextual type would widen every result to unknown.
const _everyCommandIsASpec: Readonly<Record<string, CommandSpec>> = COMMANDS;

export type CommandName = keyof typeof COMMANDS;
export type AccountCommandName = { [K in CommandName]: (typeof COMMANDS)[K]['scope'] extends 'account' ? K : never }[CommandName];

export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

export function isAccountCommand(name: CommandName): name is AccountCommandName {
  return COMMANDS[name].scope === 'account';
}

/** What a caller passes (account-scoped commands start with the account). */
export type CommandArgs<K extends CommandName> = z.input<(typeof COMMANDS)[K]['args']>;
/** What a handler receives once the schema accepted the arguments (trimmed, lower-cased…). */
export type ValidArgs<K extends CommandName> = z.output<(typeof COMMANDS)[K]['args']>;
export type CommandValue<K extends CommandName> = (typeof COMMANDS)[K]['result'] extends Returns<infer R> ? R : never;

/** Every command answers with data, never a thrown error: expected failures are AppErrors. */
export type CommandResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };
export type CommandReply<K extends CommandName> = CommandResult<CommandValue<K>>;

/** The core's handler map: one function per command, given the validated arguments. */
export type CommandHandlers = {
  readonly [K in CommandName]: (...args: ValidArgs<K>) => CommandValue<K> | Promise<CommandValue<K>>;
};

/** IPC channel of a command. */
export const commandChannel = (name: CommandName): string => `msn:${name}`;
