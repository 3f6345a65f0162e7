// The application without a shell: one messenger per account slot, the settings and the Local
// demo, answering every IPC command and telling windows what changed. Electron and the browser
// host each wrap it in a few lines; everything here is plain Node.

import { type AccountId, FIRST_ACCOUNT, nextAccountId } from '../../shared/accounts';
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
import type { IpcEvents, SignInRequest, Snapshot } from '../../shared/ipc';
import { openableLink } from '../../shared/links';
import { type AppError, INITIAL_STATE, type PassportForm, type TranscriptEntry } from '../../shared/model';
import type { Route } from '../../shared/routes';
import { windowPatch, windowState } from '../../shared/window-state';
import { entriesBetween } from '../../shared/transcript';
import { activeReplies, type ContactPreferences } from '../../shared/preferences';
import type { ProxyCredentials, ProxySettings } from '../../shared/proxy';
import type { z } from 'zod';
import type { accountSettingsPatchSchema, proxyTestSchema } from '../../shared/schemas';
import { MessengerError, inputError } from '../client/errors';
import { checkProxy } from '../client/proxy-check';
import { type Account, createAccount } from './account';
import type { StoredAccountSettings } from './account-settings';
import { appInfo, openLogFolder } from './app-info';
import type { AppLog } from './app-log';
import type { DemoServer } from './demo-server';
import { toCommandError, validationError } from './errors';
import { AppHistory, type AppHistoryOptions, historyUnavailable } from './history/app-history';
import type { MessengerPort, MessengerPortOptions } from './messenger-port';
import type { SecretStore } from './secret-store';
import { DEMO_SERVER, SettingsStore, type StoredSettings } from './settings-store';
import { logSessionActivity } from './session-log';

export type { Account };

