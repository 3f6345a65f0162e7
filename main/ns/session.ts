// The notification session: signs in, synchronises the lists, goes online, then dispatches every
// incoming command through one table keyed by the three-letter name, with one module per concern
// (presence, lists, privacy, mail, services). Pure Node: no electron.

import type { AddedAlertMode, Dialect, PrivacyMode, SettableStatus, UrlService } from '../../shared/model';
import { TypedEmitter } from '../../shared/emitter';
import {
  type CloseDetail,
  type CloseReason,
  ConnectionClosedError,
  type ConnectionOptions,
  type MsnpCommand,
  MsnpConnection,
  ProtocolError,
  type RequestOptions,
  RequestTimeoutError,
  isErrorCommand,
  percentDecode,
  transactionIdOf,
} from '../../protocol/index';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../protocol/transactions';
import type { SwitchboardTicket } from '../sb/types';
import type { HandlerTable, NsContext } from './context';
import { SessionEndedError, SessionError, UnsolicitedProtocolError, closeError } from './errors';
import type { NotificationEvents, SessionEnd } from './events';
import { PhaseMachine, type PhaseTable } from '../../shared/phase';
import { KeepAlive } from './keep-alive';
import {
  type EditableList,
  addToList,
  LIST_HANDLERS,
  removeFromList,
  renameMe,
  setAddedAlert,
  setPrivacyMode,
} from './list-commands';
import type { CachedAccount, ListCache } from './list-cache';
import { type ContactLists, EMPTY_LISTS, ListSync, leftReverseList, withVersion } from './lists';
import { parseServiceMessage } from './mail';
import { PRESENCE_HANDLERS, changeStatus } from './presence';
import { PrivacyControl } from './privacy';
import { type UrlReply, inviteByEmail, requestUrl, setIms } from './services';
import { type Authenticated, SAME_SERVER, authenticate, parseServerAddress, readServerAddress } from './signin';
import { StoredNameSync } from './stored-names';

export interface NotificationSessionOptions {
  /** `host:port` of the dispatch (or notification) server. */
  readonly server: string;
  /** The server the user chose, which keys the list cache when `server` is a referral's (default `server`). */
  readonly home?: string;
  readonly handle: string;
  readonly password: string;
  readonly listCache: ListCache;
  readonly requestTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly log?: (line: string) => void;
  /** How connections are made and watched: a proxy's dialer, the protocol console's observer. */
  readonly network?: Pick<ConnectionOptions, 'dial' | 'observe'>;
}

/** Unsolicited list changes: they apply to the synchronised lists, so they wait for the SYN result. */
const LIST_LINES = new Set(['ADD', 'REM', 'REA']);

/** Requests whose lost answer means the cached lists may be stale (§11.2). */
const LIST_CHANGING = new Set(['ADD', 'REM', 'REA', 'GTC', 'BLP']);

/** `server` is the notification server signed in on, `host:port`. */
interface Negotiated {
  readonly dialect: Dialect;
  readonly handle: string;
  readonly server: string;
}

/** The SYN dump being collected, with the promise start() waits on. */
interface ListDump {
  readonly collector: ListSync;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Where the session is. List changes that arrive before the SYN result (a server may send
 * `ADD 0 RL` right after USR OK) are `held`: applied to EMPTY_LISTS they would be saved over the
 * cache and lose every contact. `ending` knows why the connection is about to close (OUT, a
 * sign-out, a dead keep-alive, a move); `ended` is final.
 */
export type SessionPhase =
  | { readonly name: 'idle' }
  | { readonly name: 'signing-in'; readonly held: MsnpCommand[] }
  | { readonly name: 'syncing'; readonly negotiated: Negotiated; readonly held: MsnpCommand[]; dump: ListDump | undefined }
  | { readonly name: 'going-online'; readonly negotiated: Negotiated }
  | { readonly name: 'online'; readonly negotiated: Negotiated }
  | { readonly name: 'ending'; readonly negotiated?: Negotiated; readonly end: SessionEnd; readonly wasOnline: boolean }
  /** `caused`: it ended for a reason given while it was ending (a sign-out, OUT, a drop), not just by its connection closing. */
  | { readonly name: 'ended'; readonly negotiated?: Negotiated; readonly end: SessionEnd; readonly wasOnline: boolean; readonly caused: boolean };

/** The session's legal moves. Every live phase can end (a close) or start ending (OUT, sign-out, drop). */
export const SESSION_PHASES: PhaseTable<SessionPhase> = {
  idle: ['signing-in', 'ended'],
  'signing-in': ['syncing', 'ending', 'ended'],
  syncing: ['going-online', 'ending', 'ended'],
  'going-online': ['online', 'ending', 'ended'],
  online: ['ending', 'ended'],
  ending: ['ending', 'ended'],
  ended: [],
};

/** The concerns' handlers of unsolicited commands, by name; the session's own are in `OWN_HANDLERS`. */
const HANDLERS: HandlerTable = { ...PRESENCE_HANDLERS, ...LIST_HANDLERS };

/** How a session ends when its connection closes without a reason of ours or the server's. */
function lost(reason: CloseReason = 'connection-lost', detail?: CloseDetail): SessionEnd {
  return { reason: 'error', error: closeError(reason, detail) };
}

export class NotificationSession extends TypedEmitter<NotificationEvents> {
  /** The unsolicited commands that concern the session itself, made once for every session as the concerns' are. */
  private static readonly OWN_HANDLERS: Readonly<Record<string, (session: NotificationSession, command: MsnpCommand) => void>> = {
    MSG: (session, command) => session.receiveServiceMessage(command),
    RNG: (session, command) => session.receiveRing(command),
    OUT: (session, command) => session.receiveOut(command.params[0]),
    XFR: (session, command) => session.receiveTransfer(command),
    QNG: () => undefined,
  };

