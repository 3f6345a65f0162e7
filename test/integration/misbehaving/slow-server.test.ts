// A server on a link that carries one byte a second (paced on fake timers, so no real waiting). Each
// byte arrives in a read of its own, and every short reply gets through; the first reply longer
// than the request timeout in bytes cannot, and the user sees that the server did not answer,
// instead of "Signing in…" for ever.

import { afterEach, expect, it, vi } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import { errorText } from '../../support/words';
import { useScriptedHarness } from '../ns/harness';
import { HANDLE, PASSWORD, authentication, dispatch } from '../ns/scripts';

const harness = useScriptedHarness('msn-misbehaving-slow-');
afterEach(() => vi.useRealTimers());

/** One turn of the real event loop: what the socket has read is handled. */
const ioTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

it('at one byte a second, signs in as far as each reply fits the timeout, then says the server did not answer', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  // VER (13 bytes), INF (11) and the referral (28) fit in 30 s; the 34-byte challenge does not.
  const server = await harness.serve([dispatch(), authentication()], { byteDelayMs: 1000 });
  const messenger = harness.messenger();
  const steps: string[] = [];
  messenger.on('state', (state) => steps.at(-1) !== state.session.state && steps.push(state.session.state));
  let outcome: MessengerError | 'online' | undefined;
  void messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).then(
    () => (outcome = 'online'),
    (error: MessengerError) => (outcome = error),
  );
  let seconds = 0;
  for (; outcome === undefined && seconds < 300; seconds++) {
    await vi.advanceTimersByTimeAsync(1000);
    await ioTurn();
    await ioTurn();
  }
  const failure = outcome as MessengerError;
  expect(failure.appError).toEqual({ kind: 'timeout', reason: 'no-answer', field: 'server', detail: { request: 'USR', seconds: 30 } });
  expect(errorText(failure.appError)).toBe('The server did not answer USR within 30 seconds. The server may be down; please try again later.');
  expect(steps).toEqual(['connecting', 'authenticating', 'redirected', 'authenticating', 'offline']);
  expect(server.received[1]).toEqual(['VER 4 MSNP3 MSNP2 CVR0', 'INF 5', `USR 6 MD5 I ${HANDLE}`]);
  // 13 + 11 + 28 seconds on the dispatch server, 13 + 11 on the notification server, then the timeout.
  expect(seconds).toBeGreaterThanOrEqual(13 + 11 + 28 + 13 + 11 + 30);
  expect(messenger.state.session.state).toBe('offline');
});
