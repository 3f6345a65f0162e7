import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMMEDIATE_TRANSFERS, MAX_RECONNECT_ATTEMPTS, ReconnectPolicy, STABLE_SESSION_MS } from './reconnect';

const noGiveUp = (): void => {
  throw new Error('gave up');
};

describe('ReconnectPolicy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('doubles the delay up to the cap, with 50–100 % jitter', () => {
    const low = new ReconnectPolicy(async () => undefined, () => true, noGiveUp, { baseDelayMs: 10_000, maxDelayMs: 60_000, random: () => 0 });
    const high = new ReconnectPolicy(async () => undefined, () => true, noGiveUp, { baseDelayMs: 10_000, maxDelayMs: 60_000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4].map((n) => low.delayFor(n))).toEqual([5_000, 10_000, 20_000, 30_000, 30_000]);
    expect([0, 1, 2, 3].map((n) => high.delayFor(n))).toEqual([10_000, 20_000, 40_000, 60_000]);
  });

  it('retries after failures until an attempt succeeds', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(undefined);
    const policy = new ReconnectPolicy(attempt, () => true, noGiveUp, { random: () => 0 });
    policy.start('lost');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(attempt).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(policy.active).toBe(false);
  });

  it('stops for good when told to, even with an attempt under way, and when a failure is permanent', async () => {
    let fail: (error: Error) => void = () => undefined;
    const attempt = vi.fn(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const policy = new ReconnectPolicy(attempt, () => true, noGiveUp, { random: () => 0 });
    policy.start('transfer');
    await vi.advanceTimersByTimeAsync(0);
    policy.stop();
    fail(new Error('late'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(attempt).toHaveBeenCalledTimes(1);

    const permanent = vi.fn().mockRejectedValue(new Error('wrong password'));
    const giveUp = new ReconnectPolicy(permanent, () => false, noGiveUp, { random: () => 0 });
    giveUp.start('lost');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(permanent).toHaveBeenCalledTimes(1);
  });

  it('follows the first moves at once, then backs off, when sessions end again as soon as they start', async () => {
    const attempt = vi.fn(async () => undefined);
    const policy = new ReconnectPolicy(attempt, () => true, noGiveUp, { random: () => 0 });
    for (let move = 0; move < IMMEDIATE_TRANSFERS; move++) {
      policy.start('transfer');
      await vi.advanceTimersByTimeAsync(0);
      expect(attempt).toHaveBeenCalledTimes(move + 1);
      policy.online();
    }
    policy.start('transfer');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(IMMEDIATE_TRANSFERS);
    await vi.advanceTimersByTimeAsync(policy.delayFor(IMMEDIATE_TRANSFERS));
    expect(attempt).toHaveBeenCalledTimes(IMMEDIATE_TRANSFERS + 1);
  });

  it('gives up after the last attempt in a row and says how many were made and why the last failed', async () => {
    const down = new Error('connection refused');
    const attempt = vi.fn().mockRejectedValue(down);
    const gaveUp = vi.fn();
    const policy = new ReconnectPolicy(attempt, () => true, gaveUp, { random: () => 0, maxAttempts: 3 });
    policy.start('lost');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(gaveUp).toHaveBeenCalledExactlyOnceWith(3, down);
    expect(policy.active).toBe(false);
  });

  it('counts a session that ended before it was stable, and forgets the attempts once one stays up', async () => {
    const attempt = vi.fn(async () => undefined);
    const gaveUp = vi.fn();
    const policy = new ReconnectPolicy(attempt, () => true, gaveUp, { random: () => 0 });
    for (let end = 0; end < MAX_RECONNECT_ATTEMPTS; end++) {
      policy.start('lost');
      await vi.advanceTimersByTimeAsync(policy.delayFor(end));
      policy.online();
    }
    expect(attempt).toHaveBeenCalledTimes(MAX_RECONNECT_ATTEMPTS);
    policy.start('lost');
    expect(gaveUp).toHaveBeenCalledExactlyOnceWith(MAX_RECONNECT_ATTEMPTS, undefined);

    policy.reset();
    policy.start('lost');
    await vi.advanceTimersByTimeAsync(policy.delayFor(0));
    policy.online();
    await vi.advanceTimersByTimeAsync(STABLE_SESSION_MS);
    policy.start('transfer');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(MAX_RECONNECT_ATTEMPTS + 2);
  });
});