  private connection: MsnpConnection | undefined;
  private currentLists: ContactLists = EMPTY_LISTS;
  private currentStatus: SettableStatus | undefined;
  private readonly phases = new PhaseMachine<SessionPhase>('NotificationSession', { name: 'idle' }, SESSION_PHASES);
  private readonly context: NsContext;
  private readonly privacy: PrivacyControl;
  private readonly storedNames: StoredNameSync;
  private readonly keepAlive: KeepAlive;

  constructor(private readonly options: NotificationSessionOptions) {
    super();
    this.context = {
      dialect: () => this.negotiated?.dialect ?? 'MSNP3',
      handle: () => this.negotiated?.handle ?? options.handle,
      lists: () => this.currentLists,
      commitLists: (lists) => this.commitLists(lists),
      request: (name, params, requestOptions) => this.request(name, params, requestOptions),
      emit: (event, payload) => this.emit(event, payload),
      malformed: (command, reason) => this.reportMalformed(command, reason),
      nameSeen: (handle, name) => this.storedNames.seen(handle, name),
      addedMe: (handle) => this.privacy.review([handle]),
    };
    this.privacy = new PrivacyControl(this.context, (error) => this.report(error));
    this.storedNames = new StoredNameSync(this.context, options.log);
    this.keepAlive = new KeepAlive(
      () => this.connection?.isOpen && this.connection.send('PNG'),
      () => this.drop({ reason: 'error', error: { kind: 'network', reason: 'keep-alive-lost' } }),
    );
    this.on('status', (status) => (this.currentStatus = status));
  }

  /** Where the session is (for tests and the log). */
  get phase(): SessionPhase {
    return this.phases.current;
  }

  get dialect(): Dialect | undefined {
    return this.negotiated?.dialect;
  }

  get lists(): ContactLists {
    return this.currentLists;
  }

  get status(): SettableStatus | undefined {
    return this.currentStatus;
  }

  /** The commands the session handles when they arrive unsolicited (one handler each). */
  get handledCommands(): readonly string[] {
    return [...Object.keys(HANDLERS), ...Object.keys(NotificationSession.OWN_HANDLERS)];
  }

  get isOnline(): boolean {
    return this.phases.is('online') && this.connection?.isOpen === true;
  }

  private get negotiated(): Negotiated | undefined {
    const phase = this.phases.current;
    return 'negotiated' in phase ? phase.negotiated : undefined;
  }

