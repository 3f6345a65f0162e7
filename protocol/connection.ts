// One TCP connection speaking MSNP (DS, NS or SB): framing, transaction ids, pending requests,
// typed events, and a redacted wire log. Knows nothing about what the commands mean.

import { Socket, connect as netConnect } from 'node:net';
import { TypedEmitter } from '../shared/emitter';
import { type MsnpCommand, type MsnpSyntaxError, TransactionIds, encodeCommand } from './command';
import { type FramerOptions, type FramingError, MsnpFramer } from './framer';
import { SocketReader } from './socket-reader';
import { type CloseDetail, type CloseReason, ConnectionClosedError, PendingRequests, type ReplyCallback } from './transactions';
import { type WireDirection, type WireLogger, describeForLog, maskSecrets } from './wire-log';

export interface ConnectionClosed {
  /** Why, as a code: `closed-locally` when we asked for it. */
  readonly reason: CloseReason;
  readonly detail?: CloseDetail;
}

export interface ConnectionEvents {
  /** Every command not consumed as the final reply to a request. */
  command: MsnpCommand;
  /** A line that is not a valid command; the connection goes on. */
  malformed: MsnpSyntaxError;
  close: ConnectionClosed;
}

/** Where a connection goes: the server's address as the client knows it (a proxy may stand between). */
export interface ConnectionTarget {
  readonly host: string;
  readonly port: number;
}

/**
 * Opens the socket to `target` some other way than a direct TCP connect (through a proxy). It
 * rejects with its own error, which names the proxy rather than the server.
 */
export type Dialer = (target: ConnectionTarget, timeoutMs: number) => Promise<Socket>;

/** Sees every command of one connection as it is sent or received, and the connection's end. */
export interface WireObserver {
  command(direction: WireDirection, command: MsnpCommand): void;
  closed(closed: ConnectionClosed): void;
}

export interface ConnectionOptions extends FramerOptions {
  /** Default timeout for requests on this connection. */
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  log?: WireLogger;
  /** Asked for each logged MSG: whether its text may be shown (the user's "log message text"). */
  logMessageText?: () => boolean;
  /** First transaction id (the official client keeps counting across the DS→NS hop). */
  firstTrid?: number;
  /** Opens the socket instead of a direct connect (a proxy). */
  dial?: Dialer;
  /** Called once the connection is open; what it returns sees the connection's traffic (a protocol console). */
  observe?: (target: ConnectionTarget) => WireObserver | undefined;
}

export interface RequestOptions {
  payload?: Uint8Array;
  timeoutMs?: number;
  /** Reply names that end the request; defaults to the request's own name. */
  replies?: readonly string[];
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

export class MsnpConnection extends TypedEmitter<ConnectionEvents> {
  private readonly framer: MsnpFramer;
  private readonly pending = new PendingRequests();
  private readonly trids: TransactionIds;
  private closed = false;
  /** What was written this turn, sent together at its end (see `write`). */
  private outgoing: Uint8Array[] | undefined;
  private closeCause: ConnectionClosed | undefined;
  private readonly observer: WireObserver | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions = {},
    /** The server this connection reaches, when known (the socket's peer may be a proxy). */
    target?: ConnectionTarget,
    /** How the socket is read when it was opened with `onread` (socket-reader.ts); else by `data` events. */
    reader?: SocketReader,
  ) {
    super();
    this.observer = target && options.observe?.(target);
    this.trids = new TransactionIds(options.firstTrid ?? 1);
    this.framer = new MsnpFramer(
      {
        command: (command) => this.receive(command),
        malformed: (error) => {
          if (this.closed) return;
          this.options.log?.('in', `(malformed) ${maskSecrets(error.line.slice(0, 200))}`);
          this.emit('malformed', error);
        },
        fatal: (_error: FramingError) => this.close({ reason: 'line-too-long' }),
      },
      options,
    );
    socket.setNoDelay(true);
    if (reader) reader.deliver = (chunk) => this.framer.push(chunk);
    else socket.on('data', (chunk: Buffer) => this.framer.push(chunk));
    socket.on('error', (error) => {
      this.closeCause ??= { reason: 'connection-lost', detail: { code: (error as NodeJS.ErrnoException).code ?? error.message } };
    });
    socket.on('close', () => this.finish(this.closeCause ?? { reason: 'connection-closed' }));
  }

