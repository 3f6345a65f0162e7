import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MsnpCommand, parseCommand } from './command';
import { ConnectionClosedError, DEFAULT_REQUEST_TIMEOUT_MS, PendingRequests, type PendingOptions, ProtocolError, RequestTimeoutError } from './transactions';

/** What waitFor hands its callback, as a promise: the reply, or the error that ended the request. */
function replyTo(pending: PendingRequests, trid: number, request: string, options: PendingOptions = {}): Promise<MsnpCommand> {
  return new Promise((resolve, reject) => pending.waitFor(trid, request, options, (error, command) => (error ? reject(error) : resolve(command as MsnpCommand))));
}

function line(text: string): MsnpCommand {
  return parseCommand(text);
}

/** `text` as a command that counts each read of its params in `reads.count`. */
function counted(text: string, reads: { count: number }): MsnpCommand {
  const { name, params } = line(text);
  return {
    name,
    get params() {
      reads.count++;
      return params;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PendingRequests', () => {
  it('resolves each request with the reply carrying its TrID, even out of order', async () => {
    const pending = new PendingRequests();
    const first = replyTo(pending, 15, 'ADD');
    const second = replyTo(pending, 16, 'ADD');
    expect(pending.settle(line('ADD 16 AL 19 newfriend@hotmail.com newfriend@hotmail.com'))).toBe(true);
    expect(pending.settle(line('ADD 15 FL 18 newfriend@hotmail.com newfriend@hotmail.com'))).toBe(true);
    await expect(first).resolves.toEqual(line('ADD 15 FL 18 newfriend@hotmail.com newfriend@hotmail.com'));
    await expect(second).resolves.toEqual(line('ADD 16 AL 19 newfriend@hotmail.com newfriend@hotmail.com'));
    expect(pending.size).toBe(0);
  });

  it('leaves intermediate lines with the same TrID to the caller', async () => {
    const pending = new PendingRequests();
    const sync = replyTo(pending, 8, 'SYN');
    expect(pending.settle(line('GTC 8 14 A'))).toBe(false);
    expect(pending.settle(line('LST 8 BL 14 0 0'))).toBe(false);
    expect(pending.has(8)).toBe(true);
    expect(pending.settle(line('SYN 8 14'))).toBe(true);
    await expect(sync).resolves.toEqual(line('SYN 8 14'));
  });

  it('ends a request on any of the given reply names only', async () => {
    const pending = new PendingRequests();
    const answer = replyTo(pending, 1, 'ANS', { replies: ['ANS'] });
    const message = replyTo(pending, 5, 'MSG', { replies: ['ACK', 'NAK'] });
    expect(pending.settle(line('IRO 1 1 1 anotheruser@hotmail.com Another%20User'))).toBe(false);
    expect(pending.settle(line('NAK 5'))).toBe(true);
    expect(pending.settle(line('ANS 1 OK'))).toBe(true);
    await expect(message).resolves.toEqual(line('NAK 5'));
    await expect(answer).resolves.toEqual(line('ANS 1 OK'));
  });

  it('ignores lines without a TrID and replies nobody waits for', () => {
    const pending = new PendingRequests();
    void replyTo(pending, 3, 'USR');
    expect(pending.settle(line('NLN NLN anotheruser@hotmail.com Another%20User'))).toBe(false);
    expect(pending.settle(line('ADD 0 RL 20 stranger@hotmail.com Some%20Stranger'))).toBe(false);
    expect(pending.settle(line('USR 4 OK example@hotmail.com Example%20User'))).toBe(false);
    expect(pending.settle(line('QNG'))).toBe(false);
    expect(pending.size).toBe(1);
  });

  it('reads no params of a line whose name no waiting request ends (a dump, presence)', async () => {
    const pending = new PendingRequests();
    const reads = { count: 0 };
    const sync = replyTo(pending, 8, 'SYN');
    const other = replyTo(pending, 9, 'ADD', { replies: ['ADD', 'SYN'] });
    expect(pending.settle(counted('LST 8 FL 14 1 2 bob@x.com Bob', reads))).toBe(false);
    expect(pending.settle(counted('ILN 8 NLN bob@x.com Bob', reads))).toBe(false);
    expect(reads.count).toBe(0);
    // A reply name something waits for, and any error line, are looked at.
    expect(pending.settle(counted('SYN 8 14', reads))).toBe(true);
    await expect(sync).resolves.toEqual(line('SYN 8 14'));
    expect(reads.count).toBeGreaterThan(0);
    // Another request still ends with SYN; once it has ended, nothing does.
    expect(pending.settle(counted('SYN 9 15', reads))).toBe(true);
    await expect(other).resolves.toEqual(line('SYN 9 15'));
    reads.count = 0;
    expect(pending.settle(counted('SYN 9 15', reads))).toBe(false);
    expect(pending.settle(counted('ADD 9 FL 16 bob@x.com Bob', reads))).toBe(false);
    expect(reads.count).toBe(0);
    const failing = replyTo(pending, 10, 'REA').catch((caught: unknown) => caught);
    expect(pending.settle(counted('209 10', reads))).toBe(true);
    expect(await failing).toBeInstanceOf(ProtocolError);
  });

  it('with many requests waiting (a burst of messages), still ends each with its own reply and passes other lines on', async () => {
    const pending = new PendingRequests();
    const acks = Array.from({ length: 20 }, (_, index) => replyTo(pending, index + 1, 'MSG', { replies: ['ACK', 'NAK'] }));
    const reads = { count: 0 };
    expect(pending.settle(counted('LST 3 FL 14 1 2 bob@x.com Bob', reads))).toBe(false);
    expect(pending.settle(counted('NLN NLN bob@x.com Bob', reads))).toBe(false);
    // However many wait, a line none of them ends is passed on without its params read for a TrID.
    expect(reads.count).toBe(0);
    for (const trid of [20, 3, 11, 1, ...Array.from({ length: 20 }, (_, index) => index + 1).filter((trid) => ![20, 3, 11, 1].includes(trid))]) {
      expect(pending.settle(line(`${trid % 2 === 0 ? 'ACK' : 'NAK'} ${trid}`))).toBe(true);
    }
    expect((await Promise.all(acks)).map((reply) => reply.name)).toEqual(Array.from({ length: 20 }, (_, index) => (index % 2 === 1 ? 'ACK' : 'NAK')));
    expect(pending.size).toBe(0);
  });

  it('no longer reads lines for the reply names of requests that timed out, failed or were closed', async () => {
    const pending = new PendingRequests();
    const outcomes = [
      replyTo(pending, 1, 'CHG', { timeoutMs: 1000 }),
      replyTo(pending, 2, 'REA'),
      replyTo(pending, 3, 'ADD'),
    ].map((reply) => reply.catch((caught: unknown) => caught));
    vi.advanceTimersByTime(1000);
    pending.fail(2, new Error('write failed'));
    pending.rejectAll(() => new ConnectionClosedError());
    await Promise.all(outcomes);
    const reads = { count: 0 };
    for (const late of ['CHG 1 NLN', 'REA 2 bob@x.com Bob', 'ADD 3 FL 5 bob@x.com Bob']) expect(pending.settle(counted(late, reads))).toBe(false);
    expect(reads.count).toBe(0);
  });

  it('rejects on an error line with the same TrID, with the code and the user sentence', async () => {
    const pending = new PendingRequests();
    const login = replyTo(pending, 3, 'USR');
    expect(pending.settle(line('911 3'))).toBe(true);
    const error = await login.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({
      code: 911,
      trid: 3,
      request: 'USR',
      message: 'The sign-in name or password is incorrect.',
      name: 'ProtocolError',
    });
    expect(pending.size).toBe(0);
  });

  it('does not let an error line for another TrID touch a request', () => {
    const pending = new PendingRequests();
    void replyTo(pending, 3, 'USR');
    expect(pending.settle(line('911 4'))).toBe(false);
    expect(pending.settle(line('200'))).toBe(false);
    expect(pending.has(3)).toBe(true);
  });

  it('rejects with RequestTimeoutError when no reply comes, and forgets the request', async () => {
    const pending = new PendingRequests();
    const sync = replyTo(pending, 8, 'SYN', { timeoutMs: 5000 });
    const outcome = sync.catch((caught: unknown) => caught);
    vi.advanceTimersByTime(4999);
    expect(pending.has(8)).toBe(true);
    vi.advanceTimersByTime(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ request: 'SYN', timeoutMs: 5000 });
    expect(pending.has(8)).toBe(false);
    expect(pending.settle(line('SYN 8 14'))).toBe(false);
  });

  it(`times out after ${DEFAULT_REQUEST_TIMEOUT_MS} ms by default`, async () => {
    const pending = new PendingRequests();
    const outcome = replyTo(pending, 2, 'INF').catch((caught: unknown) => caught);
    vi.advanceTimersByTime(DEFAULT_REQUEST_TIMEOUT_MS - 1);
    expect(pending.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await outcome).toBeInstanceOf(RequestTimeoutError);
  });

  it('fails nothing once its request is settled, when the timer it left set fires', async () => {
    const pending = new PendingRequests();
    const reply = replyTo(pending, 2, 'INF', { timeoutMs: 1000 });
    pending.settle(line('INF 2 MD5'));
    await expect(reply).resolves.toEqual(line('INF 2 MD5'));
    vi.advanceTimersByTime(1000);
    expect(pending.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the process alive only while a request waits', () => {
    vi.useRealTimers();
    const timers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const pending = new PendingRequests();
    pending.waitFor(1, 'VER', {}, () => undefined);
    expect(timers()).toBe(before + 1);
    pending.settle(line('VER 1 MSNP3'));
    expect(timers()).toBe(before);
    // The next request finds the timer set and holds the process again.
    pending.waitFor(2, 'INF', {}, () => undefined);
    expect(timers()).toBe(before + 1);
    pending.rejectAll(() => new ConnectionClosedError());
    expect(timers()).toBe(before);
  });

  it('keeps every request waiting with one timer, however many there are', () => {
    const pending = new PendingRequests();
    for (let trid = 1; trid <= 2000; trid++) pending.waitFor(trid, 'MSG', { replies: ['ACK', 'NAK'] }, () => undefined);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('times each request out at its own deadline, whatever the timer was set for before it', async () => {
    const pending = new PendingRequests();
    // The first is answered at once: the timer it set, for 5000, is still there when the second comes.
    const first = replyTo(pending, 1, 'VER', { timeoutMs: 5000 });
    pending.settle(line('VER 1 MSNP3'));
    await first;
    /** Request `trid` still waits `ms` - 1 from now, and has timed out at `ms`. */
    const timesOutIn = async (trid: number, outcome: Promise<unknown>, ms: number): Promise<void> => {
      vi.advanceTimersByTime(ms - 1);
      expect(pending.has(trid)).toBe(true);
      vi.advanceTimersByTime(1);
      expect(await outcome).toBeInstanceOf(RequestTimeoutError);
    };
    vi.advanceTimersByTime(1000);
    await timesOutIn(2, replyTo(pending, 2, 'INF', { timeoutMs: 5000 }).catch((caught: unknown) => caught), 5000);
    // A shorter timeout after a longer one: its own deadline comes first.
    const long = replyTo(pending, 3, 'SYN', { timeoutMs: 30_000 }).catch((caught: unknown) => caught);
    vi.advanceTimersByTime(100);
    await timesOutIn(4, replyTo(pending, 4, 'CHG', { timeoutMs: 2000 }).catch((caught: unknown) => caught), 2000);
    await timesOutIn(3, long, 30_000 - 2100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails the requests whose deadline has come together, in the order they were made, and keeps the later ones', async () => {
    const pending = new PendingRequests();
    const failed: number[] = [];
    for (const trid of [1, 2, 3]) pending.waitFor(trid, 'MSG', { timeoutMs: 1000 }, (error) => error && failed.push(trid));
    vi.advanceTimersByTime(500);
    pending.waitFor(4, 'MSG', { timeoutMs: 1000 }, (error) => error && failed.push(4));
    vi.advanceTimersByTime(500);
    expect(failed).toEqual([1, 2, 3]);
    expect(pending.has(4)).toBe(true);
    vi.advanceTimersByTime(500);
    expect(failed).toEqual([1, 2, 3, 4]);
  });

  it('rejects every pending request on close', async () => {
    const pending = new PendingRequests();
    const outcomes = [replyTo(pending, 1, 'VER'), replyTo(pending, 2, 'INF')].map((reply) => reply.catch((caught: unknown) => caught));
    const closed = new ConnectionClosedError();
    pending.rejectAll(() => closed);
    expect(await Promise.all(outcomes)).toEqual([closed, closed]);
    expect(pending.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('makes no error to close with when nothing waits', () => {
    const pending = new PendingRequests();
    let made = 0;
    pending.rejectAll(() => {
      made++;
      return new ConnectionClosedError();
    });
    expect(made).toBe(0);
  });

  it('rejects one request when sending it failed', async () => {
    const pending = new PendingRequests();
    const reply = replyTo(pending, 7, 'REA');
    const failure = new Error('write failed');
    pending.fail(7, failure);
    await expect(reply).rejects.toBe(failure);
    expect(pending.size).toBe(0);
  });

  it('refuses a TrID that is already waiting, keeping the first request', async () => {
    const pending = new PendingRequests();
    const first = replyTo(pending, 9, 'CHG');
    await expect(replyTo(pending, 9, 'CHG')).rejects.toThrow('Transaction id 9 is already in use');
    expect(pending.settle(line('CHG 9 NLN'))).toBe(true);
    await expect(first).resolves.toEqual(line('CHG 9 NLN'));
  });
});
