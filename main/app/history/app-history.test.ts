// The history commands of MessengerApp, with a fake messenger and the real history worker.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ACCOUNT as A1 } from '../../../shared/accounts';
import type { Notice } from '../../../shared/ipc';
import type { Conversation, MessengerState, TranscriptEntry } from '../../../shared/model';
import { FakeMessenger } from '../../../test/fixtures/fake-messenger';
import { type AppShell, MessengerApp } from '../app-core';
import { MemorySecretStore } from '../secret-store';
import { historyFile } from './files';
import { SOURCE_HISTORY_WORKER } from './source-worker';

let dataDir: string;
const apps: MessengerApp[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'msn-app-history-'));
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

function createApp() {
  const messenger = new FakeMessenger();
  const shell: AppShell = { showConversation: vi.fn(), showContactList: vi.fn(), showConsole: vi.fn(), openExternal: vi.fn(), openLink: vi.fn(), showHistory: vi.fn() };
  const app = new MessengerApp({
    dataDir,
    secrets: new MemorySecretStore(),
    shell,
    demo: { address: async () => '127.0.0.1:1' },
    createMessenger: () => messenger,
    history: { worker: SOURCE_HISTORY_WORKER },
  });
  apps.push(app);
  const notices: Notice[] = [];
  app.on('notice', ({ notice }) => notices.push(notice));
  return { app, messenger, shell, notices };
}

const message = (id: string, text: string, delivery: 'sending' | 'delivered' | 'received'): TranscriptEntry => ({
  type: 'message',
  id,
  from: delivery === 'received' ? 'bob@example.com' : 'me@example.com',
  fromName: delivery === 'received' ? 'Bob' : 'Me',
  sentAt: 1_000,
  text,
  delivery,
});

function withConversation(state: MessengerState, id: string, entries: TranscriptEntry[]): MessengerState {
  const conversation: Conversation = { id, participants: [{ handle: 'bob@example.com', friendlyName: 'Bob' }], entries, typing: [], connected: true };
  return { ...state, conversations: { ...state.conversations, [id]: conversation } };
}

async function signIn(messenger: FakeMessenger, handle = 'Me@Example.com'): Promise<void> {
  await messenger.signIn({ server: '127.0.0.1:1', handle, password: 'pw' });
}

// Each test starts a worker thread that loads SQLite; on a busy machine that alone takes seconds.
describe('MessengerApp history', { timeout: 30_000 }, () => {
  it('keeps nothing until the account says yes, then keeps the conversation it was asked in, per account', async () => {
    const { app, messenger } = createApp();
    await signIn(messenger);
    messenger.setState((state) => withConversation(state, 'c1', [message('m1', 'before the answer', 'received')]));
    expect(readdirSync(dataDir)).not.toContain('history');
    expect(await app.dispatch('historySearch', [A1, 'answer'])).toEqual({ ok: true, value: { query: 'answer', hits: [], truncated: false } });

    const answered = await app.dispatch('setHistoryEnabled', [A1, true]);
    expect(answered).toMatchObject({ ok: true, value: { history: { 'me@example.com': true } } });
    messenger.setState((state) => withConversation(state, 'c1', [...(state.conversations['c1']?.entries ?? []), message('m2', 'after the answer', 'sending')]));
    const found = await app.dispatch('historySearch', [A1, 'answer']);
    expect(found.ok && found.value.hits.map((hit) => hit.message.text)).toEqual(['after the answer', 'before the answer']);

    const contacts = await app.dispatch('historyContacts', [A1]);
    expect(contacts.ok && contacts.value.map((contact) => contact.handle)).toEqual(['bob@example.com']);
    const exported = await app.dispatch('historyExport', [A1, { kind: 'contact', handle: 'bob@example.com' }]);
    expect(exported).toMatchObject({ ok: true, value: { scope: { kind: 'contact', handle: 'bob@example.com' }, contactName: 'Bob' } });
    expect(exported.ok && exported.value.conversations.flatMap((conversation) => conversation.messages.map((line) => line.text))).toEqual([
      'before the answer',
      'after the answer',
    ]);
    const search = await app.dispatch('historyExport', [A1, { kind: 'search', query: 'after' }]);
    expect(search.ok && search.value.conversations.flatMap((conversation) => conversation.messages.map((line) => line.text))).toEqual(['after the answer']);
    expect(await app.dispatch('historyExport', [A1, { kind: 'search', query: ' ' }])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(app.snapshot().settings.history).toEqual({ 'me@example.com': true });
  });

  it('shows the last lines of an earlier conversation with the same people in a new one', async () => {
    const { app, messenger } = createApp();
    await signIn(messenger);
    await app.dispatch('setHistoryEnabled', [A1, true]);
    messenger.setState((state) => withConversation(state, 'old', [message('m1', 'last time', 'received'), message('m2', 'see you', 'delivered')]));
    messenger.setState((state) => withConversation(state, 'new', []));
    const recent = await app.dispatch('historyRecent', [A1, 'new']);
    expect(recent.ok && recent.value.map((line) => line.text)).toEqual(['last time', 'see you']);
    expect(await app.dispatch('historyRecent', [A1, 'gone'])).toEqual({ ok: true, value: [] });
  });

  it('refuses the switch and queries before anyone signed in, and opens the window through the shell', async () => {
    const { app, shell } = createApp();
    expect(await app.dispatch('setHistoryEnabled', [A1, true])).toMatchObject({ ok: false, error: { kind: 'input', reason: 'not-signed-in' } });
    expect(await app.dispatch('historySearch', [A1, 'x'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('historyDelete', [A1, { kind: 'all', extra: 1 }])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('openHistory', [A1, 'bob@example.com'])).toEqual({ ok: true, value: undefined });
    expect(shell.showHistory).toHaveBeenCalledWith(A1, 'bob@example.com');
  });

  it('tells every window when a damaged database was set aside, and keeps going with a new one', async () => {
    const file = historyFile(dataDir, 'me@example.com');
    mkdirSync(join(dataDir, 'history'), { recursive: true });
    writeFileSync(file, 'not a database '.repeat(300));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ history: { 'me@example.com': true } }));
    const { app, messenger, notices } = createApp();
    await signIn(messenger);
    messenger.setState((state) => withConversation(state, 'c1', [message('m1', 'still kept', 'received')]));
    const found = await app.dispatch('historySearch', [A1, 'kept']);
    expect(found.ok && found.value.hits).toHaveLength(1);
    expect(notices).toEqual([{ kind: 'history', problem: 'damaged', setAsideAs: expect.stringMatching(/me@example\.com\.damaged-.*\.sqlite$/) }]);
    expect(readdirSync(join(dataDir, 'history')).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
  });
});
