// The application without a shell: one messenger, its settings and the Local demo, answering
// every IPC command and telling windows what changed. Electron and the browser host each wrap
// it in a few lines; everything here is plain Node.

import { TypedEmitter } from '../../shared/emitter';
import {
  COMMAND_NAMES,
  type CommandName,
  type CommandResult,
  type IpcCommands,
  type IpcEvents,
  type Notice,
  type SignInRequest,
  type StatePatch,
} from '../../shared/ipc';
import type { AppError, PassportForm, StatusCode } from '../../shared/model';
import { commandSchemas } from '../../shared/schemas';
import type { DemoServer } from './demo-server';
import { AppHistory, type AppHistoryOptions, type HistoryHandlers } from './history/app-history';
import { MessengerError } from '../client/errors';
import { toCommandError, validationError } from './errors';
import type { MessengerPort, MessengerPortOptions } from './messenger-port';
import type { SecretStore } from './secret-store';
import { DEMO_SERVER, SettingsStore, type StoredSettings } from './settings-store';
import { StateSync } from './state-sync';

/** What a shell does for the app: windows and the user's browser. */
export interface AppShell {
  /** Shows a conversation's window; `incoming` ones appear without stealing the focus. */
  showConversation(conversationId: string, reason: 'user' | 'incoming'): void;
  openExternal(pathOrUrl: string): void | Promise<void>;
  /** A shell that serves Passport form pages itself (the browser host) presents them here. */
  openForm?(form: PassportForm): void | Promise<void>;
  /** Shows the history window, at a contact's conversations when one is named. */
  showHistory(handle?: string): void;
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
  readonly log?: (line: string) => void;
}

/** The part of the demo server the app uses. */
export type DemoAddress = Pick<DemoServer, 'address'>;

export type AppEvents = Omit<IpcEvents, 'snapshot'>;

type Handlers = {
  readonly [K in CommandName]: (...args: IpcCommands[K]['args']) => Promise<IpcCommands[K]['result']> | IpcCommands[K]['result'];
};

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);
}

export class MessengerApp extends TypedEmitter<AppEvents> {
  readonly messenger: MessengerPort;
  private readonly settings: SettingsStore;
  private readonly sync: StateSync;
  private readonly demo: DemoAddress;
  private readonly shell: AppShell;
  private readonly log: (line: string) => void;
  private readonly handlers: Handlers;
  private readonly history: AppHistory | undefined;
  /** Each contact's last status, to tell a sign-in from a status change. */
  private readonly lastPresence = new Map<string, StatusCode>();

  constructor(options: MessengerAppOptions) {
    super();
    this.log = options.log ?? (() => {});
    this.shell = options.shell;
    this.settings = new SettingsStore(options.dataDir, options.secrets, options.defaults, this.log);
    this.demo = options.demo;
    this.messenger = options.createMessenger({
      dataDir: options.dataDir,
      openExternal: (pathOrUrl) => this.shell.openExternal(pathOrUrl),
      ...(this.shell.openForm && { openForm: (form: PassportForm) => this.shell.openForm?.(form) }),
      log: this.log,
    });
    this.sync = new StateSync({ initial: this.messenger.state });
    this.sync.on('patch', (patch: StatePatch) => this.emit('patch', patch));
    this.history = options.history && this.createHistory(options.dataDir, options.history);
    this.handlers = this.createHandlers();
    this.forwardMessengerEvents();
    this.messenger.setAutoIdleMinutes(this.settings.settings.autoIdleMinutes);
  }

  /** Everything a window needs to start. */
  snapshot(): IpcEvents['snapshot'] {
    return { state: this.sync.state, settings: this.settings.settings };
  }

