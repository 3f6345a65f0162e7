import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeepAlive } from './keep-alive';

/** The end of the code that heard traffic (the rest of a read). */
const endOfRead = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

describe('KeepAlive (§5.16)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('pings after a quiet minute and gives the connection up when nothing answers', async () => {
    const ping = vi.fn();
    const dead = vi.fn();
    const keepAlive = new KeepAlive(ping, dead, 60_000, 30_000);
    keepAlive.traffic();
    await endOfRead();
    vi.advanceTimersByTime(59_999);
    expect(ping).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(30_000);
    expect(dead).toHaveBeenCalledOnce();
  });

  it('counts the quiet minute from the end of the last read, however many lines it held', async () => {
    const ping = vi.fn();
    const keepAlive = new KeepAlive(ping, vi.fn(), 60_000, 30_000);
    keepAlive.traffic();
    await endOfRead();
    vi.advanceTimersByTime(50_000);
    for (let line = 0; line < 300; line++) keepAlive.traffic();
    await endOfRead();
    vi.advanceTimersByTime(59_999);
    expect(ping).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledOnce();
  });

  it('stays stopped when stopped in the read that brought traffic', async () => {
    const ping = vi.fn();
    const keepAlive = new KeepAlive(ping, vi.fn(), 60_000, 30_000);
    keepAlive.traffic();
    keepAlive.stop();
    await endOfRead();
    vi.advanceTimersByTime(120_000);
    expect(ping).not.toHaveBeenCalled();
  });
});
