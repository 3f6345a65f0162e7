// The application without a shell: one messenger, its settings and the Local demo, answering
// every IPC command and telling windows what changed. Electron and the browser host each wrap
// it in a few lines; everything here is plain Node.

import { type AccountId, FIRST_ACCOUNT } from '../../shared/accounts';
import {
  COMMANDS,
  type AccountCommandName,
  type CommandName,
  type CommandReply,
  type CommandValue,
  type ValidArgs,
  isAccountCommand,
} from '../../shared/commands';
import { TypedEmitter } from '../../shared/emitter';
import type { IpcEvents, Notice, SignInRequest, Snapshot } from '../../shared/ipc';
import { openableLink } from '../../shared/links';
import type { AppError, PassportForm } from '../../shared/model';
import { activeReplies, type ContactPreferences } from '../../shared/preferences';
import { MessengerError, inputError } from '../client/errors';
import { appInfo, openLogFolder } from './app-info';
import type { AppLog } from './app-log';
import type { DemoServer } from './demo-server';
import { toCommandError, validationError } from './errors';
import { AppHistory, type AppHistoryOptions, historyUnavailable } from './history/app-history';
import type { MessengerPort, MessengerPortOptions } from './messenger-port';
import type { SecretStore } from './secret-store';
import { DEMO_SERVER, SettingsStore, type StoredSettings } from './settings-store';
import { SignInAlerts } from './sign-in-alerts';
import { logSessionActivity } from './session-log';
import { StateSync } from './state-sync';

/** What a shell does for the app: windows and the user's browser. */
export interface AppShell {
  /** Shows a conversation's window; `incoming` ones appear without stealing the focus. */
  showConversation(account: AccountId, conversationId: string, reason: 'user' | 'incoming'): void;
  openExternal(pathOrUrl: string): void | Promise<void>;
  /** Opens a link someone clicked, already checked by shared/links.ts: the browser or the mail client. */
  openLink(url: string): void | Promise<void>;
  /** Shows a system notification (the desktop app, while no window of its has the focus). */
  notify?(notification: { readonly title: string; readonly body: string }): void;
  /** A shell that serves Passport form pages itself (the browser host) presents them here. */
  openForm?(form: PassportForm): void | Promise<void>;
  /** Shows the account's history window, at a contact's conversations when one is named. */
  showHistory(account: AccountId, handle?: string): void;
  /** Shows a folder of ours (the log's) in the system's file manager. */
  showFolder?(folder: string): Promise<void>;
}

export interface MessengerAppOptions {
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly shell: AppShell;
  readonly createMessenger: (options: MessengerPortOptions) => MessengerPort;
  /** Settings a fresh data directory starts with. */
  readonly defaults?: Partial<StoredSettings>;
  /** The Local demo, composed by the shell's entry point (the app never imports the server). */
  readonly demo: DemoAddress;
  /** Chat history (the shell says where its worker is); without it, history commands say it is unavailable. */
  readonly history?: AppHistoryOptions;
  /** Where sign-in steps, errors and the MSNP lines go (main/app/app-log.ts). */
  readonly log?: AppLog;
  /** The spelling languages the shell has dictionaries for (Electron's); none for a browser. */
  readonly spellCheckLanguages?: readonly string[];
}

/** The part of the demo server the app uses. */
export type DemoAddress = Pick<DemoServer, 'address'>;

export type AppEvents = Omit<IpcEvents, 'snapshot'>;

/** One account of the app: its client, and the state sync that tells its windows what changed. */
export interface Account {
  readonly id: AccountId;
  readonly messenger: MessengerPort;
  readonly sync: StateSync;
  readonly signInAlerts: SignInAlerts;
  /** The chat history of whoever signs in on this account, when the shell set history up. */
  readonly history: AppHistory | undefined;
}

type Rest<T extends readonly unknown[]> = T extends readonly [unknown, ...infer Tail] ? Tail : never;

/** The core's handlers: an account command gets its account (looked up by the dispatcher) and the rest of its arguments. */
type Handlers = {
  readonly [K in CommandName]: K extends AccountCommandName
    ? (account: Account, ...args: Rest<ValidArgs<K>>) => CommandValue<K> | Promise<CommandValue<K>>
    : (...args: ValidArgs<K>) => CommandValue<K> | Promise<CommandValue<K>>;
};

