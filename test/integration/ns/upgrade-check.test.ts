import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import type { Messenger } from '../../../main/client/messenger';
import type { AppError } from '../../../shared/errors';
import type { ScriptStep } from '../../support/scripted-server';
import { type Harness, startHarness, useScriptedHarness } from './harness';
import { HANDLE, PASSWORD } from './scripts';

const UPGRADE_CHECK: ScriptStep[] = ['C: VER 1 MSNP3 MSNP2 CVR0', 'S: VER 1 CVR0', 'C: CVQ 2 0x0409 win 4.10 i386 MSMSGS 2.0.0085'];

const failedSignIn = (messenger: Messenger, server: string): Promise<MessengerError> =>
  messenger.signIn({ server, handle: HANDLE, password: PASSWORD }).then(
    () => expect.unreachable('the sign-in succeeded'),
    (error: MessengerError) => error,
  );

describe('a server that speaks neither MSNP3 nor MSNP2 (VER … CVR0)', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.cleanup());

  it("asks the project's server for an upgrade with CVQ and says which version it wants", async () => {
    harness = await startHarness({ dialects: [] });
    const messenger = harness.messenger();
    const error = await failedSignIn(messenger, harness.address);
    expect(error.appError).toEqual({
      kind: 'unsupported',
      reason: 'upgrade-requested',
      field: 'server',
      detail: { version: '3.0.0286', download: expect.stringMatching(/^http:\/\/\S+setupdl\.exe$/) },
    });
    expect(harness.wire.filter((line) => line.startsWith('C: '))).toEqual([
      'C: VER 1 MSNP3 MSNP2 CVR0',
      'C: CVQ 2 0x0409 win 4.10 i386 MSMSGS 2.0.0085',
    ]);
    expect(messenger.state.session).toMatchObject({ state: 'offline', error: error.appError });
  });
});

describe('the upgrade check against a scripted server', () => {
  const scripted = useScriptedHarness('msn-upgrade-check-');
  afterEach(() => vi.useRealTimers());

  const PLAIN: AppError = { kind: 'unsupported', reason: 'unsupported-server', field: 'server' };
  const wants = (detail: AppError['detail']): AppError => ({ kind: 'unsupported', reason: 'upgrade-requested', field: 'server', detail });

  it.each<[string, ScriptStep[], AppError]>([
    [
      'leaves out a download that is not an absolute http(s) URL',
      [...UPGRADE_CHECK, 'S: CVQ 2 5.0.0537 5.0.0537 3.0.0286 setupdl.exe /info', 'CLOSE'],
      wants({ version: '3.0.0286' }),
    ],
    [
      'names the download of the reference example',
      [...UPGRADE_CHECK, 'S: CVQ 2 5.0.0537 5.0.0537 1.0.0863 https://example.com/setupdl.exe http://messenger.msn.com', 'CLOSE'],
      wants({ version: '5.0.0537', download: 'https://example.com/setupdl.exe' }),
    ],
    ['falls back to the plain refusal when the server closes before replying', [...UPGRADE_CHECK, 'CLOSE'], PLAIN],
    ['falls back to the plain refusal when the server answers with an error', [...UPGRADE_CHECK, 'S: 500 2', 'CLOSE'], PLAIN],
  ])('%s', async (_behaviour, script, expected) => {
    const server = await scripted.serve([script]);
    const error = await failedSignIn(scripted.messenger(), server.address);
    expect(error.appError).toEqual(expected);
    expect(server.failures).toEqual([]);
    expect(server.received).toEqual([['VER 1 MSNP3 MSNP2 CVR0', 'CVQ 2 0x0409 win 4.10 i386 MSMSGS 2.0.0085']]);
  });

  it('falls back to the plain refusal when the server never replies', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const server = await scripted.serve([[...UPGRADE_CHECK, 'HANG']]);
    const messenger = scripted.messenger({ requestTimeoutMs: 30_000 });
    const outcome = failedSignIn(messenger, server.address);
    await server.waitForLine('CVQ');
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await outcome).appError).toEqual(PLAIN);
    expect(messenger.state.session.state).toBe('offline');
  });
});