  /** Runs one command from a window. Nothing throws: bad input and failures come back as AppErrors. */
  async dispatch<K extends CommandName>(name: K, args: unknown): Promise<CommandResult<IpcCommands[K]['result']>> {
    const parsed = commandSchemas[name].safeParse(args);
    if (!parsed.success) return { ok: false, error: validationError(name, parsed.error) };
    try {
      const handler = this.handlers[name] as (...handlerArgs: IpcCommands[K]['args']) => unknown;
      const value = (await handler(...parsed.data)) as IpcCommands[K]['result'];
      return { ok: true, value };
    } catch (error) {
      const appError = toCommandError(error);
      if (appError.kind === 'internal') this.log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
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
    const result = await this.dispatch('signIn', [request]);
    if (!result.ok) this.log(`Automatic sign-in failed: ${result.error.message}`);
  }

  /** Signs out (if signed in). The demo server belongs to the shell that composed it. */
  async close(): Promise<void> {
    if (this.messenger.state.session.state !== 'offline') await this.messenger.signOut().catch(() => {});
    await this.history?.close();
  }

  private notify(notice: Notice): void {
    this.emit('notice', notice);
  }

  private forwardMessengerEvents(): void {
    const { messenger } = this;
    messenger.on('state', (state) => this.sync.update(state));
    messenger.on('message', ({ conversationId, from, fromName, text }) => {
      this.notify({ kind: 'message', conversationId, from, fromName, text });
      this.shell.showConversation(conversationId, 'incoming');
    });
    messenger.on('newMail', (mail) => this.notify({ kind: 'new-mail', from: mail.from, subject: mail.subject }));
    messenger.on('addedBy', (request) => this.notify({ kind: 'added-by', ...request }));
    messenger.on('presence', ({ handle, status, friendlyName, initial }) => {
      const before = this.lastPresence.get(handle) ?? 'FLN';
      this.lastPresence.set(handle, status);
      // Only a contact signing in is news: not a status change, and not the ILN lines that tell who
      // was already online when I signed in.
      if (!initial && before === 'FLN' && status !== 'FLN') this.notify({ kind: 'online', handle, friendlyName });
    });
    messenger.on('error', ({ conversationId, messageId: _message, ...error }) =>
      this.notify({ kind: 'error', error, ...(conversationId === undefined ? {} : { conversationId }) }),
    );
    messenger.on('signedOut', ({ reason, message }) => {
      this.lastPresence.clear();
      this.notify({ kind: 'signed-out', reason, ...(message === undefined ? {} : { message }) });
    });
  }

  private async saveSettings(patch: Partial<StoredSettings>): Promise<IpcEvents['settings']> {
    const settings = await this.settings.update(patch);
    if (patch.autoIdleMinutes !== undefined) this.messenger.setAutoIdleMinutes(patch.autoIdleMinutes);
    this.emit('settings', settings);
    return settings;
  }

  private async signIn(request: SignInRequest): Promise<void> {
    const password = request.password || this.settings.secrets.get(request.handle);
    if (!password) throw new MessengerError({ kind: 'input', field: 'password', message: 'Please type your password.' });
    await this.saveSettings({
      lastServer: request.server,
      lastHandle: request.handle,
      rememberPassword: request.rememberPassword,
      autoSignIn: request.rememberPassword && request.autoSignIn,
    });
    const server = request.server === DEMO_SERVER ? await this.demoAddress() : request.server;
    await this.messenger.signIn({ server, handle: request.handle, password, status: request.status });
    if (request.rememberPassword) {
      await this.settings.secrets.set(request.handle, password);
      this.emit('settings', this.settings.settings);
    }
  }

  private async demoAddress(): Promise<string> {
    try {
      return await this.demo.address();
    } catch (error) {
      this.log(`The demo server did not start: ${error instanceof Error ? error.message : String(error)}`);
      const failure: AppError = { kind: 'internal', field: 'server', message: 'The local demo server could not be started.' };
      throw new MessengerError(failure);
    }
  }

  private showConversation(conversationId: string): void {
    if (!Object.hasOwn(this.messenger.state.conversations, conversationId)) {
      throw new MessengerError({ kind: 'input', message: 'That conversation is no longer open.' });
    }
    this.shell.showConversation(conversationId, 'user');
  }

  private createHistory(dataDir: string, options: AppHistoryOptions): AppHistory {
    return new AppHistory({
      messenger: this.messenger,
      dataDir,
      options,
      settings: () => this.settings.settings,
      saveSettings: (patch) => this.saveSettings(patch),
      showHistory: (handle) => this.shell.showHistory(handle),
      notify: (notice) => this.notify(notice),
      log: this.log,
    });
  }

  private historyHandlers(): HistoryHandlers {
    if (this.history) return this.history.handlers();
    const unavailable = (): never => {
      throw new MessengerError({ kind: 'unsupported', message: 'Message history is not available here.' });
    };
    return {
      setHistoryEnabled: unavailable,
      openHistory: unavailable,
      historyRecent: unavailable,
      historyContacts: unavailable,
      historyConversation: unavailable,
      historySearch: unavailable,
      historyDelete: unavailable,
      historyExport: unavailable,
    };
  }

  private createHandlers(): Handlers {
    const { messenger } = this;
    return {
      getSnapshot: () => this.snapshot(),
      signIn: (request) => this.signIn(request),
      signOut: () => messenger.signOut(),
      setStatus: (status) => messenger.setStatus(status),
      setFriendlyName: (name) => messenger.setFriendlyName(name),
      addContact: (list, handle) => messenger.addContact(list, handle),
      removeContact: (list, handle) => messenger.removeContact(list, handle),
      blockContact: (handle) => messenger.block(handle),
      unblockContact: (handle) => messenger.unblock(handle),
      setPrivacyMode: (mode) => messenger.setPrivacyMode(mode),
      setAddedAlert: (mode) => messenger.setAddedAlert(mode),
      setIms: (enabled) => messenger.setIms(enabled),
      inviteByEmail: (handle) => messenger.inviteByEmail(handle),
      openInbox: async () => void (await messenger.openUrl('INBOX')),
      openUrl: async (service, arg) => void (await messenger.openUrl(service, arg)),
      openNewMail: async () => void (await messenger.openNewMail()),
      answerAddedBy: (handle, answer) => messenger.answerAddedBy(handle, answer),
      openConversation: (handle) => {
        const id = messenger.openConversation(handle);
        this.shell.showConversation(id, 'user');
        return id;
      },
      showConversation: (id) => this.showConversation(id),
      sendMessage: (id, text, format) => messenger.sendMessage(id, text, format),
      resendMessage: (id, messageId) => messenger.resendMessage(id, messageId),
      sendTyping: (id) => messenger.sendTyping(id),
      inviteToConversation: (id, handle) => messenger.inviteToConversation(id, handle),
      closeConversation: (id) => messenger.closeConversation(id),
      reportActivity: () => messenger.reportActivity(),
      saveSettings: (patch) => this.saveSettings(patch),
      ...this.historyHandlers(),
    };
  }
}
