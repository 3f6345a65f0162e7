import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECONNECT_ATTEMPTS } from '../../../main/client/reconnect';
import type { MessengerError } from '../../../main/client/errors';
import { errorText } from '../../support/words';
import type { Messenger, MessengerEvents } from '../../../main/client/messenger';
import { ScriptedServer, type ScriptStep } from '../../support/scripted-server';
import { type Harness, PASSWORD as HARNESS_PASSWORD, nextEvent, startHarness, untilState, useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, dispatch, emptySyncAndOnline } from './scripts';

describe('against the project server', () => {
  let harness: Harness;
  afterEach(() => harness.cleanup());
  const me = { handle: 'me@example.org', password: HARNESS_PASSWORD };

  it('stays signed out after OUT OTH (signed in elsewhere): no reconnect', async () => {
    harness = await startHarness({ accounts: [me] });
    const first = harness.messenger();
    await first.signIn({ server: harness.address, handle: me.handle, password: me.password });
    const signedOut = nextEvent(first, 'signedOut');
    const second = harness.messenger();
    await second.signIn({ server: harness.address, handle: me.handle, password: me.password });
    expect(await signedOut).toEqual({ reason: 'elsewhere', error: { kind: 'protocol', reason: 'signed-in-elsewhere' } });
    expect(first.state.session).toMatchObject({ state: 'offline', status: 'FLN', error: { reason: 'signed-in-elsewhere' } });
    expect(harness.server.onlineHandles()).toContain(me.handle);
  });

  it('reports OUT SSD as a server shutdown and starts reconnecting', async () => {
    harness = await startHarness({ accounts: [me] });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: me.handle, password: me.password });
    const signedOut = nextEvent(messenger, 'signedOut');
    await harness.server.shutdown();
    expect(await signedOut).toEqual({ reason: 'server-shutdown', error: { kind: 'protocol', reason: 'server-shutdown' } });
    expect(messenger.state.session.state).toBe('reconnecting');
  });

  it('never reconnects after the user signs out', async () => {
    harness = await startHarness({ accounts: [me] });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: me.handle, password: me.password });
    const signedOut = nextEvent(messenger, 'signedOut');
    await messenger.signOut();
    expect(await signedOut).toEqual({ reason: 'user' });
    expect(messenger.state.session.state).toBe('offline');
    expect(harness.server.onlineHandles()).not.toContain(me.handle);
  });

  it('goes idle after the chosen minutes without activity and comes back on activity', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      harness = await startHarness({ accounts: [me] });
      const messenger = harness.messenger();
      await messenger.signIn({ server: harness.address, handle: me.handle, password: me.password });
      // Minute by minute, so each keep-alive PNG gets its QNG over the real socket.
      const pongs = (): number => harness.wire.filter((line) => line === 'S: QNG').length;
      const advanceMinutes = async (minutes: number): Promise<void> => {
        for (let minute = 0; minute < minutes; minute++) {
          const before = pongs();
          await vi.advanceTimersByTimeAsync(60_000);
          await vi.waitFor(() => expect(pongs()).toBe(before + 1));
        }
      };
      messenger.setAutoIdleMinutes(5);
      await advanceMinutes(4);
      messenger.reportActivity();
      await advanceMinutes(4);
      expect(messenger.state.session.status).toBe('NLN');
      await advanceMinutes(1);
      await untilState(messenger, (state) => state.session.status === 'IDL');
      expect(messenger.state.session.autoIdle).toBe(true);
      messenger.reportActivity();
      await untilState(messenger, (state) => state.session.status === 'NLN' && !state.session.autoIdle);

      await messenger.setStatus('BSY');
      await advanceMinutes(6);
      expect(messenger.state.session.status).toBe('BSY');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('against a scripted server', () => {
  const scripted = useScriptedHarness('msn-end-');
  /** The current test's server and messenger (the harness closes and signs them out). */
  let server: ScriptedServer | undefined;
  let messenger: Messenger | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Signs in (first sync version 1), sets BSY, then plays `then` on the NS. */
  async function onlineAsBusy(then: ScriptStep[], more: ScriptStep[][]): Promise<Messenger> {
    server = await scripted.serve([dispatch(), [...authentication(), ...emptySyncAndOnline(), 'C: CHG 10 BSY', 'S: CHG 10 BSY', ...then], ...more]);
    messenger = scripted.messenger({ random: () => 0 });
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    await messenger.setStatus('BSY');
    return messenger;
  }

  /** A reconnect: cached lists (one SYN line) and the restored status. */
  const restored: ScriptStep[] = [...authentication(), 'C: SYN 8 1', 'S: SYN 8 1', 'C: CHG 9 BSY', 'S: CHG 9 BSY', ...SIGN_OUT];
  /** The same, straight on the notification server that XFR 0 NS named (no dispatch step), then `end`. */
  const afterMove = (end: readonly ScriptStep[]): ScriptStep[] => [
    ...authentication('MSNP3', 1),
    'C: SYN 5 1',
    'S: SYN 5 1',
    'C: CHG 6 BSY',
    'S: CHG 6 BSY',
    ...end,
  ];

  it('reconnects after a lost connection with backoff and restores the status and lists', async () => {
    const signedOut: MessengerEvents['signedOut'][] = [];
    const client = await onlineAsBusy(['CLOSE'], [dispatch(), restored]);
    client.on('signedOut', (event) => signedOut.push(event));
    await untilState(client, (state) => state.session.state === 'reconnecting');
    expect(signedOut).toEqual([{ reason: 'error', error: { kind: 'network', reason: 'connection-closed', field: 'server' } }]);
    expect(client.state.session.status).toBe('FLN');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(server?.connections).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await untilState(client, (state) => state.session.state === 'online');
    expect(client.state.session.status).toBe('BSY');
    expect(client.state.session.error).toBeUndefined();
    expect(server?.failures).toEqual([]);
  });

  it('keeps trying with growing delays while the server is away', async () => {
    const client = await onlineAsBusy(['CLOSE'], [['CLOSE'], ['CLOSE'], dispatch(), restored]);
    await untilState(client, (state) => state.session.state === 'reconnecting');
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(server?.connections).toBe(3));
    await untilState(client, (state) => state.session.state === 'reconnecting');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(server?.connections).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(server?.connections).toBe(4));
    await untilState(client, (state) => state.session.state === 'reconnecting');
    await vi.advanceTimersByTimeAsync(20_000);
    await untilState(client, (state) => state.session.state === 'online');
    expect(server?.failures).toEqual([]);
  });

  it('reconnects after OUT SSD', async () => {
    const client = await onlineAsBusy(['S: OUT SSD', 'CLOSE'], [dispatch(), restored]);
    await untilState(client, (state) => state.session.state === 'reconnecting');
    await vi.advanceTimersByTimeAsync(5_000);
    await untilState(client, (state) => state.session.state === 'online');
  });

  it('does not reconnect after OUT OTH', async () => {
    const client = await onlineAsBusy(['S: OUT OTH', 'CLOSE'], []);
    await untilState(client, (state) => state.session.state === 'offline');
    expect(client.state.session.error?.reason).toBe('signed-in-elsewhere');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(server?.connections).toBe(2);
    expect(client.state.session.state).toBe('offline');
  });

  it.each([
    ['moves to the server named by XFR 0 NS at once', 'S: XFR 0 NS 127.0.0.1:{port} 0'],
    ['signs in again from VER on the same notification server after XFR 0 NS 0', 'S: XFR 0 NS 0'],
  ])('%s', async (_behaviour, referral) => {
    const client = await onlineAsBusy([referral], [afterMove(SIGN_OUT)]);
    await untilState(client, (state) => state.session.state === 'reconnecting');
    await vi.advanceTimersByTimeAsync(0);
    await untilState(client, (state) => state.session.state === 'online');
    expect(server?.connections).toBe(3);
    expect(server?.failures).toEqual([]);
  });

  it('restarts a sign-in at VER on the same server when USR I is answered with XFR NS 0', async () => {
    server = await scripted.serve([
      ['C: VER 1 MSNP3 MSNP2 CVR0', 'S: VER 1 MSNP3', 'C: INF 2', 'S: INF 2 MD5', `C: USR 3 MD5 I ${HANDLE}`, 'S: XFR 3 NS 0 0', 'CLOSE'],
      [...authentication(), ...emptySyncAndOnline(), ...SIGN_OUT],
    ]);
    messenger = scripted.messenger();
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    expect(server.connections).toBe(2);
    expect(server.failures).toEqual([]);
  });

  it('uses an XFR 0 NS referral for the move only: a later reconnect starts at the dispatch server again', async () => {
    const moved = await ScriptedServer.start([afterMove(['CLOSE'])]);
    try {
      const client = await onlineAsBusy([`S: XFR 0 NS ${moved.address} 0`], [dispatch(), restored]);
      await vi.advanceTimersByTimeAsync(0);
      await vi.waitFor(() => expect(moved.connections).toBe(1));
      await untilState(client, (state) => state.session.state === 'reconnecting');
      expect(client.state.session.server).toBe(server?.address);
      // The moved session ended before it was stable, so this is the second attempt in a row: 10 s.
      await vi.advanceTimersByTimeAsync(10_000);
      await untilState(client, (state) => state.session.state === 'online');
      expect(server?.connections).toBe(4);
      expect(moved.connections).toBe(1);
      expect([...(server?.failures ?? []), ...moved.failures]).toEqual([]);
    } finally {
      await messenger?.signOut();
      await moved.close();
    }
  });

  describe('a session that ends in the same read as the answer to its first CHG', () => {
    /** The answer to the first CHG and `after`, written in one go so the client reads them together. */
    const answeredAndEnded = (after: string): ScriptStep[] => [
      ...authentication(),
      ...emptySyncAndOnline().slice(0, -1),
      { raw: Buffer.from(`CHG 9 NLN\r\n${after}`) },
      'CLOSE',
    ];

    it.each([
      ['OUT OTH', 'OUT OTH\r\n', 'signed-in-elsewhere'],
      ['OUT SSD', 'OUT SSD\r\n', 'server-shutdown'],
      ['a line too long to frame', `${'X'.repeat(9000)}\r\n`, 'line-too-long'],
    ])('fails the sign-in with %s instead of reporting itself online', async (_what, after, reason) => {
      server = await scripted.serve([dispatch(), answeredAndEnded(after)]);
      messenger = scripted.messenger();
      const outcome = await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
      expect(outcome?.appError.reason).toBe(reason);
      expect(messenger.state.session.state).toBe('offline');
      await expect(messenger.setStatus('BSY')).rejects.toMatchObject({ appError: { reason: 'not-signed-in' } });
    });

    it('keeps reconnecting when a reconnected session ends that way', async () => {
      const endedAtOnce: ScriptStep[] = [...authentication(), 'C: SYN 8 1', 'S: SYN 8 1', 'C: CHG 9 BSY', { raw: Buffer.from('CHG 9 BSY\r\nOUT SSD\r\n') }, 'CLOSE'];
      const client = await onlineAsBusy(['CLOSE'], [dispatch(), endedAtOnce, dispatch(), restored]);
      await untilState(client, (state) => state.session.state === 'reconnecting');
      await vi.advanceTimersByTimeAsync(5_000);
      await untilState(client, (state) => state.session.state === 'reconnecting' && state.session.error?.reason === 'server-shutdown');
      await vi.advanceTimersByTimeAsync(10_000);
      await untilState(client, (state) => state.session.state === 'online');
      expect(server?.connections).toBe(6);
      expect(server?.failures).toEqual([]);
    });
  });

  it('follows a server that moves every session only a few times at once, then backs off and gives up, saying why', async () => {
    const movedAgain = afterMove(['S: XFR 0 NS 0']);
    const client = await onlineAsBusy(['S: XFR 0 NS 0'], Array.from({ length: MAX_RECONNECT_ATTEMPTS + 5 }, () => movedAgain));
    // Ten seconds: the first moves at once, then a wait of at least five seconds.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server?.connections).toBeLessThanOrEqual(2 + 4);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await untilState(client, (state) => state.session.state === 'offline');
    expect(client.state.session.error).toMatchObject({ reason: 'reconnect-gave-up', detail: { attempts: MAX_RECONNECT_ATTEMPTS } });
    expect(errorText(client.state.session.error!)).toMatch(`stopped trying to reconnect after ${MAX_RECONNECT_ATTEMPTS} attempts`);
    expect(server?.connections).toBe(2 + MAX_RECONNECT_ATTEMPTS);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(server?.connections).toBe(2 + MAX_RECONNECT_ATTEMPTS);
  });

  it('pings after a quiet minute and treats a missing QNG as a lost connection', async () => {
    const client = await onlineAsBusy(['C: PNG', 'S: QNG', 'C: PNG', 'HANG'], [dispatch(), restored]);
    await vi.advanceTimersByTimeAsync(60_000);
    await server?.waitForLine('PNG');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(client.state.session.state).toBe('online');
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(server?.received[1]?.filter((line) => line === 'PNG')).toHaveLength(2));
    const signedOut = nextEvent(client, 'signedOut');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await signedOut).toEqual({ reason: 'error', error: { kind: 'network', reason: 'keep-alive-lost' } });
    await vi.advanceTimersByTimeAsync(5_000);
    await untilState(client, (state) => state.session.state === 'online');
  });
});
