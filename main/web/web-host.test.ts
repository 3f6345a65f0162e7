import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { HostMessage } from '../../shared/web-protocol';
import { FAKE_FORM, FakeMessenger } from '../../test/fixtures/fake-messenger';
import { MessengerApp } from '../app/app-core';
import { MemorySecretStore } from '../app/secret-store';
import { CONVERSATION_PAGE_GRACE_MS, WebHost } from './web-host';

let dir: string;
let host: WebHost;
let messenger: FakeMessenger;
/** Every account's messenger, in the order the app opened the accounts. */
let messengers: FakeMessenger[];
let logged: string[];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'msn-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), 'not for you');
  logged = [];
  messengers = [];
  host = await WebHost.start({
    rendererDir,
    log: (line) => logged.push(line),
    createApp: (shell) =>
      new MessengerApp({
        dataDir: join(dir, 'data'),
        secrets: new MemorySecretStore(),
        shell,
        demo: { address: () => Promise.reject(new Error('The demo is not part of this test.')) },
        createMessenger: (options) => {
          messenger = new FakeMessenger(options);
          messengers.push(messenger);
          return messenger;
        },
      }),
  });
});

afterEach(async () => {
  vi.useRealTimers();
  for (const socket of sockets.splice(0)) socket.terminate();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page's socket, with every message it receives collected in order. */
function connect(options: { token?: string; origin?: string; page?: string } = {}) {
  const token = options.token ?? host.token;
  const page = options.page ?? '/contacts';
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${token}&page=${encodeURIComponent(page)}`, {
    origin: options.origin ?? `http://127.0.0.1:${host.port}`,
  });
  sockets.push(socket);
  const received: HostMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as HostMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  /** Resolves with the first received message matching `test`. */
  const next = async (test: (message: HostMessage) => boolean): Promise<HostMessage> => {
    for (;;) {
      const found = received.find(test);
      if (found) {
        received.splice(received.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const refusal = new Promise<number>((resolve) => {
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => resolve(-1));
  });
  return { socket, received, next, refusal };
}

/** Resolves once the host has logged `count` lines containing `text` (I/O runs between checks). */
async function untilLogged(text: string, count = 1): Promise<void> {
  while (logged.filter((line) => line.includes(text)).length < count) await new Promise((resolve) => setImmediate(resolve));
}

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: host.port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('WebHost sockets', () => {
  it('sends a snapshot as soon as a page connects', async () => {
    const page = connect();
    const snapshot = await page.next((message) => message.type === 'event');
    expect(snapshot).toMatchObject({ type: 'event', name: 'snapshot', payload: { state: messenger.state } });
  });

  it('refuses a wrong token, a foreign origin and a missing origin', async () => {
    expect(await connect({ token: 'wrong' }).refusal).toBe(403);
    expect(await connect({ origin: 'http://evil.example' }).refusal).toBe(403);
    expect(await connect({ origin: `http://localhost:${host.port}` }).refusal).toBe(403);
  });

  it('runs a command and answers with its id', async () => {
    const page = connect();
    page.socket.on('open', () =>
      page.socket.send(JSON.stringify({ type: 'command', id: 7, name: 'setStatus', args: ['a1', 'BSY'] })),
    );
    expect(await page.next((message) => message.type === 'result')).toEqual({ type: 'result', id: 7, result: { ok: true, value: undefined } });
    expect(messenger.callsTo('setStatus')).toEqual([['BSY']]);
  });

  it('answers an unknown command or bad arguments with an error, and closes on garbage', async () => {
    const page = connect();
    await new Promise((resolve) => page.socket.once('open', resolve));
    page.socket.send(JSON.stringify({ type: 'command', id: 1, name: 'toString', args: [] }));
    page.socket.send(JSON.stringify({ type: 'command', id: 2, name: 'setStatus', args: [42] }));
    expect(await page.next((message) => message.type === 'result' && message.id === 1)).toMatchObject({ result: { ok: false, error: { kind: 'input' } } });
    expect(await page.next((message) => message.type === 'result' && message.id === 2)).toMatchObject({ result: { ok: false, error: { kind: 'input' } } });
    const closed = new Promise<number>((resolve) => page.socket.on('close', resolve));
    page.socket.send('{not json');
    expect(await closed).toBe(1008);
  });

  it('sends coalesced patches to every page', async () => {
    const first = connect();
    const second = connect({ page: '/conversation/c1' });
    await Promise.all([first.next((m) => m.type === 'event'), second.next((m) => m.type === 'event')]);
    messenger.setState((state) => ({ ...state, privacy: { mode: 'BL', addedAlert: 'A' } }));
    messenger.setState((state) => ({ ...state, privacy: { mode: 'BL', addedAlert: 'N' } }));
    for (const page of [first, second]) {
      expect(await page.next((m) => m.type === 'event' && m.name === 'patch')).toEqual({
        type: 'event',
        name: 'patch',
        payload: { account: 'a1', patch: { privacy: { mode: 'BL', addedAlert: 'N' } } },
      });
    }
  });

  it('sends a conversation update to the pages as main made it, a cleared field still null after JSON', async () => {
    const chat = { id: 'c1', participants: [], entries: [], typing: [], connected: true, lastReceivedAt: 5 };
    messenger.setState((state) => ({ ...state, conversations: { c1: chat } }));
    const page = connect({ page: '/conversation/c1' });
    await page.next((m) => m.type === 'event' && m.name === 'snapshot');
    const { lastReceivedAt: _cleared, ...typing } = { ...chat, typing: ['bob@x.com'] };
    messenger.setState((state) => ({ ...state, conversations: { c1: typing } }));
    expect(await page.next((m) => m.type === 'event' && m.name === 'patch')).toEqual({
      type: 'event',
      name: 'patch',
      payload: { account: 'a1', patch: { conversations: { set: {}, update: { c1: { typing: ['bob@x.com'], lastReceivedAt: null } }, remove: [] } } },
    });
  });

  it('asks the contact-list page to open a conversation window, unless an incoming one is already open', async () => {
    const list = connect();
    await list.next((m) => m.type === 'event');
    messenger.fire('message', { conversationId: 'c5', messageId: 'm1', from: 'bob@x.com', fromName: 'Bob', text: 'hi' });
    expect(await list.next((m) => m.type === 'open')).toEqual({
      type: 'open',
      url: `/?token=${host.token}#/conversation/a1/c5`,
      target: 'msn-conversation-a1-c5',
    });
    const conversation = connect({ page: '/conversation/c5' });
    await conversation.next((m) => m.type === 'event');
    messenger.fire('message', { conversationId: 'c5', messageId: 'm2', from: 'bob@x.com', fromName: 'Bob', text: 'again' });
    await list.next((m) => m.type === 'event' && m.name === 'notice' && m.payload.notice.kind === 'message');
    expect(list.received.filter((m) => m.type === 'open')).toEqual([]);
    expect(conversation.received.filter((m) => m.type === 'open')).toEqual([]);
  });

  it('leaves a conversation once its page is gone for good, but not when the page reloads', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const list = connect();
    const first = connect({ page: '/conversation/c1' });
    await Promise.all([list.next((m) => m.type === 'event'), first.next((m) => m.type === 'event')]);
    first.socket.terminate();
    await untilLogged('/conversation/c1 disconnected');
    const reloaded = connect({ page: '/conversation/c1' });
    await reloaded.next((m) => m.type === 'event');
    await vi.advanceTimersByTimeAsync(CONVERSATION_PAGE_GRACE_MS);
    expect(messenger.callsTo('closeConversation')).toEqual([]);

    reloaded.socket.terminate();
    list.socket.terminate();
    await untilLogged('/conversation/c1 disconnected', 2);
    await untilLogged('/contacts disconnected');
    await vi.advanceTimersByTimeAsync(CONVERSATION_PAGE_GRACE_MS - 1);
    expect(messenger.callsTo('closeConversation')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(messenger.callsTo('closeConversation')).toEqual([['c1']]);
  });

  it('opens a new account\'s contact list from the page that asked, and sends each page its own account\'s events only', async () => {
    const first = connect({ page: '/contacts/a1' });
    await first.next((m) => m.type === 'event' && m.name === 'snapshot');
    first.socket.send(JSON.stringify({ type: 'command', id: 1, name: 'addAccount', args: [] }));
    expect(await first.next((m) => m.type === 'open')).toEqual({ type: 'open', url: `/?token=${host.token}#/contacts/a2`, target: 'msn-contacts-a2' });
    expect(await first.next((m) => m.type === 'result')).toEqual({ type: 'result', id: 1, result: { ok: true, value: 'a2' } });

    const second = connect({ page: '/contacts/a2' });
    expect(await second.next((m) => m.type === 'event' && m.name === 'snapshot')).toMatchObject({ payload: { account: 'a2' } });
    messengers[1]?.setState((state) => ({ ...state, privacy: { mode: 'BL', addedAlert: 'N' } }));
    expect(await second.next((m) => m.type === 'event' && m.name === 'patch')).toMatchObject({ payload: { account: 'a2' } });
    // A conversation of the second account opens from its own contact list, named for its account.
    messengers[1]?.fire('message', { conversationId: 'c9', messageId: 'm1', from: 'ann@x.com', fromName: 'Ann', text: 'hi' });
    expect(await second.next((m) => m.type === 'open')).toMatchObject({ url: `/?token=${host.token}#/conversation/a2/c9`, target: 'msn-conversation-a2-c9' });
    await second.next((m) => m.type === 'event' && m.name === 'notice');
    expect(first.received.filter((m) => m.type !== 'event' || m.name !== 'settings')).toEqual([]);
  });

  it('sends console lines to the account\'s console pages only', async () => {
    const list = connect({ page: '/contacts/a1' });
    const consolePage = connect({ page: '/console/a1' });
    await Promise.all([list.next((m) => m.type === 'event'), consolePage.next((m) => m.type === 'event')]);
    consolePage.socket.send(JSON.stringify({ type: 'command', id: 1, name: 'setProtocolConsoleRecording', args: ['a1', true] }));
    await consolePage.next((m) => m.type === 'result');
    messenger.options?.trace?.line({ at: 1, connection: 'NS 1', direction: 'out', text: 'OUT' });
    expect(await consolePage.next((m) => m.type === 'event' && m.name === 'console' && m.payload.lines.length > 0)).toMatchObject({
      payload: { account: 'a1', recording: true, lines: [{ seq: 1, text: 'OUT' }] },
    });
    expect(list.received.filter((m) => m.type === 'event' && m.name === 'console')).toEqual([]);
  });

  it('serves a Passport form as a token-protected, self-submitting page (no form file on disk)', async () => {
    const list = connect();
    await list.next((m) => m.type === 'event');
    // The host presents forms itself, so the messenger never writes the password-derived page to a file.
    expect(messenger.options?.openForm).toBeTypeOf('function');
    void messenger.options?.openForm?.(FAKE_FORM);
    const open = await list.next((m) => m.type === 'open');
    expect(open).toMatchObject({ target: '_blank' });
    expect(host.lastForm).toEqual(FAKE_FORM);
    const url = (open as { url: string }).url;
    const page = await get(url, { host: `127.0.0.1:${host.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`action="${FAKE_FORM.action}"`);
    expect(page.body).toContain(`name="creds" value="${FAKE_FORM.fields['creds']}"`);
    const nonce = /nonce="([^"]+)"/.exec(page.body)?.[1];
    expect(page.headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'`);
    expect(page.headers['content-security-policy']).toContain('form-action https://loginnet.passport.com');
    expect((await get(url.replace(host.token, 'wrong'))).status).toBe(404);
  });
});

describe('WebHost pages', () => {
  it('serves the renderer with the token and a strict policy that allows only its own socket', async () => {
    const page = await get(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses the page without the token', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=nope')).status).toBe(403);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    expect((await get(`/?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('serves assets and nothing outside the renderer directory', async () => {
    const asset = await get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets/%2e%2e%2f..%2fsecret.txt')).status).toBe(404);
  });
});
