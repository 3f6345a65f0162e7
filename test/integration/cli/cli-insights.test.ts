// What the CLI tells about the session beyond its events of old: --trace prints the protocol
// console's masked lines to stderr, a failed sign-in says what to do (`advice`), and someone who
// removed me from their list while I was away is a `removed-by` event at my next sign-in.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import { type MsnServer, DEMO_SIGN_IN, startServer } from '../../../server/index';
import { closedPort } from '../../support/proxies';
import { useCliProcesses } from './cli-process';

let server: MsnServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
// Registered after the hook above, so it runs first (after-hooks run as a stack): the CLIs go before their server.
const start = useCliProcesses();

async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msn-cli-insights-'));
  dirs.push(dir);
  return dir;
}

const signInArgs = (): string[] => ['--server', `127.0.0.1:${server?.dispatchPort}`, '--user', DEMO_SIGN_IN.handle, '--no-browser'];

describe('the CLI', () => {
  it('prints a whole sign-in and a chat with --trace, per connection, with nothing secret in it', async () => {
    server = await startServer();
    const cli = await start([...signInArgs(), '--trace'], { MSN_PASSWORD: DEMO_SIGN_IN.password });
    let trace = '';
    cli.child.stderr.on('data', (chunk: Buffer) => (trace += chunk.toString()));
    await cli.waitFor((event) => event.event === 'signed-in');
    cli.send('say buddy@demo.msn hello');
    await cli.waitFor((event) => event.event === 'message');
    cli.send('quit');
    expect(await cli.exited).toBe(0);

    const lines = trace.split('\n');
    const time = String.raw`\d{2}:\d{2}:\d{2}\.\d{3}`;
    expect(lines[0]).toMatch(new RegExp(`^${time} NS 1 connected to 127\\.0\\.0\\.1:${server.dispatchPort}$`));
    expect(lines[1]).toMatch(new RegExp(`^${time} NS 1 C: VER 1 MSNP3 MSNP2 CVR0$`));
    expect(trace).toMatch(new RegExp(`NS 1 S: XFR \\d+ NS 127\\.0\\.0\\.1:${server.notificationPort} 0`));
    expect(trace).toMatch(new RegExp(`NS 2 connected to 127\\.0\\.0\\.1:${server.notificationPort}`));
    expect(trace).toMatch(/NS 2 S: USR \d+ MD5 S \[hidden\]\n/);
    expect(trace).toMatch(/NS 2 C: USR \d+ MD5 S \[hidden\]\n/);
    expect(trace).toMatch(/NS 2 S: USR \d+ OK you@demo\.msn You/);
    expect(trace).toMatch(/NS 2 S: MSG Hotmail Hotmail \d+\n {4}MIME-Version: 1\.0\n/);
    expect(trace).toMatch(/\n {4}MSPAuth: \[hidden\]\n/);
    expect(trace).toMatch(/NS 2 S: XFR \d+ SB 127\.0\.0\.1:\d+ CKI \[hidden\]/);
    expect(trace).toMatch(/SB 3 C: USR 1 you@demo\.msn \[hidden\]/);
    expect(trace).toMatch(/SB 3 C: MSG \d+ A \d+\n(?: {4}.*\n)* {4}hello\n/);
    expect(trace).toMatch(/NS 2 C: OUT\n/);
    // No MD5 answer, challenge, cookie or ticket: the only long hex or ticket-like values are gone.
    expect(trace).not.toMatch(/\b[0-9a-f]{32}\b/);
    expect(trace).not.toMatch(/CKI \d/);
  });

  it('says what to do when the sign-in fails: which host and port nothing answered at', async () => {
    const port = await closedPort();
    const cli = await start(['--server', `127.0.0.1:${port}`, '--user', DEMO_SIGN_IN.handle, '--no-browser'], { MSN_PASSWORD: DEMO_SIGN_IN.password });
    expect(await cli.waitFor((event) => event.event === 'error')).toEqual({
      event: 'error',
      code: 'network',
      reason: 'cannot-connect',
      message: `Could not connect to 127.0.0.1:${port} (ECONNREFUSED).`,
      advice: `Nothing accepts connections at 127.0.0.1:${port}: check --server (host:port) and that the server is running, or use --proxy if the network needs one.`,
    });
    expect(await cli.exited).toBe(1);
  });

  it('says who removed me from their list while I was away, at my next sign-in, and only then', async () => {
    server = await startServer();
    const dataDir = await temporaryDir();
    const env = { MSN_PASSWORD: DEMO_SIGN_IN.password, MSN_DATA_DIR: dataDir };
    const first = await start(signInArgs(), env);
    await first.waitFor((event) => event.event === 'signed-in');
    expect(first.events).toContainEqual(expect.objectContaining({ event: 'contact', handle: 'alice@demo.msn', lists: ['FL', 'AL', 'RL'] }));
    first.send('quit');
    expect(await first.exited).toBe(0);

    const alice = new Messenger({ dataDir: await temporaryDir(), openExternal: () => undefined });
    await alice.signIn({ server: `127.0.0.1:${server.dispatchPort}`, handle: 'alice@demo.msn', password: 'alice' });
    await alice.removeContact('FL', DEMO_SIGN_IN.handle);
    await alice.signOut();

    const second = await start(signInArgs(), env);
    await second.waitFor((event) => event.event === 'signed-in');
    expect(second.events.filter((event) => event.event === 'removed-by')).toEqual([{ event: 'removed-by', handle: 'alice@demo.msn', friendlyName: 'Alice' }]);
    expect(second.events).toContainEqual(expect.objectContaining({ event: 'contact', handle: 'alice@demo.msn', lists: ['FL', 'AL'] }));
    second.send('quit');
    expect(await second.exited).toBe(0);

    const third = await start(signInArgs(), env);
    await third.waitFor((event) => event.event === 'signed-in');
    expect(third.events.filter((event) => event.event === 'removed-by')).toEqual([]);
    third.send('quit');
    expect(await third.exited).toBe(0);
  });
});
