import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectPolicy } from './reconnect';

describe('ReconnectPolicy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('doubles the delay up to the cap, with 50–100 % jitter', () => {
    const low = new ReconnectPolicy(async () => undefined, () => true, { baseDelayMs: 10_000, maxDelayMs: 60_000, random: () => 0 });
    const high = new ReconnectPolicy(async () => undefined, () => true, { baseDelayMs: 10_000, maxDelayMs: 60_000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4].map((n) => low.delayFor(n))).toEqual([5_000, 10_000, 20_000, 30_000, 30_000]);
    expect([0, 1, 2, 3].map((n) => high.delayFor(n))).toEqual([10_000, 20_000, 40_000, 60_000]);
  });

  it('retries after failures until an attempt succeeds', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(undefined);
    const policy = new ReconnectPolicy(attempt, () => true, { random: () => 0 });
    policy.start();
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
    const policy = new ReconnectPolicy(attempt, () => true, { random: () => 0 });
    policy.start(true);
    await vi.advanceTimersByTimeAsync(0);
    policy.stop();
    fail(new Error('late'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(attempt).toHaveBeenCalledTimes(1);

    const permanent = vi.fn().mockRejectedValue(new Error('wrong password'));
    const giveUp = new ReconnectPolicy(permanent, () => false, { random: () => 0 });
    giveUp.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(permanent).toHaveBeenCalledTimes(1);
  });
});
