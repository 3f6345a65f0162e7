// A server that drops the connection at each step of signing in (dispatch: VER, INF, USR; notification:
// VER, INF, USR I, USR S, SYN, the list dump, CHG), and once signed in. What the user sees: the sign-in
// fails at once with a sentence and the form is back (offline, no retry loop); a session that was
// online says it is reconnecting, with the reason.

import { describe, expect, it, vi } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import { type ScriptStep } from '../../support/scripted-server';
import { nextEvent, untilState, useScriptedHarness } from '../ns/harness';
import { HANDLE, PASSWORD, authentication, dispatch, emptySyncAndOnline, profile } from '../ns/scripts';
import type { AppError } from '../../../shared/errors';
import { errorText } from '../../support/words';

const harness = useScriptedHarness('msn-misbehaving-sign-in-');

/** The script up to (not including) the server's line at `step`, then a drop. */
function cutBefore(script: readonly ScriptStep[], serverLine: number): ScriptStep[] {
  let seen = 0;
  const index = script.findIndex((step) => typeof step === 'string' && step.startsWith('S: ') && seen++ === serverLine);
  return [...script.slice(0, index), 'CLOSE'];
}

const DISPATCH = dispatch();
const NOTIFICATION = [...authentication(), profile(), ...emptySyncAndOnline()];

/** [where, scripts]: the dispatch server's steps, then the notification server's after a good referral. */
const DROPS: Array<[string, ScriptStep[][]]> = [
  ['the dispatch server, before answering VER', [cutBefore(DISPATCH, 0)]],
  ['the dispatch server, before answering INF', [cutBefore(DISPATCH, 1)]],
  ['the dispatch server, before the referral', [cutBefore(DISPATCH, 2)]],
  ['the notification server, before answering VER', [DISPATCH, cutBefore(NOTIFICATION, 0)]],
  ['the notification server, before answering INF', [DISPATCH, cutBefore(NOTIFICATION, 1)]],
  ['the notification server, before the challenge', [DISPATCH, cutBefore(NOTIFICATION, 2)]],
  ['the notification server, before USR OK', [DISPATCH, cutBefore(NOTIFICATION, 3)]],
  ['the notification server, before answering SYN', [DISPATCH, cutBefore(NOTIFICATION, 4)]],
  ['the notification server, in the middle of the list dump', [DISPATCH, cutBefore(NOTIFICATION, 7)]],
  ['the notification server, before answering the first CHG', [DISPATCH, cutBefore(NOTIFICATION, 12)]],
];

describe('a server that drops the connection while I sign in', () => {
  it.each(DROPS)('%s: the sign-in fails at once with a sentence, and nothing retries', async (_where, scripts) => {
    const server = await harness.serve(scripts);
    const messenger = harness.messenger();
    const failure = (await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error) => error)) as MessengerError;
    expect(failure.appError).toEqual({ kind: 'network', reason: 'connection-closed', field: 'server' });
    expect(errorText(failure.appError)).toBe('The server closed the connection.');
    expect(messenger.state.session).toMatchObject({ state: 'offline', status: 'FLN', error: failure.appError });
    expect(server.connections).toBe(scripts.length);
    expect(server.failures).toEqual([]);
  });
});

describe('a server that drops a session that is online', () => {
  it('says it is reconnecting, and why; the request under way fails with a sentence', async () => {
    const server = await harness.serve([DISPATCH, [...NOTIFICATION, 'C: CHG 10 AWY', 'CLOSE']]);
    const messenger = harness.messenger();
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    const signedOut = nextEvent(messenger, 'signedOut');
    await expect(messenger.setStatus('AWY')).rejects.toMatchObject({ appError: { kind: 'network', reason: 'connection-closed' } });
    expect(await signedOut).toMatchObject({ reason: 'error', error: { reason: 'connection-closed' } });
    const state = await untilState(messenger, (candidate) => candidate.session.state === 'reconnecting');
    expect(state.session).toMatchObject({ status: 'FLN', error: { kind: 'network', reason: 'connection-closed' } });
    expect(errorText(state.session.error as AppError)).toBe('The server closed the connection.');
  });
});

describe('a server whose answer to the first CHG comes in one read with the end of the connection', () => {
  it.each<[string, string, AppError, string]>([
    ['OUT OTH', 'OUT OTH', { kind: 'protocol', reason: 'signed-in-elsewhere' }, 'You have been signed out because you signed in at another location.'],
    ['OUT SSD', 'OUT SSD', { kind: 'protocol', reason: 'server-shutdown' }, 'The server is going down for maintenance.'],
    [
      'a line over 8 KiB',
      `NLN NLN a@b.com ${'x'.repeat(9000)}`,
      { kind: 'network', reason: 'line-too-long', field: 'server' },
      'The server sent more than MSN Messenger can read at once; the connection was closed.',
    ],
  ])('followed by %s: the sign-in fails with how it ended, never online on a dead connection', async (_ending, line, expected, words) => {
    const online = emptySyncAndOnline(5);
    const server = await harness.serve([[...authentication('MSNP3', 1), ...online.slice(0, -1), { raw: Buffer.from(`CHG 6 NLN\r\n${line}\r\n`) }, 'HANG']]);
    const messenger = harness.messenger();
    const failure = (await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error) => error)) as MessengerError;
    expect(failure.appError).toEqual(expected);
    expect(messenger.state.session).toMatchObject({ state: 'offline', status: 'FLN', error: expected });
    expect(errorText(expected)).toBe(words);
  });
});

describe('a server that moves a live session to itself again and again (XFR 0 NS)', () => {
  it('follows a bounded number of moves, then stays offline and says why', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const moved = ['C: CHG 7 AWY', 'S: XFR 0 NS 127.0.0.1:{port} 0', 'CLOSE'];
      const first = [...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...moved];
      // Later sign-ins have the lists cached (version 1) and come back Away.
      const again = [...authentication('MSNP3', 1), 'C: SYN 5 1', 'S: SYN 5 1', 'C: CHG 6 AWY', 'S: CHG 6 AWY', ...moved];
      const server = await harness.serve([first, ...Array.from({ length: 30 }, () => again)]);
      const messenger = harness.messenger({ random: () => 0 });
      // Each session is moved as soon as the client asks for anything.
      messenger.on('signedIn', () => void messenger.setStatus('AWY').catch(() => undefined));
      await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
      // Up to two hours: fake time for the back-off, real turns of the event loop for the sockets.
      const settled = (): boolean => messenger.state.session.state === 'offline' && server.connections >= 11;
      for (let turn = 0; turn < 2 * 60 * 120 && !settled(); turn++) {
        await vi.advanceTimersByTimeAsync(500);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(server.connections).toBe(11);
      expect(messenger.state.session).toMatchObject({
        state: 'offline',
        error: { kind: 'network', reason: 'reconnect-gave-up', detail: { attempts: 10 } },
      });
      expect(errorText(messenger.state.session.error as AppError)).toBe(
        'MSN Messenger stopped trying to reconnect after 10 attempts. Sign in again when the server is back.',
      );
      expect(server.failures).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);
});