export class MessengerApp extends TypedEmitter<AppEvents> {
  private readonly accounts = new Map<AccountId, Account>();
  private readonly settings: SettingsStore;
  private readonly demo: DemoAddress;
  private readonly shell: AppShell;
  private readonly log: (line: string) => void;
  private readonly handlers: Handlers;
  private readonly options: MessengerAppOptions;

  constructor(options: MessengerAppOptions) {
    super();
    this.options = options;
    this.log = options.log ? (line) => options.log?.info(line) : () => {};
    this.shell = options.shell;
    this.settings = new SettingsStore(options.dataDir, options.secrets, options.defaults, this.log, options.spellCheckLanguages);
    this.demo = options.demo;
    this.handlers = this.createHandlers();
    this.addAccount(FIRST_ACCOUNT);
  }

  /** The account's messenger (for a shell's own needs, such as the tray's status). */
  account(id: AccountId): Account | undefined {
    return this.accounts.get(id);
  }

  /** Everything a window of the account needs to start. */
  snapshot(account: AccountId = FIRST_ACCOUNT): Snapshot {
    const state = this.accounts.get(account)?.sync.state ?? this.accounts.get(FIRST_ACCOUNT)?.sync.state;
    if (!state) throw new Error('The app has no account');
    return { account, state, settings: this.settings.settings };
  }

  /** Runs one command from a window. Nothing throws: bad input and failures come back as AppErrors. */
  async dispatch<K extends CommandName>(name: K, args: unknown): Promise<CommandReply<K>> {
    const parsed = COMMANDS[name].args.safeParse(args);
    if (!parsed.success) return { ok: false, error: validationError(name, parsed.error) };
    try {
      const value = await this.run(name, parsed.data as ValidArgs<K>);
      return { ok: true, value };
    } catch (error) {
      const appError = toCommandError(error);
      if (appError.kind === 'internal') this.options.log?.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return { ok: false, error: appError };
    }
  }

  /**
   * "Sign me in automatically": at start, with the remembered password of the last account.
   * A failure shows on the sign-in form like any other (the session state carries it).
   */
  async signInAutomatically(): Promise<void> {
    const { autoSignIn, hasSavedPassword, lastServer, lastHandle } = this.settings.settings;
    if (!autoSignIn || !hasSavedPassword) return;
    const request: SignInRequest = {
      server: lastServer,
      handle: lastHandle,
      password: '',
      status: 'NLN',
      rememberPassword: true,
      autoSignIn: true,
    };
    const result = await this.dispatch('signIn', [FIRST_ACCOUNT, request]);
    if (!result.ok) this.log(`Automatic sign-in failed: ${result.error.reason}${result.error.code === undefined ? '' : ` ${result.error.code}`}`);
  }

