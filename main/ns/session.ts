// The notification session: signs in, synchronises the lists, goes online, then dispatches every
// incoming command through one table keyed by the three-letter name, with one module per concern
// (presence, lists, privacy, mail, services). Pure Node: no electron.

import type { AddedAlertMode, Dialect, PrivacyMode, SettableStatus, UrlService } from '../../shared/model';
import { TypedEmitter } from '../../shared/emitter';
import {
  ConnectionClosedError,
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
import { SessionError } from './errors';
import type { NotificationEvents, SessionEnd } from './events';
import { KeepAlive } from './keep-alive';
import {
  type EditableList,
  addToList,
  listHandlers,
  removeFromList,
  renameMe,
  setAddedAlert,
  setPrivacyMode,
} from './list-commands';
import type { CachedAccount, ListCache } from './list-cache';
import { type ContactLists, EMPTY_LISTS, ListSync } from './lists';
import { parseServiceMessage } from './mail';
import { changeStatus, presenceHandlers } from './presence';
import { PrivacyControl } from './privacy';
import { type UrlReply, inviteByEmail, requestUrl, setIms } from './services';
import { SAME_SERVER, SIGN_IN_CANCELLED, authenticate, parseServerAddress, readServerAddress } from './signin';
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
}

/** Unsolicited list changes: they apply to the synchronised lists, so they wait for the SYN result. */
const LIST_LINES = new Set(['ADD', 'REM', 'REA']);

/** Requests whose lost answer means the cached lists may be stale (§11.2). */
const LIST_CHANGING = new Set(['ADD', 'REM', 'REA', 'GTC', 'BLP']);

