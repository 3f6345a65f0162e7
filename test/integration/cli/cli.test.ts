// The CLI end to end: a child process (node with the tsx loader) against the project's server.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import { type MsnServer, DEMO_ACCOUNTS, DEMO_SIGN_IN, startServer } from '../../../server/index';

type CliEvent = { event: string } & Record<string, unknown>;

class CliProcess {
  readonly events: CliEvent[] = [];
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.events.push(JSON.parse(line) as CliEvent);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Resolves with the first event (already printed or still to come) matching `predicate`. */
  waitFor(predicate: (event: CliEvent) => boolean): Promise<CliEvent> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.events.find(predicate);
        if (!found) return;
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
      check();
    });
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }
}

let server: MsnServer | undefined;
const dataDirs: string[] = [];
const children: CliProcess[] = [];
const messengers: Messenger[] = [];

afterEach(async () => {
  for (const cli of children.splice(0)) cli.child.kill();
  await Promise.all(messengers.splice(0).map((messenger) => messenger.signOut()));
  await server?.close();
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  server = undefined;
});

async function start(args: string[], env: Record<string, string> = {}): Promise<CliProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-cli-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, MSN_DATA_DIR: dataDir, ...env },
  });
  const cli = new CliProcess(child);
  children.push(cli);
  return cli;
}

const signInArgs = (): string[] => ['--server', `${server?.host}:${server?.dispatchPort}`, '--user', DEMO_SIGN_IN.handle, '--no-browser'];

describe.each(['MSNP3', 'MSNP2'] as const)('the CLI with %s', (dialect) => {
  it('signs in, prints contacts, goes on after a bad command line, prints a form and signs out on quit', async () => {
    server = await startServer({ dialects: [dialect] });
    const cli = await start([...signInArgs(), '--status', 'bsy'], { MSN_PASSWORD: DEMO_SIGN_IN.password });
    expect(await cli.waitFor((e) => e.event === 'signed-in')).toEqual({ event: 'signed-in', handle: 'you@demo.msn', friendlyName: 'You', dialect });
    expect(cli.events.filter((e) => e.event === 'state').map((e) => e.state)).toEqual(['connecting', 'authenticating', 'redirected', 'authenticating', 'syncing', 'online']);
    expect(cli.events).toContainEqual({ event: 'contact', handle: 'alice@demo.msn', friendlyName: 'Alice', lists: ['FL', 'AL', 'RL'], status: 'FLN' });
    expect(cli.events).toContainEqual({ event: 'added-by', handle: 'dave@demo.msn', friendlyName: 'Dave :)' });
    expect(cli.events).toContainEqual({ event: 'mail', inboxUnread: 2, foldersUnread: 0 });
    expect(server.onlineHandles()).toContain('you@demo.msn');

    cli.send('frobnicate now');
    cli.send('add XL someone@demo.msn');
    cli.send('url INBOX');
    const form = await cli.waitFor((e) => e.event === 'form');
    expect(cli.events.filter((e) => e.event === 'error')).toEqual([
      { event: 'error', code: 'input', message: expect.stringMatching(/Unknown command "frobnicate"/), command: 'frobnicate' },
      { event: 'error', code: 'input', message: expect.stringMatching(/FL, AL or BL/), command: 'add' },
    ]);
    expect(form).toMatchObject({ method: 'POST', fields: { rru: '/cgi-bin/HoTMaiL' } });
    expect(Object.keys(form.fields as object)).toEqual(dialect === 'MSNP3' ? ['mode', 'login', 'username', 'sid', 'kv', 'id', 'sl', 'rru', 'auth', 'creds', 'svc', 'js'] : ['login', 'k1', 'k2', 'rru']);

    cli.send('quit');
    expect(await cli.waitFor((e) => e.event === 'signed-out')).toEqual({ event: 'signed-out', reason: 'user' });
    expect(await cli.exited).toBe(0);
    expect(server.onlineHandles()).not.toContain('you@demo.msn');
  });
});

