// Chat history end to end: two CLI processes with --history chat over the project's server; one
// is killed with SIGKILL mid-conversation and started again on the same data directory; both then
// find every message they saw in a search, and export and delete what they keep.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MsnServer, startServer } from '../../../server/index';
import { type CliEvent, type CliProcess, startCli } from './cli-process';

const YOU = { handle: 'you@demo.msn', password: 'demo' };
const ALICE = { handle: 'alice@demo.msn', password: 'alice' };

let server: MsnServer | undefined;
const children: CliProcess[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const cli of children.splice(0)) cli.child.kill('SIGKILL');
  await server?.close();
  server = undefined;
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msn-cli-history-'));
  dataDirs.push(dir);
  return dir;
}

async function signIn(person: { handle: string; password: string }, dir: string): Promise<CliProcess> {
  const cli = startCli(['--server', `${server?.host}:${server?.dispatchPort}`, '--user', person.handle, '--no-browser', '--history'], {
    MSN_DATA_DIR: dir,
    MSN_PASSWORD: person.password,
  });
  children.push(cli);
  await cli.waitFor((event) => event.event === 'signed-in');
  return cli;
}

const received = (cli: CliProcess, text: string) => cli.waitFor((event) => event.event === 'message' && event.text === text);

/** One line from `from` to `to`, seen arriving. */
async function say(from: CliProcess, to: CliProcess, handle: string, text: string): Promise<void> {
  from.send(`say ${handle} ${text}`);
  await received(to, text);
}

/** Runs `history search` and returns its event (the nth such event of this process). */
async function search(cli: CliProcess, words: string): Promise<CliEvent> {
  const before = cli.events.filter((event) => event.event === 'history-results').length;
  cli.send(`history search ${words}`);
  await cli.waitFor((event) => event.event === 'history-results' && cli.events.filter((e) => e.event === 'history-results').length > before);
  return cli.events.filter((event) => event.event === 'history-results').at(-1) as CliEvent;
}

const texts = (results: CliEvent): string[] => (results.hits as { text: string }[]).map((hit) => hit.text).sort();

describe('chat history in the CLI', () => {
  it('finds every message both sides saw, after one of them was killed with SIGKILL mid-conversation and restarted', async () => {
    server = await startServer();
    const yourDir = await dataDir();
    const aliceDir = await dataDir();
    const you = await signIn(YOU, yourDir);
    let alice = await signIn(ALICE, aliceDir);

    const before = ['zebra one', 'zebra two <b>not bold</b> & more', 'zebra three', 'zebra four', 'zebra five', 'zebra six'];
    for (const [index, text] of before.entries()) {
      if (index % 2 === 0) await say(you, alice, ALICE.handle, text);
      else await say(alice, you, YOU.handle, text);
    }
    // Her answer to a search means everything she was shown before it is committed.
    expect(texts(await search(alice, 'zebra'))).toEqual([...before].sort());
    alice.child.kill('SIGKILL');
    await alice.exited;

    // Said while she is gone: they fail, and they are kept as not delivered on my side.
    const whileAway = ['zebra seven while away', 'zebra eight while away'];
    for (const text of whileAway) you.send(`say ${ALICE.handle} ${text}`);
    await you.waitFor((event) => event.event === 'error' && String(event.message).includes('zebra eight while away'));

    alice = await signIn(ALICE, aliceDir);
    const after = ['zebra nine', 'zebra ten', 'zebra eleven', 'zebra twelve'];
    for (const [index, text] of after.entries()) {
      if (index % 2 === 0) await say(you, alice, ALICE.handle, text);
      else await say(alice, you, YOU.handle, text);
    }

    const yours = await search(you, 'zebra');
    expect(texts(yours)).toEqual([...before, ...whileAway, ...after].sort());
    const hers = await search(alice, 'zebra');
    expect(texts(hers)).toEqual([...before, ...after].sort());
    expect(hers.hits).toContainEqual({
      conversation: expect.any(String),
      with: [YOU.handle],
      from: YOU.handle,
      text: 'zebra one',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // Before and after the restart are two conversations.
    expect(new Set((hers.hits as { conversation: string }[]).map((hit) => hit.conversation)).size).toBe(2);
    expect(texts(await search(alice, 'ZEBRA TW'))).toEqual(['zebra twelve', 'zebra two <b>not bold</b> & more']);
  }, 60_000);

  it('exports a contact’s history as text and HTML, deletes it, and says when history is off', async () => {
    server = await startServer();
    const you = await signIn(YOU, await dataDir());
    const alice = await signIn(ALICE, await dataDir());
    await say(you, alice, ALICE.handle, 'hello <script>alert(1)</script>');
    await say(alice, you, YOU.handle, 'hi & welcome');

    const exportDir = await dataDir();
    you.send(`history export ${ALICE.handle} txt ${join(exportDir, 'alice chat.txt')}`);
    you.send(`history export ${ALICE.handle} html ${join(exportDir, 'alice.html')}`);
    expect(await you.waitFor((event) => event.event === 'history-exported' && String(event.path).endsWith('.html'))).toEqual({
      event: 'history-exported',
      path: join(exportDir, 'alice.html'),
      messages: 2,
    });
    const text = await readFile(join(exportDir, 'alice chat.txt'), 'utf8');
    expect(text).toMatch(/^Message history with Alice \(alice@demo\.msn\)\n/);
    expect(text).toContain('You <you@demo.msn>: hello <script>alert(1)</script>');
    expect(text).toContain('Alice <alice@demo.msn>: hi & welcome');
    const html = await readFile(join(exportDir, 'alice.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('hello &#60;script&#62;alert(1)&#60;/script&#62;');

    you.send(`history delete ${ALICE.handle}`);
    expect(await you.waitFor((event) => event.event === 'history-deleted')).toEqual({ event: 'history-deleted', handle: ALICE.handle, messages: 2 });
    expect((await search(you, 'hello')).hits).toEqual([]);

    const plain = startCli(['--server', `${server.host}:${server.dispatchPort}`, '--user', 'bob@demo.msn', '--no-browser'], {
      MSN_DATA_DIR: await dataDir(),
      MSN_PASSWORD: 'bob',
    });
    children.push(plain);
    await plain.waitFor((event) => event.event === 'signed-in');
    plain.send('history search hello');
    expect(await plain.waitFor((event) => event.event === 'error')).toEqual({
      event: 'error',
      code: 'input',
      message: 'Start the CLI with --history to keep and search your message history.',
      command: 'history',
    });
  }, 60_000);
});
