// The messenger facade: owns the notification session and the conversations, keeps the one
// immutable MessengerState (emitted after every change; session-mirror.ts turns the session's
// events into it), reconnects after a lost session, and runs auto-idle. The Electron app, the
// browser host and the CLI all drive exactly this.

import { join } from 'node:path';
import { contactIn } from '../../shared/contacts';
import { TypedEmitter } from '../../shared/emitter';
import { afterThisTurn } from '../../shared/turn';
import {
  type AddedAlertMode,
  type AddedByRequest,
  type AppError,
  type Dialect,
  INITIAL_STATE,
  type MessageFormat,
  type MessengerState,
  type NewMail,
  type PassportForm,
  type PrivacyMode,
  type RemovedBy,
  type RecoveredFile,
  type SettableStatus,
  type StatusCode,
  type UrlService,
} from '../../shared/model';
import type { ConnectionOptions, Dialer } from '../../protocol/index';
import { type ProxyCredentials, proxyLabel } from '../../shared/proxy';
import { proxyDialer } from '../net/proxy-dialer';
import { SessionEndedError } from '../ns/errors';
import type { SessionEnd } from '../ns/events';
import { ListCache } from '../ns/list-cache';
import type { EditableList } from '../ns/list-commands';
import { isOnList, keyOf } from '../ns/lists';
import { NotificationSession } from '../ns/session';
import { parseServerAddress, readServerAddress, validateHandle } from '../ns/signin';
import { type FormTarget, buildForm, isUsableTarget } from '../passport/forms';
import { FormPages, removeLeftoverPages } from '../passport/page-files';
import { createConversationService } from '../sb/index';
import { openDataFolder } from '../storage/data-folder';
import type { ConversationEvents, ConversationHost, ConversationService } from '../sb/types';
import type { AutoReplies } from '../../shared/preferences';
import { AutoIdle } from './auto-idle';
import { AutoReply } from './auto-reply';
import { MessengerError, inputError, isPermanent, notSignedIn, toAppError } from './errors';
import { type ReconnectOptions, ReconnectPolicy } from './reconnect';
import { SessionMirror } from './session-mirror';
import { stateWith, withConversations, withSession } from './state';
import { type TraceSink, WireTrace } from './wire-trace';

/** Whether two sign-ins are to the same account: the same handle on the same server, as the list cache keys them. */
function sameAccountAs(a: { server: string; handle: string }, b: { server: string; handle: string }): boolean {
  return a.server.toLowerCase() === b.server.toLowerCase() && keyOf(a.handle) === keyOf(b.handle);
}

/** The URL services that open the Hotmail mailbox; PERSON and PASSWORD are Passport pages. */
const MAILBOX_SERVICES: ReadonlySet<UrlService> = new Set(['INBOX', 'FOLDERS', 'COMPOSE']);

export interface MessengerEvents {
  /** The new state, after every change. */
  state: MessengerState;
  signedIn: { readonly handle: string; readonly friendlyName: string; readonly dialect: Dialect };
  addedBy: AddedByRequest;
  /** At sign-in: someone who was on my reverse list last time removed me from their contact list meanwhile. */
  removedBy: RemovedBy;
  newMail: NewMail;
  /** A message from someone else: its transcript entry's id and, from MSNP3 senders, its formatting. */
  message: ConversationEvents['message'];
  error: AppError & { readonly conversationId?: string; readonly messageId?: string };
  /** `error`: why, when it was not the user. */
  signedOut: { readonly reason: 'user' | 'elsewhere' | 'server-shutdown' | 'error'; readonly error?: AppError };
  form: PassportForm;
  /** A damaged file of the messenger's (its list cache) was set aside; the lists come whole from the server. */
  fileRecovered: RecoveredFile;
  /** `initial`: presence as it stood when I came online (ILN), not a change worth announcing. */
  presence: { readonly handle: string; readonly status: StatusCode; readonly friendlyName: string; readonly initial: boolean };
}