  /** Signs every account out and closes its history. The demo server belongs to the shell that composed it. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.accounts.values()].map(async ({ messenger, history }) => {
        if (messenger.state.session.state !== 'offline') await messenger.signOut().catch(() => {});
        await history?.close();
      }),
    );
  }

  private addAccount(id: AccountId): Account {
    const messenger = this.options.createMessenger({
      dataDir: this.options.dataDir,
      openExternal: (pathOrUrl) => this.shell.openExternal(pathOrUrl),
      ...(this.shell.openForm && { openForm: (form: PassportForm) => this.shell.openForm?.(form) }),
      log: this.log,
      logMessageText: () => this.settings.settings.logMessageText,
    });
    if (this.options.log) logSessionActivity(messenger, this.options.log, id === FIRST_ACCOUNT ? undefined : id);
    const sync = new StateSync({ initial: messenger.state });
    const history = this.options.history && this.createHistory(id, messenger, this.options.history);
    const account: Account = { id, messenger, sync, signInAlerts: new SignInAlerts(), history };
    this.accounts.set(id, account);
    sync.on('patch', (patch) => this.emit('patch', { account: id, patch }));
    this.forwardMessengerEvents(account);
    messenger.setAutoIdleMinutes(this.settings.settings.autoIdleMinutes);
    messenger.setAutoReplies(activeReplies(this.settings.settings.autoReply));
    return account;
  }

  private async run<K extends CommandName>(name: K, args: ValidArgs<K>): Promise<CommandValue<K>> {
    if (!isAccountCommand(name)) {
      const handler = this.handlers[name] as (...handlerArgs: ValidArgs<K>) => CommandValue<K> | Promise<CommandValue<K>>;
      return handler(...args);
    }
    const [id, ...rest] = args as readonly [AccountId, ...unknown[]];
    const account = this.accounts.get(id);
    if (!account) throw inputError('unknown-account');
    const handler = this.handlers[name] as (account: Account, ...handlerArgs: unknown[]) => CommandValue<K> | Promise<CommandValue<K>>;
    return handler(account, ...rest);
  }

  private forwardMessengerEvents(account: Account): void {
    const { messenger, sync, signInAlerts, id } = account;
    const notify = (notice: Notice): void => this.emit('notice', { account: id, notice });
    messenger.on('state', (state) => sync.update(state));
    messenger.on('message', ({ conversationId, from, fromName, text }) => {
      notify({ kind: 'message', conversationId, from, fromName, text });
      this.shell.showConversation(id, conversationId, 'incoming');
    });
    messenger.on('newMail', (mail) => notify({ kind: 'new-mail', from: mail.from, subject: mail.subject }));
    messenger.on('addedBy', (request) => notify({ kind: 'added-by', ...request }));
    messenger.on('presence', (change) => {
      // Only someone on my contact list is news; a server may say anything about anyone else.
      const contact = messenger.state.contacts[change.handle.toLowerCase()];
      const announce = signInAlerts.seen(change) && contact?.lists.includes('FL') === true;
      if (announce) notify({ kind: 'online', handle: change.handle, friendlyName: change.friendlyName });
    });
    messenger.on('error', ({ conversationId, messageId: _message, ...error }) =>
      notify({ kind: 'error', error, ...(conversationId === undefined ? {} : { conversationId }) }),
    );
    messenger.on('fileRecovered', (file) => this.emit('settings', this.settings.noteRecovered(file)));
    messenger.on('signedOut', ({ reason, error }) => {
      signInAlerts.clear();
      notify({ kind: 'signed-out', reason, ...(error && { error }) });
    });
  }

  private async saveSettings(patch: Partial<StoredSettings>): Promise<IpcEvents['settings']> {
    const settings = await this.settings.update(patch);
    if (patch.autoIdleMinutes !== undefined) {
      for (const { messenger } of this.accounts.values()) messenger.setAutoIdleMinutes(patch.autoIdleMinutes);
    }
    if (patch.autoReply !== undefined) {
      for (const { messenger } of this.accounts.values()) messenger.setAutoReplies(activeReplies(patch.autoReply));
    }
    this.emit('settings', settings);
    return settings;
  }

  private async signIn({ messenger }: Account, request: SignInRequest): Promise<void> {
    const password = request.password || this.settings.secrets.get(request.handle);
    if (!password) throw inputError('missing-password', 'password');
    const remember = request.rememberPassword && this.settings.secrets.storage !== 'none';
    await this.saveSettings({
      lastServer: request.server,
      lastHandle: request.handle,
      rememberPassword: remember,
      autoSignIn: remember && request.autoSignIn,
    });
    const server = request.server === DEMO_SERVER ? await this.demoAddress() : request.server;
    await messenger.signIn({ server, handle: request.handle, password, status: request.status });
    if (remember) {
      await this.settings.secrets.set(request.handle, password);
      this.emit('settings', this.settings.settings);
    }
  }

  private async demoAddress(): Promise<string> {
    try {
      return await this.demo.address();
    } catch (error) {
      this.log(`The demo server did not start: ${error instanceof Error ? error.message : String(error)}`);
      const failure: AppError = { kind: 'internal', reason: 'demo-unavailable', field: 'server' };
      throw new MessengerError(failure);
    }
  }

  private createHistory(id: AccountId, messenger: MessengerPort, options: AppHistoryOptions): AppHistory {
    return new AppHistory({
      messenger,
      dataDir: this.options.dataDir,
      options,
      settings: () => this.settings.settings,
      saveSettings: (patch) => this.saveSettings(patch),
      notify: (notice) => this.emit('notice', { account: id, notice }),
      log: this.log,
    });
  }

  private historyOf({ history }: Account): AppHistory {
    if (!history) throw historyUnavailable();
    return history;
  }

  private async openLink(url: string): Promise<void> {
    const href = openableLink(url);
    if (href === undefined) throw inputError('link-refused');
    await this.shell.openLink(href);
  }

  /** Kept under the handle signed in on the account, which is who has these contacts. */
  private async setContactPreferences({ messenger }: Account, contact: string, preferences: ContactPreferences): Promise<void> {
    const { handle, state } = messenger.state.session;
    if (state !== 'online' || handle === undefined) {
      throw inputError('not-signed-in');
    }
    this.emit('settings', await this.settings.setContactPreferences(handle.toLowerCase(), contact, preferences));
  }

