// Reconnection after a lost session: a separate, stoppable policy with exponential backoff and
// jitter (§15.3). The facade never starts it after a user sign-out or OUT OTH.

export interface ReconnectOptions {
  /** First delay before jitter; the reference suggests about ten seconds. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** In [0, 1); injected so tests are deterministic. */
  readonly random?: () => number;
}

export const DEFAULT_RECONNECT_BASE_MS = 10_000;
export const DEFAULT_RECONNECT_MAX_MS = 5 * 60_000;

export class ReconnectPolicy {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** Bumped by stop(), so an attempt that finishes after it is ignored. */
  private generation = 0;

  constructor(
    /** One attempt; resolves when signed in again, rejects with whatever went wrong. */
    private readonly attempt: () => Promise<void>,
    /** Decides after a failed attempt: true to try again later, false to give up. */
    private readonly shouldRetry: (error: unknown) => boolean,
    private readonly options: ReconnectOptions = {},
  ) {}

  get active(): boolean {
    return this.timer !== undefined;
  }

  /** The wait before attempt number `failures` (0-based): base·2ⁿ capped, times a jitter of 50–100 %. */
  delayFor(failures: number): number {
    const base = this.options.baseDelayMs ?? DEFAULT_RECONNECT_BASE_MS;
    const max = this.options.maxDelayMs ?? DEFAULT_RECONNECT_MAX_MS;
    const random = this.options.random ?? Math.random;
    return Math.round(Math.min(max, base * 2 ** failures) * (0.5 + random() / 2));
  }

  /** Starts over; `immediately` skips the first wait (a server-requested move). */
  start(immediately = false): void {
    this.stop();
    this.failures = 0;
    this.schedule(immediately ? 0 : this.delayFor(0));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
  }

  private schedule(delayMs: number): void {
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.attempt().then(
        () => undefined,
        (error: unknown) => {
          if (generation !== this.generation || !this.shouldRetry(error)) return;
          this.failures++;
          this.schedule(this.delayFor(this.failures));
        },
      );
    }, delayMs);
  }
}