export interface MessengerOptions {
  /** Where the per-account list cache lives: the user's own, private folder (created so when missing). */
  readonly dataDir: string;
  /** Opens a local page (the Passport form) or a URL in the user's browser. */
  readonly openExternal: (pathOrUrl: string) => void | Promise<void>;
  /**
   * Presents a Passport form itself, for a shell that serves the page (the browser host); by
   * default the form becomes an owner-only self-submitting file handed to `openExternal`.
   */
  readonly openForm?: (form: PassportForm) => void | Promise<void>;
  /** Builds the conversations on top of the notification session; default the switchboard implementation. */
  readonly conversations?: (host: ConversationHost) => ConversationService;
  readonly requestTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly log?: (line: string) => void;
  /** Whether the log may show the text of messages; asked for each one, so a change applies at once. */
  readonly logMessageText?: () => boolean;
  /** In [0, 1): reconnect jitter and the legacy form's k1. */
  readonly random?: () => number;
  readonly reconnect?: Omit<ReconnectOptions, 'random'>;
  /** Where the protocol console's lines go (masked), while it wants them. */
  readonly trace?: TraceSink;
}

export interface SignInRequest {
  /** `host:port`; the port defaults to 1863. */
  readonly server: string;
  readonly handle: string;
  readonly password: string;
  readonly status?: SettableStatus;
  /** Every connection of this sign-in (dispatch, notification, switchboards) goes through it. */
  readonly proxy?: ProxyCredentials;
}

export class Messenger extends TypedEmitter<MessengerEvents> {
  /** The state as last made; `current` folds in the conversations when they changed since. */
  private made: MessengerState = INITIAL_STATE;
  /** The last state emitted. */
  private emitted: MessengerState = INITIAL_STATE;
  /** The conversations changed since `made` was made. */
  private conversationsChanged = false;
  /** A `state` event is due at the end of this turn. */
  private publishing = false;
  private session: NotificationSession | undefined;
  /** `server` is the one the user typed (the dispatch server): every reconnect starts there. */
  private credentials: { server: string; handle: string; password: string } | undefined;
  /** How this sign-in's connections are made and watched: its proxy, the protocol console. */
  private network: { dial?: Dialer; via?: string } = {};
  private readonly trace: WireTrace | undefined;
  /** Where an `XFR 0 NS` sent the session: used by the next attempt only. */
  private transferTo: string | undefined;
  /** The status the user chose; restored after auto-idle and after a reconnect. */
  private chosenStatus: SettableStatus = 'NLN';
  private readonly mirror: SessionMirror;
  private readonly listCache: ListCache;
  private readonly conversations: ConversationService;
  private readonly reconnection: ReconnectPolicy;
  private readonly autoIdle: AutoIdle;
  private readonly autoReply: AutoReply;
  private readonly formPages = new FormPages();

  constructor(private readonly options: MessengerOptions) {
    super();
    this.trace = options.trace && new WireTrace(options.trace);
    openDataFolder(options.dataDir);
    // A messenger that writes Hotmail pages clears those a killed predecessor left behind.
    if (!options.openForm) void removeLeftoverPages().catch((error: Error) => options.log?.(`Hotmail pages: ${error.message}`));
    this.listCache = new ListCache(join(options.dataDir, 'lists'), ({ problem, backup }) => {
      options.log?.(`The contact list cache could not be read (${problem}); ${backup ? `kept as ${backup}` : 'it could not be moved aside'}`);
      this.emit('fileRecovered', { file: 'contact-list', ...(backup && { backup }) });
    });
    this.mirror = new SessionMirror({
      state: () => this.current,
      update: (next) => this.update(next),
      emit: (event, payload) => this.emit(event, payload),
      ring: (ring) => this.conversations.ring(ring),
      ended: (end) => this.sessionEnded(end),
      server: () => this.credentials?.server,
      log: options.log,
    });
    this.conversations = (options.conversations ?? createConversationService)(this.conversationHost());
    // A burst of conversation changes (two thousand messages sent, a read full of ACKs) is one new
    // state and one event at the end of the turn; whoever reads the state meanwhile sees it all.
    this.conversations.on('change', () => {
      this.conversationsChanged = true;
      this.publishSoon();
    });
    this.autoReply = new AutoReply({
      status: () => this.made.session.status,
      reply: (conversationId, text) => this.sendAutoReply(conversationId, text),
    });
    this.conversations.on('message', (message) => {
      this.emit('message', message);
      this.autoReply.received(message);
    });
    this.conversations.on('error', ({ conversationId, messageId, error }) =>
      this.emit('error', { ...error, conversationId, ...(messageId !== undefined && { messageId }) }),
    );
    this.reconnection = new ReconnectPolicy(
      () => this.connect(),
      (error) => this.reconnectFailed(error),
      (attempts, cause) => this.gaveUpReconnecting(attempts, cause),
      { ...options.reconnect, random: options.random },
    );
    this.autoIdle = new AutoIdle(
      () => void this.goIdle(),
      () => void this.comeBack(),
    );
  }