  /**
   * Signs in, synchronises the lists and sets the first status; resolves once online (§3.2).
   * If the session ends before that (a sign-out, `OUT OTH` in the same read as the CHG answer, a
   * reset), it rejects with a SessionEndedError that says how it ended.
   */
  async start(initial: { readonly status: SettableStatus; readonly ims?: boolean }): Promise<void> {
    const { log } = this.options;
    const signingIn = this.phases.go({ name: 'signing-in', held: [] });
    // The cached lists are read while VER, INF and USR are under way, by the handle as typed (the
    // cache ignores case; should the server spell it otherwise, the SYN reads that file then).
    this.options.listCache.readSoon(this.cachedAccount());
    let authenticated: Authenticated;
    try {
      authenticated = await authenticate({
        ...parseServerAddress(this.options.server),
        handle: this.options.handle,
        password: this.options.password,
        connection: {
          requestTimeoutMs: this.options.requestTimeoutMs,
          connectTimeoutMs: this.options.connectTimeoutMs,
          log: log && ((direction, text) => log(`${direction === 'in' ? 'S:' : 'C:'} ${text}`)),
          ...this.options.network,
        },
        onStep: (step) => this.emit('step', step),
        // Ending (a sign-out, a drop) leaves the phase: the sign-in stops at its next step.
        cancelled: () => !this.phases.isCurrent(signingIn),
        onConnection: (connection) => {
          this.connection = connection;
          connection.on('command', (command) => this.dispatch(command));
        },
      });
    } catch (error) {
      this.settle(lost());
      throw this.endedBefore(signingIn) ?? error;
    }
    const { connection, dialect, handle, friendlyName, server } = authenticated;
    this.connection = connection;
    connection.on('close', (closed) => this.settle(lost(closed.reason, closed.detail)));
    if (!this.phases.isCurrent(signingIn) || !connection.isOpen) {
      connection.close();
      this.settle(lost());
      throw this.endedError();
    }
    const syncing = this.phases.go({ name: 'syncing', negotiated: { dialect, handle, server }, held: signingIn.held, dump: undefined });
    this.emit('authenticated', { handle, friendlyName, dialect, server });
    this.emit('step', 'syncing');
    try {
      await this.synchronise(syncing);
      if (!this.phases.isCurrent(syncing)) throw this.endedError();
      const goingOnline = this.phases.go({ name: 'going-online', negotiated: syncing.negotiated });
      for (const command of syncing.held) this.dispatch(command);
      this.privacy.review();
      if (initial.ims === false && dialect === 'MSNP3') await setIms(this.context, false);
      await changeStatus(this.context, initial.status);
      // The CHG answer and the end of the connection can arrive in one read: then the session
      // ended before it was ever online, and says so rather than reporting itself online.
      if (!this.phases.isCurrent(goingOnline)) throw this.endedError();
      this.phases.go({ name: 'online', negotiated: goingOnline.negotiated });
    } catch (error) {
      connection.close();
      throw this.endedBefore(syncing) ?? error;
    }
    this.keepAlive.traffic();
    this.emit('step', 'online');
  }

  setStatus(status: SettableStatus): Promise<SettableStatus> {
    return changeStatus(this.context, status);
  }

  addToList(list: EditableList, handle: string, name?: string): Promise<void> {
    return addToList(this.context, list, handle, name);
  }

  removeFromList(list: EditableList, handle: string): Promise<void> {
    return removeFromList(this.context, list, handle);
  }

  rename(name: string): Promise<void> {
    return renameMe(this.context, name);
  }

  setPrivacyMode(mode: PrivacyMode): Promise<void> {
    return setPrivacyMode(this.context, mode);
  }

  setAddedAlert(mode: AddedAlertMode): Promise<void> {
    return setAddedAlert(this.context, mode);
  }

  block(handle: string): Promise<void> {
    return this.privacy.block(handle);
  }

  unblock(handle: string): Promise<void> {
    return this.privacy.unblock(handle);
  }

  answerAddedBy(handle: string, answer: { allow: boolean; addToContacts: boolean }): Promise<void> {
    return this.privacy.answer(handle, answer);
  }

  requestUrl(service: UrlService, argument?: string): Promise<UrlReply> {
    return requestUrl(this.context, service, argument);
  }

  inviteByEmail(address: string): Promise<void> {
    return inviteByEmail(this.context, address);
  }

  setIms(enabled: boolean): Promise<void> {
    return setIms(this.context, enabled);
  }

  /** `XFR SB` (§5.10): where a new conversation's switchboard is. */
  async requestSwitchboard(): Promise<SwitchboardTicket> {
    const reply = await this.request('XFR', ['SB']);
    const [, kind, address, , cookie] = reply.params;
    const server = readServerAddress(address ?? '');
    if (kind !== 'SB' || !server || cookie === undefined) {
      throw new SessionError('protocol', 'incomplete-reply', undefined, { command: 'XFR' });
    }
    return { ...server, cookie };
  }

