import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import type { Messenger } from '../../../main/client/messenger';
import type { ScriptedServer, ScriptStep } from '../../support/scripted-server';
import { useScriptedHarness } from './harness';
import { CHALLENGE, HANDLE, PASSWORD, SIGN_OUT, authentication, dispatch, emptySyncAndOnline, profile } from './scripts';
import { md5Hex } from '../../../protocol/md5';
import type { AppError } from '../../../shared/errors';
import { errorText } from '../../support/words';

const scripted = useScriptedHarness('msn-scripted-');
/** The current test's server and messenger (the harness closes and signs them out). */
let server: ScriptedServer | undefined;
let messenger: Messenger | undefined;

afterEach(() => vi.useRealTimers());

async function signIn(scripts: ScriptStep[][], options: { requestTimeoutMs?: number } = {}): Promise<MessengerError | undefined> {
  server = await scripted.serve(scripts);
  messenger = scripted.messenger(options);
  return messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).then(
    () => undefined,
    (error: MessengerError) => error,
  );
}

describe('sign-in', () => {
  it('signs in through the MSNP3 referral (trailing 0) as in the reference transcript', async () => {
    expect(await signIn([dispatch('MSNP3'), [...authentication('MSNP3'), profile(), ...emptySyncAndOnline(), ...SIGN_OUT]])).toBeUndefined();
    expect(server?.failures).toEqual([]);
    expect(messenger?.state.session).toMatchObject({ state: 'online', dialect: 'MSNP3', friendlyName: 'Example User', status: 'NLN' });
    expect(messenger?.state.profile).toMatchObject({ loginTime: 1726321960, sid: '507', kv: '11', mspAuth: '2AAAAAAAADz4mXq0w!xPl7mjR3Tq1YkVw8nB!cUeFJtKs9aQ$$' });
  });

  it('signs in through the MSNP2 referral (no trailing 0)', async () => {
    expect(await signIn([dispatch('MSNP2'), [...authentication('MSNP2'), ...emptySyncAndOnline(), ...SIGN_OUT]])).toBeUndefined();
    expect(server?.failures).toEqual([]);
    expect(messenger?.state.session.dialect).toBe('MSNP2');
  });

  it("accepts Escargot's direct challenge without a dispatch step, and the seed's MDS spelling", async () => {
    const script = authentication('MSNP3', 1).map((step) => (step === `S: USR 3 MD5 S ${CHALLENGE}` ? `S: USR 3 MDS S ${CHALLENGE}` : step));
    expect(await signIn([[...script, ...emptySyncAndOnline(5), ...SIGN_OUT]])).toBeUndefined();
    expect(server?.failures).toEqual([]);
    expect(server?.connections).toBe(1);
  });

  it('answers the challenge with md5(challenge + password) in lowercase hex', () => {
    expect(md5Hex(CHALLENGE + PASSWORD)).toBe('c36a4dec1c6bf5af4f5284f19345d3dc');
    expect(md5Hex('1013928519.693957190mypassword')).toBe('6f3963009fc8a9d2b2ff137da0905c55');
  });
});