  get state(): MessengerState {
    return this.current;
  }

  /** Signs in and resolves once online; rejects with a MessengerError carrying the AppError. */
  async signIn(request: SignInRequest): Promise<void> {
    if (this.session || this.reconnection.active) throw inputError('already-signed-in');
    try {
      validateHandle(request.handle);
      parseServerAddress(request.server);
      if (request.password === '') throw inputError('missing-password', 'password');
    } catch (error) {
      throw this.failSignIn(error);
    }
    // Signing in again to the same account keeps what its lists gave the state (the contacts are
    // offline since the sign-out): a window is not sent five thousand removals and then the same
    // five thousand contacts again.
    const sameAccount = this.credentials !== undefined && sameAccountAs(this.credentials, request);
    this.credentials = { server: request.server, handle: request.handle, password: request.password };
    this.network = request.proxy ? { dial: proxyDialer(request.proxy), via: proxyLabel(request.proxy) } : {};
    this.transferTo = undefined;
    this.reconnection.reset();
    this.chosenStatus = request.status ?? 'NLN';
    this.mirror.reset({ keepLists: sameAccount });
    const kept = sameAccount ? this.current : INITIAL_STATE;
    this.update(
      stateWith(INITIAL_STATE, {
        conversations: this.current.conversations,
        contacts: kept.contacts,
        privacy: kept.privacy,
        addedBy: kept.addedBy,
        session: { ...INITIAL_STATE.session, state: 'connecting', handle: request.handle, server: request.server },
      }),
    );
    try {
      await this.connect();
    } catch (error) {
      throw this.failSignIn(error);
    }
  }

  async signOut(): Promise<void> {
    const wasSignedIn = this.current.session.state !== 'offline';
    this.reconnection.reset();
    this.autoIdle.stop();
    // The user chose to leave: unsent messages are marked failed, not announced one error at a time.
    this.conversations.closeAll({ quiet: true });
    const session = this.session;
    this.session = undefined;
    await session?.signOut();
    await Promise.all([this.listCache.flush(), this.formPages.removeAll()]);
    this.goOffline();
    if (wasSignedIn) this.emit('signedOut', { reason: 'user' });
  }

  async setStatus(status: SettableStatus): Promise<void> {
    const session = this.requireSession();
    this.chosenStatus = status;
    await this.run(() => session.setStatus(status));
    this.update(withSession(this.current, { autoIdle: false }));
  }