  private showConversation({ id, messenger }: Account, conversationId: string): void {
    if (!Object.hasOwn(messenger.state.conversations, conversationId)) {
      throw inputError('no-such-conversation');
    }
    this.shell.showConversation(id, conversationId, 'user');
  }

  private createHandlers(): Handlers {
    return {
      getSnapshot: ({ id }) => this.snapshot(id),
      signIn: (account, request) => this.signIn(account, request),
      signOut: ({ messenger }) => messenger.signOut(),
      setStatus: ({ messenger }, status) => messenger.setStatus(status),
      setFriendlyName: ({ messenger }, name) => messenger.setFriendlyName(name),
      addContact: ({ messenger }, list, handle) => messenger.addContact(list, handle),
      removeContact: ({ messenger }, list, handle) => messenger.removeContact(list, handle),
      blockContact: ({ messenger }, handle) => messenger.block(handle),
      unblockContact: ({ messenger }, handle) => messenger.unblock(handle),
      setPrivacyMode: ({ messenger }, mode) => messenger.setPrivacyMode(mode),
      setAddedAlert: ({ messenger }, mode) => messenger.setAddedAlert(mode),
      setIms: ({ messenger }, enabled) => messenger.setIms(enabled),
      inviteByEmail: ({ messenger }, handle) => messenger.inviteByEmail(handle),
      openInbox: async ({ messenger }) => void (await messenger.openUrl('INBOX')),
      openUrl: async ({ messenger }, service, arg) => void (await messenger.openUrl(service, arg)),
      openNewMail: async ({ messenger }) => void (await messenger.openNewMail()),
      answerAddedBy: ({ messenger }, handle, answer) => messenger.answerAddedBy(handle, answer),
      openConversation: ({ id, messenger }, handle) => {
        const conversationId = messenger.openConversation(handle);
        this.shell.showConversation(id, conversationId, 'user');
        return conversationId;
      },
      showConversation: (account, conversationId) => this.showConversation(account, conversationId),
      sendMessage: ({ messenger }, conversationId, text, format) => messenger.sendMessage(conversationId, text, format),
      resendMessage: ({ messenger }, conversationId, messageId) => messenger.resendMessage(conversationId, messageId),
      sendTyping: ({ messenger }, conversationId) => messenger.sendTyping(conversationId),
      inviteToConversation: ({ messenger }, conversationId, handle) => messenger.inviteToConversation(conversationId, handle),
      closeConversation: ({ messenger }, conversationId) => messenger.closeConversation(conversationId),
      reportActivity: () => {
        for (const { messenger } of this.accounts.values()) messenger.reportActivity();
      },
      saveSettings: (patch) => this.saveSettings(patch),
      setHistoryEnabled: (account, enabled) => this.historyOf(account).setEnabled(enabled),
      openHistory: (account, handle) => {
        this.historyOf(account);
        this.shell.showHistory(account.id, handle);
      },
      historyRecent: (account, conversationId) => this.historyOf(account).recent(conversationId),
      historyContacts: (account) => this.historyOf(account).contacts(),
      historyConversation: (account, conversationId) => this.historyOf(account).conversation(conversationId),
      historySearch: (account, words) => this.historyOf(account).search(words),
      historyDelete: (account, what) => this.historyOf(account).delete(what),
      historyExport: (account, scope) => this.historyOf(account).export(scope),
      dismissRecovered: () => {
        const settings = this.settings.dismissRecovered();
        this.emit('settings', settings);
        return settings;
      },
      getAppInfo: () => appInfo(this.options.dataDir, this.options.log?.file),
      openLogFolder: () => openLogFolder(this.options.log?.file, this.shell.showFolder?.bind(this.shell)),
      openLink: (url) => this.openLink(url),
      notify: (notification) => this.shell.notify?.(notification),
      setContactPreferences: (account, contact, preferences) => this.setContactPreferences(account, contact, preferences),
    };
  }
}