describe('sign-in errors', () => {
  it.each([
    [911, 'The sign-in name or password is incorrect.', 'password'],
    [600, 'The service is busy. Please try again in a few minutes.', 'server'],
    [601, 'The service is temporarily unavailable. Please try again later.', 'server'],
    [604, 'The server is going down for maintenance. You will be signed out.', 'server'],
    [917, "That sign-in name's domain cannot be used with this service.", 'handle'],
    [920, 'The service is not accepting new sign-ins right now. Please try again later.', 'server'],
  ])('shows error %i as a sentence on the right field', async (code, message, field) => {
    const script = [...authentication('MSNP3', 1).slice(0, 5), `S: ${code} 3`, 'CLOSE'];
    const error = await signIn([script]);
    expect(error?.appError).toEqual({ kind: 'protocol', reason: 'server-error', code, field });
    expect(errorText(error!.appError)).toBe(message);
    expect(messenger?.state.session).toMatchObject({ state: 'offline', error: error?.appError });
  });

  it.each([
    ['VER 1 0', ['C: VER 1 MSNP3 MSNP2 CVR0', 'S: VER 1 0', 'CLOSE']],
    ['VER 1 MSNP8', ['C: VER 1 MSNP3 MSNP2 CVR0', 'S: VER 1 MSNP8']],
  ])('says the server does not support MSN Messenger 2.0 when it answers %s, without an upgrade check', async (_answer, script) => {
    const error = await signIn([script]);
    expect(error?.appError).toMatchObject({ kind: 'unsupported', field: 'server' });
    expect(errorText(error!.appError)).toMatch(/does not support MSN Messenger 2\.0/);
    expect(server?.received).toEqual([['VER 1 MSNP3 MSNP2 CVR0']]);
  });

  it('refuses a server that does not offer MD5', async () => {
    const error = await signIn([['C: VER 1 MSNP3 MSNP2 CVR0', 'S: VER 1 MSNP2', 'C: INF 2', 'S: INF 2 CTP']]);
    expect(error?.appError).toMatchObject({ kind: 'unsupported', reason: 'no-md5' });
    expect(server?.received[0]).not.toContain(`USR 3 CTP I ${HANDLE}`);
  });

  it('accepts a comma-separated INF list', async () => {
    const script = authentication('MSNP2', 1).map((step) => (step === 'S: INF 2 MD5' ? 'S: INF 2 CTP,MD5' : step));
    expect(await signIn([[...script, ...emptySyncAndOnline(5), ...SIGN_OUT]])).toBeUndefined();
  });

  it('rejects a malformed handle before connecting', async () => {
    server = await scripted.serve([]);
    messenger = scripted.messenger();
    const error = (await messenger.signIn({ server: server.address, handle: 'not an address', password: 'x' }).catch((e) => e)) as MessengerError;
    expect(error.appError).toMatchObject({ kind: 'input', field: 'handle' });
    expect(server.connections).toBe(0);
  });

  it('says when the server cannot be reached', async () => {
    server = await scripted.serve([]);
    const port = server.port;
    await server.close();
    messenger = scripted.messenger();
    const error = (await messenger.signIn({ server: `127.0.0.1:${port}`, handle: HANDLE, password: 'x' }).catch((e) => e)) as MessengerError;
    expect(error.appError).toMatchObject({ kind: 'network', field: 'server', reason: 'cannot-connect' });
    expect(errorText(error.appError)).toMatch(/^Could not connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\.$/);
  });
});

describe.each(['MSNP3', 'MSNP2'] as const)('a %s server that drops the connection', (dialect) => {
  const ds = dispatch(dialect);
  const ns = authentication(dialect);
  it.each<[string, ScriptStep[][]]>([
    ['after VER', [[...ds.slice(0, 1), 'CLOSE']]],
    ['after INF', [[...ds.slice(0, 3), 'CLOSE']]],
    ['after USR I', [[...ds.slice(0, 5), 'CLOSE']]],
    ['after XFR', [ds, ['CLOSE']]],
    ['after USR S', [ds, [...ns.slice(0, 7), 'CLOSE']]],
    ['after USR OK', [ds, [...ns, profile(), 'CLOSE']]],
    ['after SYN', [ds, [...ns, 'C: SYN 8 0', 'S: SYN 8 3', 'S: GTC 8 3 A', 'CLOSE']]],
    ['after CHG', [ds, [...ns, ...emptySyncAndOnline().slice(0, 9), 'CLOSE']]],
  ])('%s fails the sign-in with a network error and does not retry', async (_step, scripts) => {
    const error = await signIn(scripts);
    expect(error?.appError).toMatchObject({ kind: 'network', field: 'server' });
    expect(messenger?.state.session.state).toBe('offline');
    expect(server?.failures).toEqual([]);
    expect(server?.connections).toBe(scripts.length);
  });
});

describe.each(['MSNP3', 'MSNP2'] as const)('a %s server that never answers', (dialect) => {
  const ds = dispatch(dialect);
  const ns = authentication(dialect);
  it.each<[string, ScriptStep[][], string]>([
    ['VER', [['C: VER 1 MSNP3 MSNP2 CVR0', 'HANG']], 'VER'],
    ['INF', [[...ds.slice(0, 3), 'HANG']], 'INF'],
    ['USR I', [[...ds.slice(0, 5), 'HANG']], 'USR 3'],
    ['USR S', [ds, [...ns.slice(0, 7), 'HANG']], 'USR 7'],
    ['SYN', [ds, [...ns, 'C: SYN 8 0', 'HANG']], 'SYN'],
    ['the rest of the SYN dump', [ds, [...ns, 'C: SYN 8 0', 'S: SYN 8 3', 'S: GTC 8 3 A', 'HANG']], 'SYN'],
    ['CHG', [ds, [...ns, ...emptySyncAndOnline().slice(0, 9), 'HANG']], 'CHG'],
  ])('times out waiting for %s instead of hanging', async (_step, scripts, lastLine) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await scripted.serve(scripts);
    messenger = scripted.messenger({ requestTimeoutMs: 30_000 });
    const outcome = messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
    await server.waitForLine(lastLine);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(messenger.state.session.state).not.toBe('offline');
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await outcome;
    expect(error?.appError).toMatchObject({ kind: 'timeout', field: 'server' });
    expect(messenger.state.session.state).toBe('offline');
  });
});

