// Repeated wrong passwords are slowed, per account and per remote address: the first few checks
// are answered at once, after that each one waits a gap that doubles with every failure (up to a
// ceiling) after the one before. Checks are reserved in order, so opening many connections at once
// buys nothing: each waits its turn behind the others. A check whose turn is further away than the
// client waits for an answer (30 s) is refused at once as "server too busy" (910) without being
// made, rather than answered with a verdict too late. A success clears the account's record (not
// the address's: signing in to one's own account must not reset guessing at others'), and records
// are forgotten after a quiet while.

export interface SignInThrottleOptions {
  /** Failed checks answered without a wait. */
  readonly freeAttempts: number;
  readonly firstGapMs: number;
  readonly maxGapMs: number;
  /** The longest a check may be made to wait; anything later is refused. */
  readonly maxWaitMs: number;
  /** A record without a check for this long is forgotten. */
  readonly forgetAfterMs: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  freeAttempts: 3,
  firstGapMs: 1000,
  maxGapMs: 8000,
  maxWaitMs: 20_000,
  forgetAfterMs: 15 * 60_000,
};

interface SignInRecord {
  failures: number;
  /** Checks reserved and not yet settled. */
  pending: number;
  /** When the next check may be made. */
  nextAt: number;
  lastUsed: number;
}

/** Whose checks these are: the account's and the remote address's records. */
export interface SignInKeys {
  readonly account: string;
  readonly address: string;
}

export class SignInThrottle {
  private readonly records = new Map<string, SignInRecord>();

  constructor(
    private readonly options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves the next check: how many ms to wait before making it, or undefined when it is refused. */
  reserve(keys: SignInKeys): number | undefined {
    const now = this.now();
    this.forgetIdle(now);
    const records = [this.record(`account:${keys.account}`, now), this.record(`address:${keys.address}`, now)];
    const at = Math.max(now, ...records.map((record) => record.nextAt));
    if (at - now > this.options.maxWaitMs) return undefined;
    for (const record of records) {
      record.pending++;
      record.nextAt = at + this.gapAfter(record.failures + record.pending);
    }
    return at - now;
  }

  /** The outcome of a reserved check; undefined when it was never made (the client left). */
  settle(keys: SignInKeys, succeeded: boolean | undefined): void {
    const account = `account:${keys.account}`;
    for (const key of [account, `address:${keys.address}`]) {
      const record = this.records.get(key);
      if (!record) continue;
      record.pending = Math.max(0, record.pending - 1);
      if (succeeded === false) record.failures++;
    }
    if (succeeded) this.records.delete(account);
  }

  private gapAfter(attempts: number): number {
    const { freeAttempts, firstGapMs, maxGapMs } = this.options;
    return attempts < freeAttempts ? 0 : Math.min(maxGapMs, firstGapMs * 2 ** (attempts - freeAttempts));
  }

  /** The record for `key`, moved to the end of the Map so the oldest-used come first. */
  private record(key: string, now: number): SignInRecord {
    const record = this.records.get(key) ?? { failures: 0, pending: 0, nextAt: now, lastUsed: now };
    this.records.delete(key);
    record.lastUsed = now;
    this.records.set(key, record);
    return record;
  }

  private forgetIdle(now: number): void {
    for (const [key, record] of this.records) {
      if (now - record.lastUsed < this.options.forgetAfterMs) return;
      if (record.pending === 0) this.records.delete(key);
    }
  }
}