  /** Opens a TCP connection; rejects with a clear error when the server cannot be reached. */
  static async connect(host: string, port: number, options: ConnectionOptions = {}): Promise<MsnpConnection> {
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    if (options.dial) return new MsnpConnection(await options.dial({ host, port }, timeoutMs), options, { host, port });
    return new Promise((resolve, reject) => {
      const reader = new SocketReader();
      const socket = netConnect({ host, port, onread: reader.onread });
      socket.once('close', () => reader.release());
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionClosedError('unreachable', { host, port, seconds: Math.round(timeoutMs / 1000) }));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new MsnpConnection(socket, options, { host, port }, reader));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ConnectionClosedError('cannot-connect', { host, port, code: error.code ?? error.message }));
      });
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get pendingRequests(): number {
    return this.pending.size;
  }

  get remoteAddress(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  /** The next transaction id of this connection. */
  nextTrid(): number {
    return this.trids.next();
  }

  /** Writes a command as given (for OUT, PNG and replies that carry no new TrID). */
  send(name: string, params: readonly string[] = [], payload?: Uint8Array): void {
    this.sendLine(name, undefined, params, payload);
  }

  /**
   * Writes `name trid params…`. The command as an object (its params with the TrID in front) is
   * made only for the wire log and the protocol console, when they are on.
   */
  private sendLine(name: string, trid: number | undefined, params: readonly string[], payload: Uint8Array | undefined): void {
    if (this.closed) throw new ConnectionClosedError();
    const bytes = encodeCommand(name, trid, params, payload);
    if (this.options.log || this.observer) {
      const allParams = trid === undefined ? params : [String(trid), ...params];
      const command: MsnpCommand = payload ? { name, params: allParams, payload } : { name, params: allParams };
      this.logCommand('out', command);
      this.observer?.command('out', command);
    }
    this.write(bytes);
  }

  /**
   * The first command written in a turn of the event loop leaves at once: a message typed, or one
   * answered as it arrives, waits for nothing. The commands written after it in the same turn
   * gather and leave together at its end: a burst of two thousand messages is two system calls,
   * not two thousand. (Our own list rather than the socket's cork: the stream's buffered-write
   * bookkeeping cost more than the bytes.)
   */
  private write(bytes: Uint8Array): void {
    if (this.outgoing) {
      this.outgoing.push(bytes);
      return;
    }
    this.outgoing = [];
    process.nextTick(() => this.flush());
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  private flush(): void {
    const chunks = this.outgoing;
    this.outgoing = undefined;
    if (!chunks || chunks.length === 0 || this.socket.destroyed) return;
    this.socket.write(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks));
  }

  /** Sends `NAME trid params…` and resolves with the final reply carrying that TrID. */
  request(name: string, params: readonly string[] = [], options: RequestOptions = {}): Promise<MsnpCommand> {
    return this.requestWithTrid(this.trids.next(), name, params, options);
  }

  /**
   * Like `request`, with a TrID the caller took from `nextTrid()` beforehand (so it can recognise
   * the intermediate lines that share it, such as LST during SYN).
   */
  requestWithTrid(trid: number, name: string, params: readonly string[], options: RequestOptions = {}): Promise<MsnpCommand> {
    return new Promise((resolve, reject) =>
      this.exchange(trid, name, params, options, (error, reply) => (error ? reject(error) : resolve(reply as MsnpCommand))),
    );
  }

  /**
   * `request` with a callback, called once with the reply or the error (synchronously when the
   * connection is already closed): what a message awaiting its ACK costs is one callback and one
   * timer, where a promise chain would hold several objects per message in flight.
   */
  requestThen(name: string, params: readonly string[], options: RequestOptions, done: ReplyCallback): void {
    this.exchange(this.trids.next(), name, params, options, done);
  }

  private exchange(trid: number, name: string, params: readonly string[], options: RequestOptions, done: ReplyCallback): void {
    if (this.closed) return done(new ConnectionClosedError());
    if (this.pending.has(trid)) return done(new Error(`Transaction id ${trid} is already in use`));
    this.pending.waitFor(trid, name, { timeoutMs: options.timeoutMs ?? this.options.requestTimeoutMs, replies: options.replies }, done);
    try {
      this.sendLine(name, trid, params, options.payload);
    } catch (error) {
      this.pending.fail(trid, error as Error);
    }
  }

  /** Closes the socket; pending requests reject and `close` is emitted once. */
  close(reason: ConnectionClosed = { reason: 'closed-locally' }): void {
    if (this.closed) return;
    this.closeCause ??= reason;
    this.socket.destroy();
    this.finish(this.closeCause);
  }

  /** Ends politely: flushes what was written, then closes (used after OUT). */
  end(): void {
    if (this.closed) return;
    this.closeCause ??= { reason: 'closed-locally' };
    this.flush();
    this.socket.end();
    setTimeout(() => this.close(), 1000).unref();
  }

  private logCommand(direction: 'in' | 'out', command: MsnpCommand): void {
    const { log, logMessageText } = this.options;
    if (log) log(direction, describeForLog(command, { messageText: logMessageText?.() ?? false }));
  }

  private receive(command: MsnpCommand): void {
    // A listener may close the connection while the rest of a chunk is still being framed.
    if (this.closed) return;
    this.logCommand('in', command);
    this.observer?.command('in', command);
    let settled: boolean;
    try {
      settled = this.pending.settle(command);
    } catch (error) {
      // A request's callback failed: the rest of the chunk is still framed, and the failure is
      // raised on its own, as an unhandled rejection would be.
      queueMicrotask(() => {
        throw error;
      });
      return;
    }
    if (settled) return;
    this.emit('command', command);
  }

  private finish(reason: ConnectionClosed): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.rejectAll(() => new ConnectionClosedError(reason.reason, reason.detail));
    this.observer?.closed(reason);
    this.emit('close', reason);
  }
}