  setFriendlyName = (name: string): Promise<void> => this.run(() => this.requireSession().rename(name));
  /** Adding to BL is blocking, and removing from BL unblocking, whoever asks: one action for the app, the CLI and the protocol. */
  addContact = (list: EditableList, handle: string): Promise<void> =>
    list === 'BL' ? this.block(handle) : this.run(() => this.requireSession().addToList(list, handle));
  removeContact = (list: EditableList, handle: string): Promise<void> =>
    list === 'BL' ? this.unblock(handle) : this.run(() => this.requireSession().removeFromList(list, handle));
  /** Blocks (off AL, onto BL), then leaves the open one-to-one conversations with them: the server only stops new invitations (§6.1). */
  block = (handle: string): Promise<void> =>
    this.run(async () => {
      await this.requireSession().block(handle);
      this.conversations.leaveWith(handle);
    });
  unblock = (handle: string): Promise<void> => this.run(() => this.requireSession().unblock(handle));
  setPrivacyMode = (mode: PrivacyMode): Promise<void> => this.run(() => this.requireSession().setPrivacyMode(mode));
  setAddedAlert = (mode: AddedAlertMode): Promise<void> => this.run(() => this.requireSession().setAddedAlert(mode));
  setIms = (enabled: boolean): Promise<void> => this.run(() => this.requireSession().setIms(enabled));
  inviteByEmail = (email: string): Promise<void> => this.run(() => this.requireSession().inviteByEmail(email));
  answerAddedBy = (handle: string, answer: { allow: boolean; addToContacts: boolean }): Promise<void> =>
    this.run(async () => {
      await this.requireSession().answerAddedBy(handle, answer);
      if (!answer.allow) this.conversations.leaveWith(handle);
    });

  /** Asks the server for a service URL, builds the auto-login form and (unless `open: false`) opens it. */
  async openUrl(service: UrlService, arg?: string, options: { open?: boolean } = {}): Promise<PassportForm> {
    if (MAILBOX_SERVICES.has(service)) this.requireMailbox();
    const reply = await this.run(() => this.requireSession().requestUrl(service, arg));
    return this.presentForm({ action: reply.loginUrl, redirect: reply.redirectUrl, siteId: reply.siteId }, options.open ?? true, service);
  }

  /** The form for the last new-mail notification (its Post-URL, Message-URL and id, §8.1). */
  async openNewMail(options: { open?: boolean } = {}): Promise<PassportForm> {
    this.requireMailbox();
    const notice = this.mirror.lastMailNotice;
    if (!notice) throw inputError('no-new-mail');
    return this.presentForm({ action: notice.postUrl, redirect: notice.messageUrl, siteId: notice.siteId }, options.open ?? true, 'INBOX');
  }

  reportActivity(): void {
    this.autoIdle.activity();
  }

  setAutoIdleMinutes(minutes: number): void {
    this.autoIdle.setMinutes(minutes);
  }

  /** What to answer while each away status holds; `{}` turns the auto-reply off. */
  setAutoReplies(replies: AutoReplies): void {
    this.autoReply.set(replies);
  }

  get autoReplies(): AutoReplies {
    return this.autoReply.current;
  }

  openConversation = (handle: string): string => this.conversations.open(handle);
  sendMessage = (conversationId: string, text: string, format?: MessageFormat): string => this.conversations.send(conversationId, text, format);
  resendMessage = (conversationId: string, messageId: string): void => this.conversations.resend(conversationId, messageId);
  sendTyping = (conversationId: string): void => this.conversations.typing(conversationId);
  inviteToConversation = (conversationId: string, handle: string): void => this.conversations.invite(conversationId, handle);
  closeConversation = (conversationId: string): void => this.conversations.close(conversationId);

  /** The newest state, the conversations' latest record included. */
  private get current(): MessengerState {
    if (this.conversationsChanged) {
      this.conversationsChanged = false;
      const conversations = this.conversations.conversations;
      if (conversations !== this.made.conversations) this.made = withConversations(this.made, conversations);
    }
    return this.made;
  }

  private update(next: MessengerState): void {
    this.made = next;
    this.publish();
  }

  private publishSoon(): void {
    if (this.publishing) return;
    this.publishing = true;
    afterThisTurn(() => {
      this.publishing = false;
      this.publish();
    });
  }

  /** Emits the newest state, unless it was emitted already. */
  private publish(): void {
    const state = this.current;
    if (state === this.emitted) return;
    this.emitted = state;
    this.autoReply.statusChanged(state.session.status);
    this.emit('state', state);
  }

