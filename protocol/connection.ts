// One TCP connection speaking MSNP (DS, NS or SB): framing, transaction ids, pending requests,
// typed events, and a redacted wire log. Knows nothing about what the commands mean.

import { Socket, connect as netConnect } from 'node:net';
import { TypedEmitter } from '../shared/emitter';
import { type MsnpCommand, type MsnpSyntaxError, TransactionIds, serializeCommand } from './command';
import { type FramerOptions, type FramingError, MsnpFramer } from './framer';
import { type CloseDetail, type CloseReason, ConnectionClosedError, PendingRequests } from './transactions';
import { type WireLogger, describeForLog, maskSecrets } from './wire-log';

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

export interface ConnectionOptions extends FramerOptions {
  /** Default timeout for requests on this connection. */
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  log?: WireLogger;
  /** Asked for each logged MSG: whether its text may be shown (the user's "log message text"). */
  logMessageText?: () => boolean;
  /** First transaction id (the official client keeps counting across the DS→NS hop). */
  firstTrid?: number;
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
  /** Writes are held until the end of the current turn (see `write`). */
  private corked = false;
  private closeCause: ConnectionClosed | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions = {},
  ) {
    super();
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
    socket.on('data', (chunk: Buffer) => this.framer.push(chunk));
    socket.on('error', (error) => {
      this.closeCause ??= { reason: 'connection-lost', detail: { code: (error as NodeJS.ErrnoException).code ?? error.message } };
    });
    socket.on('close', () => this.finish(this.closeCause ?? { reason: 'connection-closed' }));
  }

  /** Opens a TCP connection; rejects with a clear error when the server cannot be reached. */
  static connect(host: string, port: number, options: ConnectionOptions = {}): Promise<MsnpConnection> {
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionClosedError('unreachable', { host, port, seconds: Math.round(timeoutMs / 1000) }));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new MsnpConnection(socket, options));
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
    if (this.closed) throw new ConnectionClosedError();
    const command: MsnpCommand = payload ? { name, params, payload } : { name, params };
    const bytes = serializeCommand(command);
    this.logCommand('out', command);
    this.write(bytes);
  }

  /**
   * The commands written in one turn of the event loop leave together: a burst of two thousand
   * messages is one system call, not two thousand, and a single command waits for nothing but the
   * end of the code that wrote it.
   */
  private write(bytes: Uint8Array): void {
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(bytes);
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
    if (this.closed) return Promise.reject(new ConnectionClosedError());
    if (this.pending.has(trid)) return Promise.reject(new Error(`Transaction id ${trid} is already in use`));
    const reply = this.pending.add(trid, name, {
      timeoutMs: options.timeoutMs ?? this.options.requestTimeoutMs,
      replies: options.replies,
    });
    try {
      this.send(name, [String(trid), ...params], options.payload);
    } catch (error) {
      this.pending.fail(trid, error as Error);
    }
    return reply;
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
    if (this.pending.settle(command)) return;
    this.emit('command', command);
  }

  private finish(reason: ConnectionClosed): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.rejectAll(new ConnectionClosedError(reason.reason, reason.detail));
    this.emit('close', reason);
  }
}