/** What a shell does for the app: windows and the user's browser. */
export interface AppShell {
  /** Shows a conversation's window; `incoming` ones appear without stealing the focus. */
  showConversation(account: AccountId, conversationId: string, reason: 'user' | 'incoming'): void;
  /** Shows an account's contact-list window (a new account's sign-in form). */
  showContactList(account: AccountId): void;
  /** Shows an account's protocol console window. */
  showConsole(account: AccountId): void;
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
  /** What an account's sign-in form starts with before it was ever used (the demo's handle, a test's server). */
  readonly accountDefaults?: Partial<StoredAccountSettings>;
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
    this.settings = new SettingsStore(options.dataDir, options.secrets, options.defaults, this.log, options.spellCheckLanguages, options.accountDefaults);
    this.demo = options.demo;
    this.handlers = this.createHandlers();
    for (const id of this.settings.accountIds) this.openAccount(id);
  }

  /** Every account slot, the first one first. */
  get accountIds(): readonly AccountId[] {
    return [...this.accounts.keys()];
  }

  /** The account's messenger (for a shell's own needs, such as the tray's status). */
  account(id: AccountId): Account | undefined {
    return this.accounts.get(id);
  }

  /** Everything a window of the account needs to start; `view`, the window's route, trims what it does not show (shared/window-state.ts). */
  snapshot(account: AccountId = FIRST_ACCOUNT, view?: Route): Snapshot {
    // A page may name an account that was closed: it shows a signed-out window whose commands say so.
    const state = this.accounts.get(account)?.sync.state ?? INITIAL_STATE;
    return { account, state: windowState(state, view), settings: this.settings.settings };
  }

  /**
   * Forgets a signed-out account slot whose window was closed (never the first one): its settings
   * and proxy password go; the passwords remembered for handles stay. False when it must stay.
   */
  async removeAccount(id: AccountId): Promise<boolean> {
    const account = this.accounts.get(id);
    if (!account || id === FIRST_ACCOUNT || account.messenger.state.session.state !== 'offline') return false;
    this.accounts.delete(id);
    account.protocolConsole.setRecording(false);
    await account.history?.close();
    this.emit('settings', await this.settings.removeAccount(id));
    return true;
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
   * "Sign me in automatically": at start, every account that asked for it, with its remembered
   * password. A failure shows on that account's sign-in form like any other (its session state carries it).
   */
  async signInAutomatically(): Promise<void> {
    await Promise.all(
      Object.entries(this.settings.settings.accounts).map(async ([id, { autoSignIn, hasSavedPassword, lastServer, lastHandle }]) => {
        if (!autoSignIn || !hasSavedPassword) return;
        const request: SignInRequest = { server: lastServer, handle: lastHandle, password: '', status: 'NLN', rememberPassword: true, autoSignIn: true };
        const result = await this.dispatch('signIn', [id, request]);
        if (!result.ok) this.log(`Automatic sign-in of ${id} failed: ${result.error.reason}${result.error.code === undefined ? '' : ` ${result.error.code}`}`);
      }),
    );
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

  /** The slot's client; the list cache lives in the one data directory, keyed by server and handle. */
  private openAccount(id: AccountId): Account {
    const historyOptions = this.options.history;
    const account = createAccount(
      id,
      this.options.createMessenger,
      {
        dataDir: this.options.dataDir,
        openExternal: (pathOrUrl) => this.shell.openExternal(pathOrUrl),
        ...(this.shell.openForm && { openForm: (form: PassportForm) => this.shell.openForm?.(form) }),
        log: this.log,
        logMessageText: () => this.settings.settings.logMessageText,
      },
      {
        // What crosses to the windows is trimmed as their snapshots are (shared/window-state.ts).
        patch: (event) => this.emit('patch', { ...event, patch: windowPatch(event.patch) }),
        notice: (event) => this.emit('notice', event),
        console: (event) => this.emit('console', event),
        incoming: (account, conversationId) => this.shell.showConversation(account, conversationId, 'incoming'),
        fileRecovered: (file) => this.emit('settings', this.settings.noteRecovered(file)),
      },
      historyOptions && ((messenger) => this.createHistory(id, messenger, historyOptions)),
    );
    if (this.options.log) logSessionActivity(account.messenger, this.options.log, id === FIRST_ACCOUNT ? undefined : id);
    this.accounts.set(id, account);
    account.messenger.setAutoIdleMinutes(this.settings.settings.autoIdleMinutes);
    account.messenger.setAutoReplies(activeReplies(this.settings.settings.autoReply));
    return account;
  }

  /** File → Sign In with Another Account…: a new slot beside the others, its window shown. */
  private async addAccount(): Promise<AccountId> {
    const id = nextAccountId(new Set([...this.accounts.keys(), ...this.settings.accountIds]));
    const settings = await this.settings.addAccount(id);
    this.openAccount(id);
    this.emit('settings', settings);
    this.shell.showContactList(id);
    return id;
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

  private async signIn({ id, messenger }: Account, request: SignInRequest): Promise<void> {
    const password = request.password || this.settings.secrets.get(request.handle);
    if (!password) throw inputError('missing-password', 'password');
    const remember = request.rememberPassword && this.settings.secrets.storage !== 'none';
    this.emit(
      'settings',
      await this.settings.updateAccount(id, {
        lastServer: request.server,
        lastHandle: request.handle,
        rememberPassword: remember,
        autoSignIn: remember && request.autoSignIn,
      }),
    );
    const server = await this.serverAddress(request.server);
    const proxy = this.settings.account(id)?.proxy;
    await messenger.signIn({ server, handle: request.handle, password, status: request.status, ...(proxy && { proxy: this.withPassword(id, proxy) }) });
    if (remember) {
      await this.settings.secrets.set(request.handle, password);
      this.emit('settings', this.settings.settings);
    }
  }

  /** `demo` is the Local demo's address; anything else is as typed. */
  private serverAddress(server: string): Promise<string> {
    return server === DEMO_SERVER ? this.demoAddress() : Promise.resolve(server);
  }

  /** The proxy with its password: `typed`, else the saved one (only a proxy with a user name has one). */
  private withPassword(id: AccountId, proxy: ProxySettings, typed = ''): ProxyCredentials {
    if (proxy.username === undefined) return proxy;
    const password = typed || this.settings.proxyPassword(id);
    return password === undefined ? proxy : { ...proxy, password };
  }

  private async saveAccountSettings({ id }: Account, patch: z.output<typeof accountSettingsPatchSchema>): Promise<IpcEvents['settings']> {
    const { proxyPassword, ...change } = patch;
    if (proxyPassword && (change.proxy ?? this.settings.account(id)?.proxy)?.username !== undefined) {
      await this.settings.setProxyPassword(id, proxyPassword);
    }
    const settings = await this.settings.updateAccount(id, change);
    this.emit('settings', settings);
    return settings;
  }

  private async testProxy({ id }: Account, { proxy, proxyPassword, server }: z.output<typeof proxyTestSchema>): Promise<string> {
    return checkProxy(this.withPassword(id, proxy, proxyPassword), await this.serverAddress(server));
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

  /** Older entries of a conversation, for a window that holds only its newest (shared/window-state.ts). */
  private conversationEntries({ messenger }: Account, conversationId: string, from: number, count: number): readonly TranscriptEntry[] {
    const conversation = Object.hasOwn(messenger.state.conversations, conversationId) ? messenger.state.conversations[conversationId] : undefined;
    if (!conversation) throw inputError('no-such-conversation');
    return entriesBetween(conversation, from, from + count);
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
      conversationEntries: (account, conversationId, from, count) => this.conversationEntries(account, conversationId, from, count),
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
      addAccount: () => this.addAccount(),
      showContactList: (id) => {
        if (!this.accounts.has(id)) throw inputError('unknown-account');
        this.shell.showContactList(id);
      },
      saveAccountSettings: (account, patch) => this.saveAccountSettings(account, patch),
      testProxy: (account, test) => this.testProxy(account, test),
      openProtocolConsole: ({ id }) => this.shell.showConsole(id),
      getProtocolConsole: ({ protocolConsole }) => protocolConsole.snapshot(),
      setProtocolConsoleRecording: ({ protocolConsole }, recording) => protocolConsole.setRecording(recording),
      clearProtocolConsole: ({ protocolConsole }) => protocolConsole.clear(),
    };
  }
}