describe('signing out while signing in', () => {
  it('abandons the sign-in and closes the connection', async () => {
    server = await scripted.serve([dispatch(), [...authentication().slice(0, 7), 'HANG']]);
    messenger = scripted.messenger();
    const outcome = messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
    await server.waitForLine('USR 7');
    const closed = new Promise((resolve) => server?.once('closed', resolve));
    await messenger.signOut();
    await closed;
    expect((await outcome)?.appError.kind).toBe('network');
    expect(messenger.state.session.state).toBe('offline');
  });
});

describe('signing out before a connection is open', () => {
  /** After the attempt ended: ten minutes of timers pass and nobody connects again. */
  async function expectNoReconnect(connections: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(server?.connections).toBe(connections);
    expect(messenger?.state.session.state).toBe('offline');
  }

  it('closes the connection that completes after the sign-out without sending a line', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), 'HANG']]);
    messenger = scripted.messenger({ reconnect: { baseDelayMs: 1000 } });
    const outcome = messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
    await messenger.signOut();
    expect((await outcome)?.appError).toMatchObject({ kind: 'network', reason: 'sign-in-cancelled' });
    expect(server.received.flat()).toEqual([]);
    await expectNoReconnect(server.connections);
  });

  it('never signs in on the notification server when signed out between the referral and it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await scripted.serve([dispatch(), [...authentication(), ...emptySyncAndOnline(), 'HANG']]);
    messenger = scripted.messenger({ reconnect: { baseDelayMs: 1000 } });
    const signingOut: Promise<void>[] = [];
    messenger.on('state', (state) => {
      if (state.session.state === 'redirected' && signingOut.length === 0) signingOut.push(messenger?.signOut() as Promise<void>);
    });
    const outcome = messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
    expect((await outcome)?.appError.kind).toBe('network');
    await Promise.all(signingOut);
    expect(server.received.slice(1).flat()).toEqual([]);
    await expectNoReconnect(server.connections);
  });
});

describe('Hotmail on a server without it', () => {
  it('says Hotmail is not available when the URL reply has no absolute login URL (Escargot)', async () => {
    const opened: string[] = [];
    server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), 'C: URL 7 INBOX', 'S: URL 7 /unused1 /unused2 1', ...SIGN_OUT]]);
    messenger = scripted.messenger({ openExternal: async (path) => void opened.push(path) });
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    const error = (await messenger.openUrl('INBOX').catch((e) => e)) as MessengerError;
    expect(error.appError).toEqual({ kind: 'unsupported', reason: 'mail-unavailable' });
    expect(opened).toEqual([]);
    expect(server.failures).toEqual([]);
  });

  it('says the Passport profile page, not Hotmail, is missing when the server has no PERSON page', async () => {
    server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), 'C: URL 7 PERSON', 'S: URL 7 /unused1 /unused2 1', ...SIGN_OUT]]);
    messenger = scripted.messenger();
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    const error = (await messenger.openUrl('PERSON').catch((e) => e)) as MessengerError;
    expect(error.appError).toEqual({ kind: 'unsupported', reason: 'page-unavailable', detail: { service: 'PERSON' } });
    expect(errorText(error.appError)).toBe('The Passport profile page is not available on this server.');
  });
});

describe('unexpected lines on a live session', () => {
  it('logs unknown commands and malformed lines, reports unsolicited errors, and stays online', async () => {
    const log: string[] = [];
    server = await scripted.serve([
      [...authentication('MSNP3', 1), ...emptySyncAndOnline(5), 'S: ZZZ 0 what', 'S: this is not a command', 'S: 500', 'C: CHG 7 AWY', 'S: CHG 7 AWY', ...SIGN_OUT],
    ]);
    messenger = scripted.messenger({ log: (line) => log.push(line) });
    const error = new Promise((resolve) => messenger?.once('error', resolve));
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    expect(await error).toMatchObject({ kind: 'protocol', reason: 'server-error', code: 500 });
    await messenger.setStatus('AWY');
    expect(messenger.state.session).toMatchObject({ state: 'online', status: 'AWY' });
    expect(log).toContain('unhandled ZZZ from the server');
    expect(log.some((line) => line.includes('(malformed) this is not a command'))).toBe(true);
  });

  it('does not read an unasked 911 as a wrong password', async () => {
    server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), 'S: 911 0', 'C: CHG 7 AWY', 'S: CHG 7 AWY', ...SIGN_OUT]]);
    messenger = scripted.messenger();
    const error = new Promise((resolve) => messenger?.once('error', resolve));
    await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
    expect(await error).toEqual({ kind: 'protocol', reason: 'unsolicited-server-error', code: 911 });
    expect(errorText((await error) as AppError)).toBe('The server sent error 911, which answers nothing MSN Messenger asked; nothing was changed.');
    await messenger.setStatus('AWY');
    expect(messenger.state.session).toMatchObject({ state: 'online', status: 'AWY' });
  });
});
