// A server that drops the connection at each step of signing in (dispatch: VER, INF, USR; notification:
// VER, INF, USR I, USR S, SYN, the list dump, CHG), and once signed in. What the user sees: the sign-in
// fails at once with a sentence and the form is back (offline, no retry loop); a session that was
// online says it is reconnecting, with the reason.

import { describe, expect, it } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import { type ScriptStep } from '../../support/scripted-server';
import { nextEvent, untilState, useScriptedHarness } from '../ns/harness';
import { HANDLE, PASSWORD, authentication, dispatch, emptySyncAndOnline, profile } from '../ns/scripts';

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
    expect(failure.appError).toEqual({ kind: 'network', message: 'The server closed the connection.', field: 'server' });
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
    await expect(messenger.setStatus('AWY')).rejects.toMatchObject({ appError: { kind: 'network', message: 'The server closed the connection.' } });
    expect(await signedOut).toEqual({ reason: 'error', message: 'The server closed the connection.' });
    const state = await untilState(messenger, (candidate) => candidate.session.state === 'reconnecting');
    expect(state.session).toMatchObject({ status: 'FLN', error: { kind: 'network', message: 'The server closed the connection.' } });
  });
});
