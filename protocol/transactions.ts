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
  /** When it times out, on `performance.now()`'s clock. */
  readonly deadline: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface PendingOptions {
  readonly timeoutMs?: number;
  readonly replies?: readonly string[];
}

/**
 * Every request's timeout is kept by one timer, set for the earliest deadline. A burst of two
 * thousand messages awaiting their ACKs then holds one timer, not two thousand made and cleared;
 * and a sign-in's requests, one after another, mostly find the timer of the one before still
 * set: it is left set when nothing waits (not keeping the process alive), and when it fires early
 * for a later request it is set again for that one's deadline.
 */
export class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  /** How many waiting requests end with a line of each name: a line no request waits for is passed on at once. */
  private readonly awaited = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When `timer` fires (Infinity when none is set). */
  private timerAt = Number.POSITIVE_INFINITY;

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
    const now = performance.now();
    const deadline = now + timeoutMs;
    const replies = options.replies ?? [request];
    this.pending.set(trid, { request, replies, done, timeoutMs, deadline });
    for (const name of replies) this.awaited.set(name, (this.awaited.get(name) ?? 0) + 1);
    if (deadline < this.timerAt) this.setTimer(deadline, now);
    else if (this.pending.size === 1) this.timer?.ref();
  }

  /** Sets the one timer for `at` (it was set for later, or not at all). */
  private setTimer(at: number, now: number): void {
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.expire, at - now);
  }

  /** The timer fired: the requests whose deadline has come fail, and the timer is set for the next deadline. */
  private readonly expire = (): void => {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    const expired: Array<readonly [number, Pending]> = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [trid, entry] of this.pending) {
      if (entry.deadline <= now) expired.push([trid, entry]);
      else if (entry.deadline < next) next = entry.deadline;
    }
    if (next < Number.POSITIVE_INFINITY) this.setTimer(next, now);
    for (const [trid, entry] of expired) {
      // A callback before it may have ended it already (a timeout that closes the connection).
      if (this.pending.get(trid) !== entry) continue;
      this.finish(trid, entry);
      entry.done(new RequestTimeoutError(entry.request, entry.timeoutMs));
    }
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
    // The connection is closing: its timer goes too, even when nothing waits.
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (this.pending.size === 0) return;
    const error = reason();
    for (const [trid, entry] of [...this.pending]) {
      this.finish(trid, entry);
      entry.done(error);
    }
  }

  private finish(trid: number, entry: Pending): void {
    this.pending.delete(trid);
    // Nothing waits: the timer stays set for the next request, without keeping the process alive.
    if (this.pending.size === 0) this.timer?.unref();
    // A name's count stays at 0 rather than leaving the map: a chat's next message waits for ACK again.
    for (const name of entry.replies) this.awaited.set(name, (this.awaited.get(name) ?? 1) - 1);
  }
}