describe('the CLI', () => {
  it('runs the list, status, privacy and mail commands and prints presence, new mail and messages', async () => {
    server = await startServer({ botReplyDelayMs: 0 });
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');

    const alice = new Messenger({ dataDir: dataDirs[0] as string, openExternal: async () => undefined });
    messengers.push(alice);
    await alice.signIn({ server: `${server.host}:${server.dispatchPort}`, handle: 'alice@demo.msn', password: 'alice', status: 'AWY' });
    expect(await cli.waitFor((e) => e.event === 'presence' && e.handle === 'alice@demo.msn')).toEqual({ event: 'presence', handle: 'alice@demo.msn', status: 'AWY', friendlyName: 'Alice' });

    cli.send('add AL dave@demo.msn');
    await cli.waitFor((e) => e.event === 'contact' && e.handle === 'dave@demo.msn' && (e.lists as string[]).includes('AL'));
    cli.send('add FL ghost@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'error' && e.command === 'add')).toMatchObject({ code: 205 });
    cli.send('status LUN');
    await alice.next('presence');
    expect(alice.state.contacts['you@demo.msn']?.status).toBe('LUN');
    cli.send('name Me and Myself');
    cli.send('privacy BL');
    cli.send('alerts off');
    cli.send('ims off');
    cli.send('invite friend@example.com');
    cli.send('url COMPOSE bob@example.com');
    expect(await cli.waitFor((e) => e.event === 'form')).toMatchObject({ fields: { rru: expect.stringMatching(/^\/cgi-bin\/compose/) } });
    expect(cli.events.filter((e) => e.event === 'error' && e.command !== 'add')).toEqual([]);

    server.injectNewMail('you@demo.msn', { from: 'Another User', fromAddress: 'another@example.com', subject: 'Lunch tomorrow' });
    expect(await cli.waitFor((e) => e.event === 'new-mail')).toEqual({ event: 'new-mail', from: 'Another User', fromAddress: 'another@example.com', subject: 'Lunch tomorrow' });
    await cli.waitFor((e) => e.event === 'mail' && e.inboxUnread === 3);

    cli.send('ims on');
    cli.send('say buddy@demo.msn hi');
    cli.send('say buddy@demo.msn ping  42');
    expect(await cli.waitFor((e) => e.event === 'message' && e.text === 'You said: ping  42')).toMatchObject({ from: 'buddy@demo.msn', conversation: expect.any(String) });
    expect(cli.events).toContainEqual(expect.objectContaining({ event: 'message', text: expect.stringMatching(/^Hi Me and Myself!/) }));

    cli.child.stdin.end();
    expect(await cli.exited).toBe(0);
  });

  it('reports a failed delivery as an error naming the message', async () => {
    server = await startServer();
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    cli.send('say carol@demo.msn are you there?');
    const error = await cli.waitFor((e) => e.event === 'error');
    expect(error).toMatchObject({ conversation: expect.any(String), message: expect.any(String) });
    cli.send('quit');
    expect(await cli.exited).toBe(0);
  });

  it('fails a wrong password with the sentence and exit status 1', async () => {
    server = await startServer({ accounts: DEMO_ACCOUNTS });
    const cli = await start(signInArgs(), { MSN_PASSWORD: 'wrong' });
    expect(await cli.exited).toBe(1);
    expect(cli.events.slice(-2)).toEqual([
      { event: 'error', code: 911, message: 'The sign-in name or password is incorrect.' },
      { event: 'signed-out', reason: 'error' },
    ]);
  });

  it('refuses a bad command line and a missing password without connecting', async () => {
    const missing = await start(['--user', 'you@demo.msn']);
    expect(await missing.exited).toBe(2);
    expect(missing.events).toEqual([{ event: 'error', code: 'input', message: expect.stringMatching(/--server and --user are required/) }]);
    const noPassword = await start(['--server', '127.0.0.1:1', '--user', 'you@demo.msn'], { MSN_PASSWORD: '' });
    expect(await noPassword.exited).toBe(1);
    const passwordArgument = await start(['--server', '127.0.0.1:1', '--user', 'you@demo.msn', '--password', 'x']);
    expect(await passwordArgument.exited).toBe(2);
  });
});
