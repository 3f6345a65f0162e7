// The CLI end to end: a child process (node with the tsx loader) against the project's server.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import type { Contact } from '../../../shared/model';
import { nextEvent, untilState } from '../ns/harness';
import { type MsnServer, DEMO_ACCOUNTS, DEMO_SIGN_IN, startServer } from '../../../server/index';
import { useCliProcesses } from './cli-process';
import { contactIn } from '../../../shared/contacts';

let server: MsnServer | undefined;
const dataDirs: string[] = [];
const messengers: Messenger[] = [];
afterEach(async () => {
  await Promise.all(messengers.splice(0).map((messenger) => messenger.signOut()));
  await server?.close();
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  server = undefined;
});
// Registered after the hook above, so it runs first (after-hooks run as a stack): the CLIs go before their server.
const start = useCliProcesses();

/** Another member signed in beside the CLI, to see what the CLI's commands did. */
async function member(handle: string, password: string): Promise<Messenger> {
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-cli-member-'));
  dataDirs.push(dataDir);
  const messenger = new Messenger({ dataDir, openExternal: async () => undefined });
  messengers.push(messenger);
  await messenger.signIn({ server: `${server?.host}:${server?.dispatchPort}`, handle, password });
  return messenger;
}

const you = (messenger: Messenger): Contact | undefined => contactIn(messenger.state.contacts, 'you@demo.msn');

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
    const alice = await member('alice@demo.msn', 'alice');
    await untilState(alice, () => you(alice)?.status === 'BSY');

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
  it('reports IMS as unavailable on MSNP2 with an error event, and goes on', async () => {
    server = await startServer({ dialects: ['MSNP2'] });
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    cli.send('ims off');
    expect(await cli.waitFor((e) => e.event === 'error')).toEqual({ event: 'error', code: 'unsupported', reason: 'ims-needs-msnp3', message: expect.stringMatching(/needs MSNP3/), command: 'ims' });
    cli.send('status AWY');
    const alice = await member('alice@demo.msn', 'alice');
    await untilState(alice, () => you(alice)?.status === 'AWY');
    cli.send('quit');
    expect(await cli.exited).toBe(0);
  });

  it('exits with status 1 when signed out because the account signed in elsewhere (OUT OTH)', async () => {
    server = await startServer();
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    await member(DEMO_SIGN_IN.handle, DEMO_SIGN_IN.password);
    expect(await cli.exited).toBe(1);
    expect(cli.events.at(-1)).toEqual({ event: 'signed-out', reason: 'elsewhere', message: 'Signed out: this account signed in at another location.' });
  });

  it('runs the list, status, privacy and mail commands and prints presence, new mail and messages', async () => {
    server = await startServer({ botReplyDelayMs: 0 });
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');

    const alice = await member('alice@demo.msn', 'alice');
    await alice.setStatus('AWY');
    expect(await cli.waitFor((e) => e.event === 'presence' && e.handle === 'alice@demo.msn' && e.status === 'AWY')).toEqual({ event: 'presence', handle: 'alice@demo.msn', status: 'AWY', friendlyName: 'Alice' });
    const erin = await member('erin@demo.msn', 'erin');
    await untilState(erin, () => you(erin)?.status === 'NLN');

    cli.send('add AL dave@demo.msn');
    await cli.waitFor((e) => e.event === 'contact' && e.handle === 'dave@demo.msn' && (e.lists as string[]).includes('AL'));
    cli.send('add FL ghost@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'error' && e.command === 'add')).toMatchObject({ code: 205 });
    cli.send('remove FL carol@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'contact' && e.handle === 'carol@demo.msn' && !(e.lists as string[]).includes('FL'))).toMatchObject({ lists: ['AL', 'RL'] });
    cli.send('name Me and Myself');
    cli.send('privacy BL');
    cli.send('alerts off');
    cli.send('status LUN');
    // Commands run in order: once Alice sees LUN, the three before it are done.
    await untilState(alice, () => you(alice)?.status === 'LUN');
    expect(you(alice)?.friendlyName).toBe('Me and Myself');
    // AL mode showed me to Erin (on neither of my lists); BL mode shows me to my allow list only.
    expect(you(erin)?.status).toBe('FLN');
    // Alerts off: someone new who adds me is allowed without a question.
    server.createAccount({ handle: 'frank@demo.msn', password: 'frank', friendlyName: 'Frank' });
    const frank = await member('frank@demo.msn', 'frank');
    await frank.addContact('FL', 'you@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'contact' && e.handle === 'frank@demo.msn' && (e.lists as string[]).includes('AL'))).toMatchObject({ lists: ['AL', 'RL'] });
    expect(cli.events.filter((e) => e.event === 'added-by' && e.handle === 'frank@demo.msn')).toEqual([]);
    // IMS off: visible, but nobody can start a conversation with me.
    cli.send('ims off');
    cli.send('invite friend@example.com');
    cli.send('url COMPOSE bob@example.com');
    expect(await cli.waitFor((e) => e.event === 'form')).toMatchObject({ fields: { rru: expect.stringMatching(/^\/cgi-bin\/compose/) } });
    const refused = nextEvent(alice, 'error');
    alice.sendMessage(alice.openConversation('you@demo.msn'), 'are you there?');
    expect(await refused).toMatchObject({ conversationId: expect.any(String) });
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

  it('answers with the away message once per conversation, marked automatic on both sides, and never answers one', async () => {
    server = await startServer();
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    const alice = await member('alice@demo.msn', 'alice');
    alice.setAutoReplies({ AWY: 'Alice is away.' });
    await alice.setStatus('AWY');
    cli.send('autoreply BRB Back in five.');
    cli.send('status BRB');
    await untilState(alice, () => you(alice)?.status === 'BRB');

    cli.send('say alice@demo.msn hi');
    expect(await cli.waitFor((e) => e.event === 'message' && e.automatic === true)).toMatchObject({ from: 'alice@demo.msn', text: 'Alice is away.' });
    cli.send('say alice@demo.msn still there?');
    const texts = () => Object.values(alice.state.conversations)[0]?.entries.flatMap((entry) => (entry.type === 'message' ? [entry.text] : [])) ?? [];
    await untilState(alice, () => texts().includes('still there?'));
    alice.sendMessage(Object.keys(alice.state.conversations)[0] as string, 'Only now.');
    expect(await cli.waitFor((e) => e.event === 'message' && e.text === 'Only now.')).not.toHaveProperty('automatic');
    await untilState(alice, () => texts().includes('Back in five.'));

    // One switchboard keeps each sender's order: a reply that should not have gone would show here.
    const conversation = Object.values(alice.state.conversations)[0];
    const messages = conversation?.entries.flatMap((entry) => (entry.type === 'message' ? [[entry.from, entry.text, entry.automatic ?? false]] : []));
    expect(messages).toEqual([
      ['you@demo.msn', 'hi', false],
      ['alice@demo.msn', 'Alice is away.', true],
      ['you@demo.msn', 'still there?', false],
      ['alice@demo.msn', 'Only now.', false],
      ['you@demo.msn', 'Back in five.', true],
    ]);
    expect(cli.events.filter((e) => e.event === 'message' && e.automatic === true)).toHaveLength(1);

    cli.send('autoreply off');
    cli.send('quit');
    expect(await cli.exited).toBe(0);
  });

  it('blocks with "add BL" as the app does (off the allow list, out of the conversation), and "remove BL" undoes it', async () => {
    server = await startServer();
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    const alice = await member('alice@demo.msn', 'alice');
    const chat = alice.openConversation('you@demo.msn');
    alice.sendMessage(chat, 'hello');
    await cli.waitFor((e) => e.event === 'message' && e.text === 'hello');

    cli.send('add BL alice@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'contact' && e.handle === 'alice@demo.msn' && (e.lists as string[]).includes('BL'))).toMatchObject({
      lists: ['FL', 'BL', 'RL'],
    });
    // Blocking left the conversation: Alice sees me go, rather than her next message vanishing.
    await untilState(alice, (state) => state.conversations[chat]?.participants.every((participant) => participant.present !== true) === true);

    cli.send('remove BL alice@demo.msn');
    expect(await cli.waitFor((e) => e.event === 'contact' && e.handle === 'alice@demo.msn' && !(e.lists as string[]).includes('BL'))).toMatchObject({
      lists: ['FL', 'AL', 'RL'],
    });
    cli.send('quit');
    expect(await cli.exited).toBe(0);
  });

  it('reports a failed delivery as an error naming the message', async () => {
    server = await startServer();
    const cli = await start(signInArgs(), { MSN_PASSWORD: DEMO_SIGN_IN.password });
    await cli.waitFor((e) => e.event === 'signed-in');
    cli.send('say carol@demo.msn are you there?');
    // Carol is offline: first the CAL refusal as a line, then the queued message itself fails.
    const error = await cli.waitFor((e) => e.event === 'error' && 'messageId' in e);
    expect(error).toMatchObject({ conversation: expect.any(String), messageId: expect.any(String), message: expect.stringContaining('"are you there?"') });
    cli.send('quit');
    expect(await cli.exited).toBe(0);
  });

  it('fails a wrong password with the sentence and exit status 1', async () => {
    server = await startServer({ accounts: DEMO_ACCOUNTS });
    const cli = await start(signInArgs(), { MSN_PASSWORD: 'wrong' });
    expect(await cli.exited).toBe(1);
    expect(cli.events.slice(-2)).toEqual([
      { event: 'error', code: 911, reason: 'server-error', message: 'The sign-in name or password is incorrect.' },
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

  it('refuses a data folder other users can open, saying how to fix it, before asking for the password', async () => {
    const shared = await mkdtemp(join(tmpdir(), 'msn-cli-shared-'));
    dataDirs.push(shared);
    await chmod(shared, 0o777);
    const cli = await start(signInArgs(), { MSN_DATA_DIR: shared });
    expect(await cli.exited).toBe(2);
    expect(cli.events).toEqual([
      {
        event: 'error',
        code: 'input',
        reason: 'data-folder-not-private',
        message: `Other users can open the data folder ${shared}. Make it private (chmod 700 "${shared}") or choose another folder.`,
      },
    ]);
  });
});
