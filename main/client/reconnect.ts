// Reconnection after a lost session: a separate, stoppable policy with exponential backoff and
// jitter (§15.3), bounded everywhere. Every session end counts as an attempt until a session has
// stayed up for a while, so a server that drops or moves (`XFR 0 NS`) a session again and again
// gets ever longer waits and, after MAX_RECONNECT_ATTEMPTS, no more tries, never a tight loop.
// The facade never starts it after a user sign-out or OUT OTH.

export interface ReconnectOptions {
  /** First delay before jitter; the reference suggests about ten seconds. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** In [0, 1); injected so tests are deterministic. */
  readonly random?: () => number;
  readonly maxAttempts?: number;
}

export const DEFAULT_RECONNECT_BASE_MS = 10_000;
export const DEFAULT_RECONNECT_MAX_MS = 5 * 60_000;
/** Attempts in a row, without a session that stayed up, before giving up. */
export const MAX_RECONNECT_ATTEMPTS = 10;
/** Moves the server asks for that are followed at once; later ones wait like any reconnect. */
export const IMMEDIATE_TRANSFERS = 2;
/** How long a session must stay up before its reconnects are forgotten. */
export const STABLE_SESSION_MS = 60_000;

/** Why the session went away: lost (or shut down), or moved by the server. */
export type ReconnectCause = 'lost' | 'transfer';

export class ReconnectPolicy {
  private attempts = 0;
  /** The scheduled or running attempt; an attempt that finishes when it is no longer this one is ignored. */
  private current: { timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private stableTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** One attempt; resolves when signed in again, rejects with whatever went wrong. */
    private readonly attempt: () => Promise<void>,
    /** Decides after a failed attempt: true to try again later, false to give up (it told the user why). */
    private readonly shouldRetry: (error: unknown) => boolean,
    /** The attempts are used up: `attempts` were made, the last one failing with `cause` (if it failed). */
    private readonly gaveUp: (attempts: number, cause?: unknown) => void,
    private readonly options: ReconnectOptions = {},
  ) {}

  get active(): boolean {
    return this.current !== undefined;
  }

  /** The wait before attempt number `failures` (0-based): base·2ⁿ capped, times a jitter of 50–100 %. */
  delayFor(failures: number): number {
    const base = this.options.baseDelayMs ?? DEFAULT_RECONNECT_BASE_MS;
    const max = this.options.maxDelayMs ?? DEFAULT_RECONNECT_MAX_MS;
    const random = this.options.random ?? Math.random;
    return Math.round(Math.min(max, base * 2 ** failures) * (0.5 + random() / 2));
  }

  /** A session ended without the user asking: schedules the next attempt, or gives up when they are used up. */
  start(cause: ReconnectCause): void {
    clearTimeout(this.stableTimer);
    this.schedule(cause);
  }

  /** An attempt (or the first sign-in) went online: once it has stayed up a while, its history is forgotten. */
  online(): void {
    clearTimeout(this.stableTimer);
    this.stableTimer = setTimeout(() => (this.attempts = 0), STABLE_SESSION_MS);
  }

  /** The user signed in or out: no attempt runs, none is remembered. */
  reset(): void {
    this.stop();
    clearTimeout(this.stableTimer);
    this.attempts = 0;
  }

  stop(): void {
    clearTimeout(this.current?.timer);
    this.current = undefined;
  }

  private schedule(cause: ReconnectCause, failure?: unknown): void {
    this.stop();
    const maxAttempts = this.options.maxAttempts ?? MAX_RECONNECT_ATTEMPTS;
    if (this.attempts >= maxAttempts) {
      this.gaveUp(this.attempts, failure);
      return;
    }
    const immediate = cause === 'transfer' && this.attempts < IMMEDIATE_TRANSFERS;
    const delayMs = immediate ? 0 : this.delayFor(this.attempts);
    this.attempts++;
    const attempt: { timer: ReturnType<typeof setTimeout> | undefined } = { timer: undefined };
    this.current = attempt;
    attempt.timer = setTimeout(() => {
      attempt.timer = undefined;
      this.attempt().then(
        () => {
          if (this.current === attempt) this.current = undefined;
        },
        (error: unknown) => {
          if (this.current !== attempt) return;
          this.current = undefined;
          if (this.shouldRetry(error)) this.schedule('lost', error);
        },
      );
    }, delayMs);
  }
}