export class NotificationSession extends TypedEmitter<NotificationEvents> {
  private connection: MsnpConnection | undefined;
  /** `server` is the notification server signed in on, `host:port`. */
  private negotiated: { dialect: Dialect; handle: string; server: string } | undefined;
  private currentLists: ContactLists = EMPTY_LISTS;
  private currentStatus: SettableStatus | undefined;
  private sync: { collector: ListSync; resolve: () => void; reject: (error: Error) => void } | undefined;
  private online = false;
  /**
   * List changes that arrived before the SYN result (a server may send `ADD 0 RL` right after
   * USR OK): applied to EMPTY_LISTS they would be saved over the cache and lose every contact.
   */
  private unsyncedListLines: MsnpCommand[] | undefined = [];
  /** Set when we know why the connection is about to close (OUT, sign-out, dead keep-alive). */
  private ending: SessionEnd | undefined;
  private readonly context: NsContext;
  private readonly handlers: HandlerTable;
  private readonly privacy: PrivacyControl;
  private readonly keepAlive: KeepAlive;
  /** Aborted by signOut/drop, so a sign-in with no connection open at that moment goes no further. */
  private readonly cancel = new AbortController();

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
    };
    this.privacy = new PrivacyControl(this.context, (error) => this.report(error));
    const storedNames = new StoredNameSync(this.context, options.log);
    this.handlers = {
      ...presenceHandlers(this.context, (handle, name) => storedNames.seen(handle, name)),
      ...listHandlers(this.context, (handle) => this.privacy.review([handle])),
      MSG: (command) => this.receiveServiceMessage(command),
      RNG: (command) => this.receiveRing(command),
      OUT: ({ params: [reason] }) => this.receiveOut(reason),
      XFR: (command) => this.receiveTransfer(command),
      QNG: () => undefined,
    };
    this.keepAlive = new KeepAlive(
      () => this.connection?.isOpen && this.connection.send('PNG'),
      () => this.drop({ reason: 'error', message: 'The server stopped answering; the connection was lost.' }),
    );
    this.on('status', (status) => (this.currentStatus = status));
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
    return Object.keys(this.handlers);
  }

  get isOnline(): boolean {
    return this.online && this.connection?.isOpen === true;
  }

  /** Signs in, synchronises the lists and sets the first status; resolves once online (§3.2). */
  async start(initial: { readonly status: SettableStatus; readonly ims?: boolean }): Promise<void> {
    const { log } = this.options;
    const authenticated = await authenticate({
      ...parseServerAddress(this.options.server),
      handle: this.options.handle,
      password: this.options.password,
      connection: {
        requestTimeoutMs: this.options.requestTimeoutMs,
        connectTimeoutMs: this.options.connectTimeoutMs,
        log: log && ((direction, text) => log(`${direction === 'in' ? 'S:' : 'C:'} ${text}`)),
      },
      onStep: (step) => this.emit('step', step),
      signal: this.cancel.signal,
      onConnection: (connection) => {
        this.connection = connection;
        connection.on('command', (command) => this.dispatch(command));
      },
    });
    const { connection, dialect, handle, friendlyName, server } = authenticated;
    this.connection = connection;
    this.negotiated = { dialect, handle, server };
    connection.on('close', (closed) => this.finish(closed.message));
    if (this.cancel.signal.aborted) connection.close();
    if (!connection.isOpen) throw new ConnectionClosedError(this.cancel.signal.aborted ? SIGN_IN_CANCELLED : undefined);
    this.emit('authenticated', { handle, friendlyName, dialect, server });
    this.emit('step', 'syncing');
    try {
      await this.synchronise();
      this.privacy.review();
      if (initial.ims === false && dialect === 'MSNP3') await setIms(this.context, false);
      await changeStatus(this.context, initial.status);
    } catch (error) {
      connection.close();
      throw error;
    }
    this.online = true;
    this.keepAlive.traffic();
    this.emit('step', 'online');
  }

  setStatus = (status: SettableStatus): Promise<SettableStatus> => changeStatus(this.context, status);
  addToList = (list: EditableList, handle: string, name?: string): Promise<void> => addToList(this.context, list, handle, name);
  removeFromList = (list: EditableList, handle: string): Promise<void> => removeFromList(this.context, list, handle);
  rename = (name: string): Promise<void> => renameMe(this.context, name);
  setPrivacyMode = (mode: PrivacyMode): Promise<void> => setPrivacyMode(this.context, mode);
  setAddedAlert = (mode: AddedAlertMode): Promise<void> => setAddedAlert(this.context, mode);
  block = (handle: string): Promise<void> => this.privacy.block(handle);
  unblock = (handle: string): Promise<void> => this.privacy.unblock(handle);
  answerAddedBy = (handle: string, answer: { allow: boolean; addToContacts: boolean }): Promise<void> =>
    this.privacy.answer(handle, answer);
  requestUrl = (service: UrlService, argument?: string): Promise<UrlReply> => requestUrl(this.context, service, argument);
  inviteByEmail = (address: string): Promise<void> => inviteByEmail(this.context, address);
  setIms = (enabled: boolean): Promise<void> => setIms(this.context, enabled);

  /** `XFR SB` (§5.10): where a new conversation's switchboard is. */
  async requestSwitchboard(): Promise<SwitchboardTicket> {
    const reply = await this.request('XFR', ['SB']);
    const [, kind, address, , cookie] = reply.params;
    const server = readServerAddress(address ?? '');
    if (kind !== 'SB' || !server || cookie === undefined) {
      throw new SessionError('protocol', 'The server sent an incomplete switchboard referral.');
    }
    return { ...server, cookie };
  }

  /** `OUT`, then close on the server's echo, its close, or after two seconds (§5.17). */
  async signOut(): Promise<void> {
    this.ending ??= { reason: 'user' };
    this.cancel.abort();
    const connection = this.connection;
    if (!connection?.isOpen) return;
    if (!this.online) return connection.close();
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

  /** Drops the connection at once (dead keep-alive, disposal) and reports `end`. */
  drop(end: SessionEnd): void {
    this.ending ??= end;
    this.cancel.abort();
    this.connection?.close();
  }

  private request(name: string, params: readonly string[] = [], options: RequestOptions = {}): Promise<MsnpCommand> {
    const connection = this.connection;
    if (!connection?.isOpen) return Promise.reject(new ConnectionClosedError('You are not signed in.'));
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
  private async synchronise(): Promise<void> {
    const connection = this.connection as MsnpConnection;
    const cached = (await this.options.listCache.load(this.cachedAccount())) ?? EMPTY_LISTS;
    const trid = connection.nextTrid();
    const collector = new ListSync(trid, cached.version);
    const timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const dump = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RequestTimeoutError('SYN', timeoutMs)), timeoutMs);
      const settle = (): void => clearTimeout(timer);
      this.sync = { collector, resolve: () => (settle(), resolve()), reject: (error) => (settle(), reject(error)) };
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
        this.commitLists({ ...collector.result, version: Number.isInteger(version) ? version : collector.result.version });
      }
    } finally {
      this.sync?.resolve();
      this.sync = undefined;
    }
    this.applyUnsyncedListLines();
  }

  private applyUnsyncedListLines(): void {
    const lines = this.unsyncedListLines ?? [];
    this.unsyncedListLines = undefined;
    for (const command of lines) this.dispatch(command);
  }

  private dispatch(command: MsnpCommand): void {
    if (this.online) this.keepAlive.traffic();
    if (this.sync?.collector.accept(command)) {
      if (this.sync.collector.complete) this.sync.resolve();
      return;
    }
    if (this.unsyncedListLines && LIST_LINES.has(command.name)) {
      this.unsyncedListLines.push(command);
      return;
    }
    const handler = this.handlers[command.name];
    // A line the server got wrong (or a listener that failed on it) must never take the socket's
    // data handler, and so the whole client, down with it.
    try {
      if (handler) handler(command);
      else if (isErrorCommand(command.name)) this.emit('error', new ProtocolError(Number(command.name), transactionIdOf(command)));
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
    if (reason === 'OTH') this.ending = { reason: 'elsewhere', message: 'You have been signed out because you signed in at another location.' };
    else if (reason === 'SSD') this.ending = { reason: 'server-shutdown', message: 'The server is going down for maintenance.' };
    else this.ending ??= { reason: 'error', message: 'The server signed you out.' };
    this.connection?.close();
  }

  /** `XFR 0 NS host:port` on a live session: move to that server; `XFR 0 NS 0`: sign in again here (§4.6). */
  private receiveTransfer(command: MsnpCommand): void {
    const [, kind, address] = command.params;
    const server = address === SAME_SERVER ? this.negotiated?.server : address;
    if (kind !== 'NS' || server === undefined || !readServerAddress(server)) {
      return this.reportMalformed(command, 'not a notification server referral');
    }
    this.drop({ reason: 'transfer', server, message: 'The server moved this session to another server.' });
  }

  private report(error: unknown): void {
    if (error instanceof ProtocolError) this.emit('error', error);
    else this.options.log?.(`background request failed: ${(error as Error).message}`);
  }

  private finish(message: string | undefined): void {
    this.keepAlive.stop();
    this.sync?.reject(new ConnectionClosedError(message));
    const wasOnline = this.online;
    this.online = false;
    if (wasOnline) this.emit('closed', this.ending ?? { reason: 'error', message: message ?? 'The connection to the server was lost.' });
  }
}