  /** `OUT`, then close on the server's echo, its close, or after two seconds (§5.17). */
  async signOut(): Promise<void> {
    const wasOnline = this.phases.is('online');
    if (!this.beginEnding({ reason: 'user' })) return;
    const connection = this.connection;
    if (!connection?.isOpen) return this.settle({ reason: 'user' });
    if (!wasOnline) return connection.close();
    const closed = new Promise<void>((resolve) => {
      const timer = setTimeout(() => connection.close(), 2000);
      connection.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    connection.send('OUT');
    await closed;
  }

  /**
   * Drops the connection at once (dead keep-alive, disposal, a move) and reports `end`. A session
   * already ending keeps its first reason unless `override` (the server's OUT OTH or OUT SSD).
   */
  drop(end: SessionEnd, { override = false } = {}): void {
    if (!this.beginEnding(end, override)) return;
    if (this.connection?.isOpen) this.connection.close();
    else this.settle(end);
  }

  /** Moves to `ending` (keeping the first reason given, unless `override`); false when the session already ended. */
  private beginEnding(end: SessionEnd, override = false): boolean {
    const phase = this.phases.current;
    if (phase.name === 'ended') return false;
    if (phase.name === 'ending') {
      if (override) this.phases.go({ ...phase, end });
      return true;
    }
    const negotiated = this.negotiated;
    this.phases.go({ name: 'ending', end, wasOnline: phase.name === 'online', ...(negotiated && { negotiated }) });
    return true;
  }

  /** The connection closed (or was never there): the session has ended, for the reason it knew, or `fallback`. */
  private settle(fallback: SessionEnd): void {
    const phase = this.phases.current;
    if (phase.name === 'ended') return;
    this.keepAlive.stop();
    if (phase.name === 'syncing') phase.dump?.reject(new ConnectionClosedError());
    const end = phase.name === 'ending' ? phase.end : fallback;
    const wasOnline = phase.name === 'online' || (phase.name === 'ending' && phase.wasOnline);
    const negotiated = this.negotiated;
    this.phases.go({ name: 'ended', end, wasOnline, caused: phase.name === 'ending', ...(negotiated && { negotiated }) });
    if (wasOnline) this.emit('closed', end);
  }

  /** How the session ended, for a start() that was overtaken by the end. */
  private endedError(): SessionEndedError {
    const phase = this.phases.current;
    return new SessionEndedError(phase.name === 'ending' || phase.name === 'ended' ? phase.end : lost());
  }

  /** The error to give when `phase` was left for an end (a sign-out, OUT, a drop) rather than a failure of its own. */
  private endedBefore(phase: SessionPhase): SessionEndedError | undefined {
    if (this.phases.isCurrent(phase)) return undefined;
    const current = this.phases.current;
    if (current.name === 'ending' || (current.name === 'ended' && current.caused)) return new SessionEndedError(current.end);
    return undefined;
  }

  private request(name: string, params: readonly string[] = [], options: RequestOptions = {}): Promise<MsnpCommand> {
    const connection = this.connection;
    if (!connection?.isOpen) return Promise.reject(new SessionError('input', 'not-signed-in'));
    const reply = connection.request(name, params, options);
    if (LIST_CHANGING.has(name)) {
      reply.catch((error: unknown) => {
        if (!(error instanceof ProtocolError)) this.commitLists({ ...this.currentLists, version: 0 });
      });
    }
    return reply;
  }

  private commitLists(lists: ContactLists): void {
    this.currentLists = lists;
    this.emit('lists', lists);
    this.options.listCache.save(this.cachedAccount(), lists).catch((error: Error) => this.options.log?.(`list cache: ${error.message}`));
  }

  private cachedAccount(): CachedAccount {
    return { server: this.options.home ?? this.options.server, handle: this.context.handle() };
  }

  /** `SYN cached-version`: an equal answer means the cache is current, else a full dump follows (§5.1). */
  private async synchronise(syncing: Extract<SessionPhase, { name: 'syncing' }>): Promise<void> {
    const connection = this.connection as MsnpConnection;
    const cached = (await this.options.listCache.load(this.cachedAccount())) ?? EMPTY_LISTS;
    if (!this.phases.isCurrent(syncing)) return;
    const trid = connection.nextTrid();
    const timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    // The line that completes the dump ends the wait (the dump is set below, before any line comes).
    const collector = new ListSync(trid, cached.version, () => syncing.dump?.resolve());
    const dump = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RequestTimeoutError('SYN', timeoutMs)), timeoutMs);
      const settle = (): void => clearTimeout(timer);
      syncing.dump = { collector, resolve: () => (settle(), resolve()), reject: (error) => (settle(), reject(error)) };
    });
    dump.catch(() => undefined);
    try {
      const reply = await connection.requestWithTrid(trid, 'SYN', [String(cached.version)]);
      const version = Number(reply.params[1]);
      if (version === cached.version) {
        this.currentLists = cached;
        this.emit('lists', cached);
      } else {
        await dump;
        const synced = collector.result;
        const lists = Number.isInteger(version) ? withVersion(synced, version) : synced;
        this.commitLists(lists);
        // A removal while I was away comes as a shorter reverse list, not as REM 0 RL: the cache remembers who was there.
        for (const removed of leftReverseList(cached, lists)) this.emit('removedBy', removed);
      }
    } finally {
      syncing.dump?.resolve();
      syncing.dump = undefined;
    }
  }

  private dispatch(command: MsnpCommand): void {
    const phase = this.phases.current;
    if (phase.name === 'online') this.keepAlive.traffic();
    // A line of the SYN dump (thousands of them) goes to the collector, which says when it is complete.
    if (phase.name === 'syncing' && phase.dump?.collector.accept(command)) return;
    if ((phase.name === 'signing-in' || phase.name === 'syncing') && LIST_LINES.has(command.name)) {
      phase.held.push(command);
      return;
    }
    const handler = HANDLERS[command.name];
    const own = handler ? undefined : NotificationSession.OWN_HANDLERS[command.name];
    // A line the server got wrong (or a listener that failed on it) must never take the socket's
    // data handler, and so the whole client, down with it.
    try {
      if (handler) handler(this.context, command);
      else if (own) own(this, command);
      else if (isErrorCommand(command.name)) this.emit('error', new UnsolicitedProtocolError(Number(command.name), transactionIdOf(command)));
      else this.emit('unknown', command);
    } catch (error) {
      this.reportMalformed(command, `handling it failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private reportMalformed(command: MsnpCommand, reason: string): void {
    this.options.log?.(`ignored a malformed ${command.name} from the server (${reason})`);
    try {
      this.emit('malformed', { command, reason });
    } catch (error) {
      this.options.log?.(`reporting a malformed ${command.name} failed: ${(error as Error).message}`);
    }
  }

  private receiveServiceMessage(command: MsnpCommand): void {
    const message = parseServiceMessage(command.payload ?? new Uint8Array(0), Date.now());
    switch (message.type) {
      case 'profile':
        return this.emit('profile', message.profile);
      case 'mail-count':
        return this.emit('mailCount', message.count);
      case 'new-mail':
        return this.emit('newMail', message.notice);
      case 'mail-moved':
        return this.emit('mailMoved', message);
      case 'maintenance':
        return this.emit('maintenance', { minutes: message.minutes });
      case 'ignored':
        this.options.log?.(`ignored a service message of type "${message.contentType}"`);
    }
  }

  private receiveRing(command: MsnpCommand): void {
    const [sessionId, address, , cookie, inviter, inviterName] = command.params;
    if (sessionId === undefined || cookie === undefined || inviter === undefined) return this.reportMalformed(command, 'incomplete');
    const server = readServerAddress(address ?? '');
    if (!server) return this.reportMalformed(command, 'not a switchboard address');
    this.emit('ring', { sessionId, ...server, cookie, inviter, inviterName: percentDecode(inviterName ?? inviter) });
  }

  private receiveOut(reason: string | undefined): void {
    if (reason === 'OTH') {
      this.drop({ reason: 'elsewhere', error: { kind: 'protocol', reason: 'signed-in-elsewhere' } }, { override: true });
    } else if (reason === 'SSD') {
      this.drop({ reason: 'server-shutdown', error: { kind: 'protocol', reason: 'server-shutdown' } }, { override: true });
    } else {
      // The echo of our own OUT keeps the reason we gave.
      this.drop({ reason: 'error', error: { kind: 'protocol', reason: 'signed-out-by-server' } });
    }
  }

  /** `XFR 0 NS host:port` on a live session: move to that server; `XFR 0 NS 0`: sign in again here (§4.6). */
  private receiveTransfer(command: MsnpCommand): void {
    const [, kind, address] = command.params;
    const server = address === SAME_SERVER ? this.negotiated?.server : address;
    if (kind !== 'NS' || server === undefined || !readServerAddress(server)) {
      return this.reportMalformed(command, 'not a notification server referral');
    }
    this.drop({ reason: 'transfer', server });
  }

  private report(error: unknown): void {
    if (error instanceof ProtocolError) this.emit('error', error);
    else this.options.log?.(`background request failed: ${(error as Error).message}`);
  }

}
