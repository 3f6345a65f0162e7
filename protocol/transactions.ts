// Requests matched to replies by transaction id (§2.2): servers may answer out of order, one
// request may get several lines, and a numeric error line with the same TrID rejects it.

import { type MsnpCommand, isErrorCommand, transactionIdOf } from './command';
import { describeProtocolError } from './errors';

/** A numeric error reply (`911 3`) from the server. */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    readonly trid: number | undefined,
    readonly request?: string,
  ) {
    super(describeProtocolError(code));
    this.name = 'ProtocolError';
  }
}

export class RequestTimeoutError extends Error {
  constructor(
    readonly request: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer to ${request} within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Why a connection is closed or could not be opened, as a code (the client words it for the user):
 * refused or failed to connect, no answer to connect, lost (a socket error), closed by the server,
 * a line or payload too long to frame, or closed on our side.
 */
export type CloseReason = 'cannot-connect' | 'unreachable' | 'connection-lost' | 'connection-closed' | 'line-too-long' | 'closed-locally';

/** The facts of a close: the server's address, the socket's error code, how long we waited. */
export interface CloseDetail {
  readonly host?: string;
  readonly port?: number;
  readonly code?: string;
  readonly seconds?: number;
}

export class ConnectionClosedError extends Error {
  constructor(
    readonly reason: CloseReason = 'connection-closed',
    readonly detail: CloseDetail = {},
  ) {
    super(`connection ${reason}${Object.keys(detail).length > 0 ? ` ${JSON.stringify(detail)}` : ''}`);
    this.name = 'ConnectionClosedError';
  }
}

/** How a request ends: with its reply, or with the error that stopped it. */
export type ReplyCallback = (error: Error | undefined, reply?: MsnpCommand) => void;

interface Pending {
  readonly request: string;
  /** Reply names that end the request (one or two: an array is cheaper than a set per request). */
  readonly replies: readonly string[];
  readonly done: ReplyCallback;
  readonly timeoutMs: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface PendingOptions {
  readonly timeoutMs?: number;
  readonly replies?: readonly string[];
}

export class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  /** How many waiting requests end with a line of each name: a line no request waits for is passed on at once. */
  private readonly awaited = new Map<string, number>();

  get size(): number {
    return this.pending.size;
  }

  has(trid: number): boolean {
    return this.pending.has(trid);
  }

  /**
   * Waits for the reply to request `trid`: the first line with that TrID whose name is one of
   * `replies` (by default the request's own name) ends it, an error line or the timeout fails it;
   * `done` is called once either way. A callback, not a promise: a message awaiting its ACK then
   * holds one callback and its timer, not promises and the reactions chained on them (a burst has
   * thousands in flight).
   */
  waitFor(trid: number, request: string, options: PendingOptions, done: ReplyCallback): void {
    if (this.pending.has(trid)) {
      done(new Error(`Transaction id ${trid} is already in use`));
      return;
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const timer = setTimeout(this.expire, timeoutMs, trid);
    const replies = options.replies ?? [request];
    this.pending.set(trid, { request, replies, done, timeoutMs, timer });
    for (const name of replies) this.awaited.set(name, (this.awaited.get(name) ?? 0) + 1);
  }

  /** One function for every request's timer (it gets the TrID), rather than a closure per request. */
  private readonly expire = (trid: number): void => {
    const entry = this.pending.get(trid);
    if (!entry) return;
    this.finish(trid, entry);
    entry.done(new RequestTimeoutError(entry.request, entry.timeoutMs));
  };

  /**
   * Offers an incoming command. Returns true when it settled a pending request (a final reply or
   * an error); intermediate lines that share the TrID (LST during SYN, IRO during ANS) return false
   * so the caller dispatches them as usual.
   */
  settle(command: MsnpCommand): boolean {
    // Most lines answer nothing that waits: a sign-in's thousands of LST lines while only its SYN
    // waits, presence, messages. A line whose name no waiting request ends (and that is no error)
    // is passed on without its params being read for a TrID.
    if (!(this.awaited.get(command.name) ?? 0) && !isErrorCommand(command.name)) return false;
    const trid = transactionIdOf(command);
    if (trid === undefined) return false;
    const entry = this.pending.get(trid);
    if (!entry) return false;
    if (isErrorCommand(command.name)) {
      this.finish(trid, entry);
      entry.done(new ProtocolError(Number(command.name), trid, entry.request));
      return true;
    }
    if (!entry.replies.includes(command.name)) return false;
    this.finish(trid, entry);
    entry.done(undefined, command);
    return true;
  }

  /** Rejects one request (for example when writing it failed). */
  fail(trid: number, error: Error): void {
    const entry = this.pending.get(trid);
    if (!entry) return;
    this.finish(trid, entry);
    entry.done(error);
  }

  /**
   * Rejects every request with the error `reason` makes, made only when one waits: an error
   * captures a stack trace, which costs more than the rest of a connection's close.
   */
  rejectAll(reason: () => Error): void {
    if (this.pending.size === 0) return;
    const error = reason();
    for (const [trid, entry] of [...this.pending]) {
      this.finish(trid, entry);
      entry.done(error);
    }
  }

  private finish(trid: number, entry: Pending): void {
    clearTimeout(entry.timer);
    this.pending.delete(trid);
    // A name's count stays at 0 rather than leaving the map: a chat's next message waits for ACK again.
    for (const name of entry.replies) this.awaited.set(name, (this.awaited.get(name) ?? 1) - 1);
  }
}