  private sendAutoReply(conversationId: string, text: string): void {
    try {
      this.conversations.send(conversationId, text, undefined, { automatic: true });
    } catch (error) {
      this.options.log?.(`Could not send the automatic reply: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private requireSession(): NotificationSession {
    if (!this.session?.isOnline) throw notSignedIn();
    return this.session;
  }

  /** The profile's `EmailEnabled: 0` means no Hotmail mailbox; MSNP2 profiles without the field have one (§8.1). */
  private requireMailbox(): void {
    if (this.current.profile?.emailEnabled === false) throw new MessengerError({ kind: 'unsupported', reason: 'no-mailbox' });
  }

  /** Runs a request; any failure (thrown or rejected) becomes a MessengerError with its sentence. */
  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw error instanceof MessengerError ? error : new MessengerError(toAppError(error));
    }
  }

  private failSignIn(error: unknown): MessengerError {
    const appError = toAppError(error);
    this.goOffline(appError);
    return error instanceof MessengerError ? error : new MessengerError(appError);
  }

  /** One sign-in attempt with the stored credentials (first sign-in and every reconnect). */
  private async connect(): Promise<void> {
    const credentials = this.credentials;
    if (!credentials) throw notSignedIn();
    const server = this.transferTo ?? credentials.server;
    this.transferTo = undefined;
    const session = new NotificationSession({
      ...credentials,
      server,
      home: credentials.server,
      listCache: this.listCache,
      requestTimeoutMs: this.options.requestTimeoutMs,
      connectTimeoutMs: this.options.connectTimeoutMs,
      log: this.options.log,
      network: this.connectionNetwork('NS'),
    });
    this.session = session;
    this.mirror.follow(session, () => this.session === session);
    try {
      await session.start({ status: this.chosenStatus, ims: this.current.session.imsEnabled });
      // Online with the contacts the server says are online shown (their ILN burst follows the CHG answer).
      await this.mirror.presenceShown();
    } catch (error) {
      if (this.session === session) this.session = undefined;
      throw error;
    }
    if (this.session !== session) {
      // Signed out while this attempt was under way.
      session.drop({ reason: 'user' });
      throw notSignedIn();
    }
    const { handle = credentials.handle, friendlyName = credentials.handle, dialect = 'MSNP3' } = this.current.session;
    this.reconnection.online();
    this.autoIdle.start();
    this.emit('signedIn', { handle, friendlyName, dialect });
    // Messages typed while the connection was being made again go now.
    this.conversations.resume();
  }

  /** The NS session ended without a user sign-out: decide between reconnecting and staying offline. */
  private sessionEnded(end: SessionEnd): void {
    this.session = undefined;
    this.autoIdle.stop();
    this.conversations.closeAll();
    if (end.reason === 'transfer') {
      this.transferTo = end.server;
      this.markOffline('reconnecting');
      this.reconnection.start('transfer');
      return;
    }
    const error = end.reason === 'user' ? undefined : end.error;
    if (end.reason === 'elsewhere' || end.reason === 'user') {
      this.goOffline(error);
    } else {
      this.markOffline('reconnecting', error);
      this.reconnection.start('lost');
    }
    this.emit('signedOut', { reason: end.reason, ...(error && { error }) });
  }

  /** After a failed reconnect attempt: keep trying unless the failure is one a retry cannot fix. */
  private reconnectFailed(failure: unknown): boolean {
    const error = toAppError(failure);
    // Signed in elsewhere while reconnecting (OUT OTH, even in the same read as the CHG answer).
    if (failure instanceof SessionEndedError && failure.end.reason === 'elsewhere') {
      this.stopReconnecting(error);
      this.emit('signedOut', { reason: 'elsewhere', error });
      return false;
    }
    if (isPermanent(error)) {
      this.stopReconnecting(error);
      return false;
    }
    this.markOffline('reconnecting', error);
    return true;
  }

  /** The reconnect attempts are used up: stay offline and say why. */
  private gaveUpReconnecting(attempts: number, cause: unknown): void {
    const detail: Record<string, string | number> = { attempts };
    if (cause !== undefined) detail['lastReason'] = toAppError(cause).reason;
    this.stopReconnecting({ kind: 'network', reason: 'reconnect-gave-up', detail });
  }

  /** Reconnecting is over and the session is not back: the messages that waited for it are not delivered. */
  private stopReconnecting(error: AppError): void {
    this.goOffline(error);
    this.conversations.closeAll();
  }

  /** Contacts go offline (their presence is re-sent on the next sign-in); the lists stay. */
  private markOffline(state: 'offline' | 'reconnecting', error?: AppError): void {
    this.update(withSession(this.mirror.offline(this.current), { state, status: 'FLN', autoIdle: false, error }));
  }

  private goOffline(error?: AppError): void {
    this.reconnection.reset();
    this.autoIdle.stop();
    this.markOffline('offline', error);
  }

  private async goIdle(): Promise<void> {
    const session = this.session;
    if (!session?.isOnline || session.status !== 'NLN') return;
    await session.setStatus('IDL').then(
      () => this.update(withSession(this.current, { autoIdle: true })),
      (error: unknown) => this.emit('error', toAppError(error)),
    );
  }

  private async comeBack(): Promise<void> {
    const session = this.session;
    if (!this.current.session.autoIdle || !session?.isOnline) return;
    this.update(withSession(this.current, { autoIdle: false }));
    await session.setStatus(this.chosenStatus).catch((error: unknown) => this.emit('error', toAppError(error)));
  }

  /** `service`: the page asked for, to say which is missing when the server named no usable one. */
  private async presentForm(target: FormTarget, open: boolean, service: UrlService): Promise<PassportForm> {
    if (!isUsableTarget(target)) {
      // PERSON and PASSWORD are Passport pages, not Hotmail.
      const missing: AppError = MAILBOX_SERVICES.has(service)
        ? { kind: 'unsupported', reason: 'mail-unavailable' }
        : { kind: 'unsupported', reason: 'page-unavailable', detail: { service } };
      throw new MessengerError(missing);
    }
    const credentials = this.credentials;
    if (!credentials) throw notSignedIn();
    const account = { handle: this.current.session.handle ?? credentials.handle, password: credentials.password, profile: this.current.profile };
    const form = buildForm(account, target, Date.now(), this.options.random ?? Math.random);
    this.emit('form', form);
    if (!open) return form;
    const { openForm, openExternal } = this.options;
    await this.run(async () => {
      if (openForm) await openForm(form);
      else await this.formPages.open(form, async (path) => openExternal(path));
    });
    return form;
  }

  private connectionNetwork(kind: 'NS' | 'SB'): Pick<ConnectionOptions, 'dial' | 'observe'> {
    const { dial, via } = this.network;
    return { ...(dial && { dial }), ...(this.trace && { observe: this.trace.observe(kind, via) }) };
  }

  private conversationHost(): ConversationHost {
    // What the conversations ask of the session and the contacts: read from the state as made, so a
    // burst of sends does not fold the conversations into a new state for every message.
    const session = (): MessengerState['session'] => this.made.session;
    return {
      self: () => ({
        handle: session().handle ?? this.credentials?.handle ?? '',
        friendlyName: session().friendlyName ?? session().handle ?? '',
      }),
      dialect: () => session().dialect ?? 'MSNP3',
      requestSwitchboard: () => this.requireSession().requestSwitchboard(),
      friendlyNameOf: (handle) => contactIn(this.made.contacts, handle)?.friendlyName,
      isBlocked: (handle) => isOnList(this.mirror.lists, 'BL', handle),
      acceptsInvitations: () => session().imsEnabled,
      serverHost: () => readServerAddress(this.credentials?.server ?? '')?.host,
      reconnecting: () => this.reconnection.active,
      log: this.options.log,
      network: () => this.connectionNetwork('SB'),
      logMessageText: this.options.logMessageText,
    };
  }
}
