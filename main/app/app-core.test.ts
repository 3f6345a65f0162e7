import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice, SignInRequest, StatePatch } from '../../shared/ipc';
import { FakeMessenger } from '../../test/fixtures/fake-messenger';
import { FIRST_ACCOUNT as A1 } from '../../shared/accounts';
import { isCommandName } from '../../shared/commands';
import { RECENT_ENTRIES } from '../../shared/window-state';
import { MessengerApp, type AppShell } from './app-core';
import { MessengerError } from '../client/errors';
import { ProtocolError } from '../../protocol/index';
import { MemorySecretStore, NoSecretStore, type SecretStore } from './secret-store';
import type { MessengerPortOptions } from './messenger-port';

const SIGN_IN: SignInRequest = {
  server: 'msn.example.com:1863',
  handle: 'you@example.com',
  password: 'secret',
  status: 'NLN',
  rememberPassword: false,
  autoSignIn: false,
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'msn-app-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function createApp(options: { secrets?: SecretStore; demoAddress?: () => Promise<string> } = {}) {
  /** One per account, in the order the app opened them. */
  const messengers: FakeMessenger[] = [];
  const shell = {
    showConversation: vi.fn<AppShell['showConversation']>(),
    showContactList: vi.fn<AppShell['showContactList']>(),
    showConsole: vi.fn<AppShell['showConsole']>(),
    openExternal: vi.fn<AppShell['openExternal']>(),
    showHistory: vi.fn<AppShell['showHistory']>(),
    openLink: vi.fn<AppShell['openLink']>(),
  };
  const demo = { address: vi.fn(options.demoAddress ?? (async () => '127.0.0.1:4321')), close: vi.fn(async () => {}) };
  const secrets = options.secrets ?? new MemorySecretStore();
  const createMessenger = (messengerOptions: MessengerPortOptions) => {
    const created = new FakeMessenger(messengerOptions);
    messengers.push(created);
    return created;
  };
  const app = new MessengerApp({ dataDir, secrets, shell, demo, createMessenger });
  const notices: Notice[] = [];
  app.on('notice', ({ notice }) => notices.push(notice));
  return { app, messenger: messengers[0] as FakeMessenger, messengers, shell, demo, secrets, notices };
}

describe('MessengerApp command dispatch', () => {
  it('knows exactly the commands of the contract', () => {
    expect(isCommandName('signIn')).toBe(true);
    expect(isCommandName('constructor')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
  });

  it('refuses a command for an account the app does not have, naming the problem', async () => {
    const { app, messenger } = createApp();
    expect(await app.dispatch('setStatus', ['a7', 'BSY'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('setStatus', ['../etc', 'BSY'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(messenger.callsTo('setStatus')).toEqual([]);
  });

  it('refuses arguments that fail the schema before the messenger sees them', async () => {
    const { app, messenger } = createApp();
    const result = await app.dispatch('setStatus', [A1, 'XYZ']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('setStatus', [A1, 'NLN', 'extra'])).toMatchObject({ ok: false });
    expect(await app.dispatch('setStatus', 'NLN')).toMatchObject({ ok: false });
    expect(messenger.callsTo('setStatus')).toEqual([]);
  });

  it('names the sign-in field that is wrong', async () => {
    const { app, messenger } = createApp();
    const result = await app.dispatch('signIn', [A1, { ...SIGN_IN, handle: 'not an address' }]);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'input', field: 'handle', reason: 'invalid-handle' },
    });
    expect(messenger.callsTo('signIn')).toEqual([]);
  });

  it('passes validated, normalised arguments to the messenger and returns its result', async () => {
    const { app, messenger } = createApp();
    expect(await app.dispatch('addContact', [A1, 'FL', '  Friend@Example.COM '])).toEqual({ ok: true, value: undefined });
    expect(messenger.callsTo('addContact')).toEqual([['FL', 'friend@example.com']]);
    expect(await app.dispatch('blockContact', [A1, 'pest@example.com'])).toEqual({ ok: true, value: undefined });
    expect(messenger.callsTo('block')).toEqual([['pest@example.com']]);
    // The form's fields are derived from the password: main opens it, the renderer only hears it worked.
    expect(await app.dispatch('openInbox', [A1])).toEqual({ ok: true, value: undefined });
    expect(messenger.callsTo('openUrl')).toEqual([['INBOX']]);
  });

  it('returns the AppError a failing call carries', async () => {
    const { app, messenger } = createApp();
    const error = { kind: 'protocol', reason: 'server-error', code: 201 } as const;
    messenger.failures.set('addContact', new MessengerError(error));
    expect(await app.dispatch('addContact', [A1, 'FL', 'friend@example.com'])).toEqual({ ok: false, error });
  });

  it('words a protocol error from the conversations with the error table', async () => {
    const { app, messenger } = createApp();
    messenger.failures.set('inviteToConversation', new ProtocolError(217, 5));
    const result = await app.dispatch('inviteToConversation', [A1, 'c1', 'bob@x.com']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'protocol', code: 217 } });
  });

  it('reports an unexpected exception as an internal error without its details', async () => {
    const { app, messenger } = createApp();
    messenger.failures.set('setIms', new TypeError('x is undefined'));
    const result = await app.dispatch('setIms', [A1, false]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('undefined');
  });
});

describe('MessengerApp sign-in', () => {
  it('starts the local demo server for the demo address and signs in there', async () => {
    const { app, messenger, demo } = createApp();
    expect(await app.dispatch('signIn', [A1, { ...SIGN_IN, server: 'demo' }])).toEqual({ ok: true, value: undefined });
    expect(demo.address).toHaveBeenCalledOnce();
    expect(messenger.callsTo('signIn')).toEqual([[{ server: '127.0.0.1:4321', handle: 'you@example.com', password: 'secret', status: 'NLN' }]]);
  });

  it('says so on the server field when the demo server cannot start', async () => {
    const { app } = createApp({ demoAddress: async () => Promise.reject(new Error('EADDRINUSE')) });
    const result = await app.dispatch('signIn', [A1, { ...SIGN_IN, server: 'demo' }]);
    expect(result).toMatchObject({ ok: false, error: { field: 'server', reason: 'demo-unavailable' } });
  });

  it('remembers the password only when asked, and uses it when the form sends none', async () => {
    const secrets = new MemorySecretStore();
    const { app, messenger } = createApp({ secrets });
    await app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: true }]);
    expect(secrets.get('you@example.com')).toBe('secret');
    expect(app.snapshot().settings.accounts[A1]).toMatchObject({ lastHandle: 'you@example.com', hasSavedPassword: true });
    await app.dispatch('signOut', [A1]);
    expect(await app.dispatch('signIn', [A1, { ...SIGN_IN, password: '', rememberPassword: true }])).toMatchObject({ ok: true });
    expect(messenger.callsTo('signIn')[1]).toEqual([expect.objectContaining({ password: 'secret' })]);
    await app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: false }]);
    expect(secrets.has('you@example.com')).toBe(false);
  });

  it('signs in automatically at start only when asked to and a password is saved', async () => {
    const secrets = new MemorySecretStore();
    const first = createApp({ secrets });
    await first.app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: true, autoSignIn: false }]);
    const manual = createApp({ secrets });
    await manual.app.signInAutomatically();
    expect(manual.messenger.callsTo('signIn')).toEqual([]);
    await manual.app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: true, autoSignIn: true }]);
    const automatic = createApp({ secrets });
    await automatic.app.signInAutomatically();
    expect(automatic.messenger.callsTo('signIn')).toEqual([
      [{ server: SIGN_IN.server, handle: SIGN_IN.handle, password: 'secret', status: 'NLN' }],
    ]);
  });

  it('asks for a password when none is typed and none is saved', async () => {
    const { app, messenger } = createApp();
    const result = await app.dispatch('signIn', [A1, { ...SIGN_IN, password: '' }]);
    expect(result).toEqual({ ok: false, error: { kind: 'input', field: 'password', reason: 'missing-password' } });
    expect(messenger.callsTo('signIn')).toEqual([]);
  });

  it('does not save a password that failed to sign in', async () => {
    const secrets = new MemorySecretStore();
    const { app, messenger } = createApp({ secrets });
    messenger.failures.set('signIn', new MessengerError({ kind: 'protocol', reason: 'server-error', code: 911 }));
    await app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: true }]);
    expect(secrets.has('you@example.com')).toBe(false);
  });
});

describe('MessengerApp settings', () => {
  it('persists settings in the data directory and never the password', async () => {
    const { app } = createApp();
    const saved = await app.dispatch('saveSettings', [{ autoIdleMinutes: 10, sounds: false }]);
    expect(saved).toMatchObject({ ok: true, value: { autoIdleMinutes: 10, sounds: false } });
    await app.dispatch('signIn', [A1, { ...SIGN_IN, rememberPassword: true }]);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('secret');
    const reopened = createApp();
    expect(reopened.app.snapshot().settings).toMatchObject({ autoIdleMinutes: 10, sounds: false, accounts: { a1: { lastHandle: 'you@example.com' } } });
  });

  it('tells the messenger and every window about a new auto-idle time', async () => {
    const { app, messenger } = createApp();
    const broadcast = app.next('settings');
    await app.dispatch('saveSettings', [{ autoIdleMinutes: 15 }]);
    expect(messenger.callsTo('setAutoIdleMinutes').at(-1)).toEqual([15]);
    await expect(broadcast).resolves.toMatchObject({ autoIdleMinutes: 15 });
  });

  it('refuses settings it does not know', async () => {
    const { app } = createApp();
    expect(await app.dispatch('saveSettings', [{ hasSavedPassword: true }])).toMatchObject({ ok: false });
    expect(await app.dispatch('saveSettings', [{ contactPreferences: {} }])).toMatchObject({ ok: false });
    expect(await app.dispatch('saveSettings', [{ uiScale: 110 }])).toMatchObject({ ok: false });
    expect(await app.dispatch('saveSettings', [{ theme: 'neon' }])).toMatchObject({ ok: false });
  });

  it('starts with the classic look and the auto-reply off', () => {
    const { app, messenger } = createApp();
    expect(app.snapshot().settings).toMatchObject({
      theme: 'classic',
      uiScale: 100,
      plusTags: 'render',
      escapeClosesConversation: true,
      autoReply: { enabled: false, messages: {} },
    });
    expect(messenger.callsTo('setAutoReplies')).toEqual([[{}]]);
  });

  it('gives the messenger the away replies only while the auto-reply is on', async () => {
    const { app, messenger } = createApp();
    const messages = { AWY: 'Gone fishing.', LUN: 'Eating.' };
    await app.dispatch('saveSettings', [{ autoReply: { enabled: true, messages } }]);
    expect(messenger.callsTo('setAutoReplies').at(-1)).toEqual([messages]);
    await app.dispatch('saveSettings', [{ autoReply: { enabled: false, messages } }]);
    expect(messenger.callsTo('setAutoReplies').at(-1)).toEqual([{}]);
    expect(createApp().messenger.callsTo('setAutoReplies')).toEqual([[{}]]);
  });

  it('keeps a settings file with one bad value, losing only that value', async () => {
    const { app } = createApp();
    await app.dispatch('saveSettings', [{ theme: 'night', uiScale: 150 }]);
    const file = join(dataDir, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, uiScale: 'huge', contactPreferences: { 'you@example.com': { 'a@b.c': { sound: 'bell', alertOnSignIn: true }, 'x@y.z': 7 } } }));
    expect(createApp().app.snapshot().settings).toMatchObject({
      theme: 'night',
      uiScale: 100,
      contactPreferences: { 'you@example.com': { 'a@b.c': { sound: 'bell', alertOnSignIn: true } } },
    });
  });
});

describe('MessengerApp links and contact preferences', () => {
  it('opens http, https and mailto links through the shell, and refuses anything else', async () => {
    const { app, shell } = createApp();
    expect(await app.dispatch('openLink', ['HTTP://Example.com/a b'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('openLink', ['javascript:alert(1)'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('openLink', ['file:///etc/passwd'])).toMatchObject({ ok: false });
    expect(shell.openLink).not.toHaveBeenCalled();
    expect(await app.dispatch('openLink', ['HTTP://Example.com/a'])).toEqual({ ok: true, value: undefined });
    expect(await app.dispatch('openLink', ['mailto:bob@example.com'])).toEqual({ ok: true, value: undefined });
    expect(shell.openLink.mock.calls).toEqual([['http://example.com/a'], ['mailto:bob@example.com']]);
  });

  it('remembers a contact’s alert, sound and language for the account signed in, across restarts', async () => {
    const { app } = createApp();
    const preferences = { alertOnSignIn: true, sound: 'bell', spellCheckLanguage: 'fr-FR' } as const;
    expect(await app.dispatch('setContactPreferences', [A1, 'bob@example.com', preferences])).toMatchObject({ ok: false });
    await app.dispatch('signIn', [A1, SIGN_IN]);
    const broadcast = app.next('settings');
    expect(await app.dispatch('setContactPreferences', [A1, 'Bob@Example.com', preferences])).toEqual({ ok: true, value: undefined });
    await expect(broadcast).resolves.toMatchObject({ contactPreferences: { 'you@example.com': { 'bob@example.com': preferences } } });
    expect(createApp().app.snapshot().settings.contactPreferences).toEqual({ 'you@example.com': { 'bob@example.com': preferences } });
    await app.dispatch('setContactPreferences', [A1, 'bob@example.com', { alertOnSignIn: false, sound: 'default' }]);
    expect(app.snapshot().settings.contactPreferences).toEqual({ 'you@example.com': {} });
  });

  it('refuses a sound or language it does not know', async () => {
    const { app } = createApp();
    await app.dispatch('signIn', [A1, SIGN_IN]);
    expect(await app.dispatch('setContactPreferences', [A1, 'bob@example.com', { alertOnSignIn: true, sound: 'airhorn' }])).toMatchObject({ ok: false });
    const badLanguage = { alertOnSignIn: true, sound: 'bell', spellCheckLanguage: '../../x' };
    expect(await app.dispatch('setContactPreferences', [A1, 'bob@example.com', badLanguage])).toMatchObject({ ok: false });
  });
});

describe('MessengerApp events', () => {
  it('sends a burst of state changes as one patch', async () => {
    const { app, messenger } = createApp();
    const patches: StatePatch[] = [];
    app.on('patch', ({ account, patch }) => {
      expect(account).toBe(A1);
      patches.push(patch);
    });
    for (let i = 0; i < 100; i += 1) {
      const handle = `user${i}@example.com`;
      messenger.setState((state) => ({
        ...state,
        contacts: [...state.contacts, { handle, friendlyName: handle, status: 'NLN', lists: ['FL'] }],
      }));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(patches).toHaveLength(1);
    expect(patches[0]?.contacts?.set).toHaveLength(100);
    expect(app.snapshot().state).toBe(messenger.state);
  });

  it('shows the window of a conversation with an incoming message and tells the user', () => {
    const { messenger, shell, notices } = createApp();
    messenger.fire('message', { conversationId: 'c9', messageId: 'm1', from: 'bob@x.com', fromName: 'Bob', text: 'hi' });
    expect(shell.showConversation).toHaveBeenCalledWith(A1, 'c9', 'incoming');
    expect(notices).toEqual([{ kind: 'message', conversationId: 'c9', from: 'bob@x.com', fromName: 'Bob', text: 'hi' }]);
  });

  it('tells the user when a contact signs in, but not about status changes, the burst of a sign-in, or people not on the list', () => {
    const { messenger, notices } = createApp();
    const onList = (handle: string) => ({ handle, friendlyName: handle, status: 'FLN' as const, lists: ['FL' as const] });
    messenger.setState((state) => ({ ...state, contacts: [onList('ann@x.com'), onList('bob@x.com')] }));
    messenger.fire('presence', { handle: 'ann@x.com', status: 'NLN', friendlyName: 'Ann', initial: true });
    messenger.fire('presence', { handle: 'ann@x.com', status: 'BSY', friendlyName: 'Ann', initial: false });
    messenger.fire('presence', { handle: 'bob@x.com', status: 'AWY', friendlyName: 'Bob', initial: false });
    messenger.fire('presence', { handle: 'eve@x.com', status: 'NLN', friendlyName: 'Eve', initial: false });
    expect(notices).toEqual([{ kind: 'online', handle: 'bob@x.com', friendlyName: 'Bob' }]);
  });

  it('turns messenger events into notices, a conversation\'s error naming its conversation', () => {
    const { messenger, notices } = createApp();
    messenger.fire('addedBy', { handle: 'eve@x.com', friendlyName: 'Eve' });
    messenger.fire('newMail', { from: 'Ann', fromAddress: 'ann@x.com', subject: 'Hello', receivedAt: 1 });
    messenger.fire('error', { kind: 'protocol', reason: 'server-error', code: 217, conversationId: 'c1', messageId: 'm1' });
    messenger.fire('error', { kind: 'network', reason: 'connection-lost' });
    messenger.fire('signedOut', { reason: 'elsewhere' });
    expect(notices).toEqual([
      { kind: 'added-by', handle: 'eve@x.com', friendlyName: 'Eve' },
      { kind: 'new-mail', from: 'Ann', subject: 'Hello' },
      { kind: 'error', conversationId: 'c1', error: { kind: 'protocol', reason: 'server-error', code: 217 } },
      { kind: 'error', error: { kind: 'network', reason: 'connection-lost' } },
      { kind: 'signed-out', reason: 'elsewhere' },
    ]);
  });

  it('gives a window the newest entries of a long conversation, and the older ones when it asks', async () => {
    const { app, messenger } = createApp();
    const entries = Array.from({ length: 1_000 }, (_, index) => ({
      type: 'system' as const,
      id: `s${index}`,
      kind: 'joined' as const,
      event: { type: 'joined' as const, name: 'Bob' },
      at: index,
    }));
    messenger.setState((state) => ({
      ...state,
      conversations: { c1: { id: 'c1', participants: [{ handle: 'bob@x.com', friendlyName: 'Bob' }], entries, typing: [], connected: true } },
    }));
    const held = app.snapshot().state.conversations['c1'];
    expect(held?.entries).toEqual(entries.slice(1_000 - RECENT_ENTRIES));
    expect(held?.olderEntries).toBe(1_000 - RECENT_ENTRIES);
    expect(await app.dispatch('conversationEntries', [A1, 'c1', 0, 200])).toEqual({ ok: true, value: entries.slice(0, 200) });
    expect(await app.dispatch('conversationEntries', [A1, 'c1', 990, 200])).toEqual({ ok: true, value: entries.slice(990) });
    expect(await app.dispatch('conversationEntries', [A1, 'nope', 0, 200])).toMatchObject({ ok: false, error: { kind: 'input', reason: 'no-such-conversation' } });
    expect(await app.dispatch('conversationEntries', [A1, 'c1', -1, 200])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await app.dispatch('conversationEntries', [A1, 'c1', 0, 1_000_000])).toMatchObject({ ok: false, error: { kind: 'input' } });
  });

  it('opens a conversation window for openConversation and showConversation', async () => {
    const { app, shell } = createApp();
    const opened = await app.dispatch('openConversation', [A1, 'bob@x.com']);
    expect(opened).toEqual({ ok: true, value: 'c1' });
    expect(shell.showConversation).toHaveBeenLastCalledWith(A1, 'c1', 'user');
    expect(await app.dispatch('showConversation', [A1, 'c1'])).toEqual({ ok: true, value: undefined });
    expect(await app.dispatch('showConversation', [A1, 'nope'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(shell.showConversation).toHaveBeenCalledTimes(2);
  });
});

describe('MessengerApp damaged files', () => {
  it('tells every window about a damaged file until the user has read about it', async () => {
    writeFileSync(join(dataDir, 'settings.json'), 'not json');
    const { app, messenger } = createApp();
    expect(app.snapshot().settings.recovered).toEqual([{ file: 'settings', backup: expect.stringMatching(/settings\..+\.bak$/) }]);
    const told = app.next('settings');
    messenger.fire('fileRecovered', { file: 'contact-list', backup: '/data/lists/x.bak' });
    expect((await told).recovered).toEqual([expect.objectContaining({ file: 'settings' }), { file: 'contact-list', backup: '/data/lists/x.bak' }]);
    expect(await app.dispatch('dismissRecovered', [])).toMatchObject({ ok: true, value: { recovered: [] } });
    expect(createApp().app.snapshot().settings.recovered).toEqual([]);
  });
});

describe('MessengerApp accounts', () => {
  it('adds an account beside the first, with its own messenger, settings and window, and signs it in without signing the first out', async () => {
    const { app, messengers, shell } = createApp();
    const patches: string[] = [];
    app.on('patch', ({ account }) => patches.push(account));
    await app.dispatch('signIn', [A1, SIGN_IN]);
    expect(await app.dispatch('addAccount', [])).toEqual({ ok: true, value: 'a2' });
    expect(shell.showContactList).toHaveBeenCalledWith('a2');
    expect(app.accountIds).toEqual([A1, 'a2']);
    expect(app.snapshot('a2').settings.accounts['a2']).toMatchObject({ lastServer: SIGN_IN.server, lastHandle: '' });

    await app.dispatch('signIn', ['a2', { ...SIGN_IN, handle: 'other@example.com' }]);
    expect(messengers[0]?.callsTo('signOut')).toEqual([]);
    expect(messengers[1]?.callsTo('signIn')).toEqual([[expect.objectContaining({ handle: 'other@example.com' })]]);
    expect(app.snapshot(A1).state.session.handle).toBe('you@example.com');
    expect(app.snapshot('a2').state.session.handle).toBe('other@example.com');
    expect(app.snapshot().settings.accounts).toMatchObject({ a1: { lastHandle: 'you@example.com' }, a2: { lastHandle: 'other@example.com' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(new Set(patches)).toEqual(new Set([A1, 'a2']));
    // The app opens every account it kept, next time too.
    expect(createApp().app.accountIds).toEqual([A1, 'a2']);

    // Another account's window comes back on request; an account that is not open is a bad argument.
    shell.showContactList.mockClear();
    expect(await app.dispatch('showContactList', ['a2'])).toEqual({ ok: true, value: undefined });
    expect(shell.showContactList).toHaveBeenCalledWith('a2');
    expect(await app.dispatch('showContactList', ['a9'])).toEqual({ ok: false, error: { kind: 'input', reason: 'unknown-account' } });
  });

  it('forgets a signed-out extra account, never the first or one still signed in', async () => {
    const { app } = createApp();
    await app.dispatch('addAccount', []);
    expect(await app.removeAccount(A1)).toBe(false);
    await app.dispatch('signIn', ['a2', SIGN_IN]);
    expect(await app.removeAccount('a2')).toBe(false);
    await app.dispatch('signOut', ['a2']);
    expect(await app.removeAccount('a2')).toBe(true);
    expect(app.accountIds).toEqual([A1]);
    expect(app.snapshot().settings.accounts).not.toHaveProperty('a2');
    expect(await app.dispatch('signOut', ['a2'])).toEqual({ ok: false, error: { kind: 'input', reason: 'unknown-account' } });
  });

  it('signs an account in through its own proxy, its password kept with the secrets and never in the settings file', async () => {
    const secrets = new MemorySecretStore();
    const { app, messengers } = createApp({ secrets });
    await app.dispatch('addAccount', []);
    const proxy = { kind: 'socks5', host: 'proxy.example', port: 1080, username: 'me' } as const;
    expect(await app.dispatch('saveAccountSettings', ['a2', { proxy, proxyPassword: 'proxy-secret' }])).toMatchObject({
      ok: true,
      value: { accounts: { a2: { proxy, hasProxyPassword: true }, a1: { hasProxyPassword: false } } },
    });
    await app.dispatch('signIn', ['a2', SIGN_IN]);
    await app.dispatch('signIn', [A1, SIGN_IN]);
    expect(messengers[1]?.callsTo('signIn')[0]?.[0]).toMatchObject({ proxy: { ...proxy, password: 'proxy-secret' } });
    expect(messengers[0]?.callsTo('signIn')[0]?.[0]).not.toHaveProperty('proxy');
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('proxy-secret');
    await app.dispatch('saveAccountSettings', ['a2', { proxy: null }]);
    expect(app.snapshot().settings.accounts['a2']).toEqual(expect.not.objectContaining({ proxy }));
    expect(secrets.has('proxy:a2')).toBe(false);
  });

  it('keeps a proxy password until the app stops where no password can be kept', async () => {
    const { app, messenger } = createApp({ secrets: new NoSecretStore() });
    const proxy = { kind: 'http', host: 'proxy.example', port: 3128, username: 'me' } as const;
    await app.dispatch('saveAccountSettings', [A1, { proxy, proxyPassword: 'proxy-secret' }]);
    expect(app.snapshot().settings.accounts[A1]).toMatchObject({ hasProxyPassword: true });
    await app.dispatch('signIn', [A1, SIGN_IN]);
    expect(messenger.callsTo('signIn')[0]?.[0]).toMatchObject({ proxy: { ...proxy, password: 'proxy-secret' } });
    expect(createApp({ secrets: new NoSecretStore() }).app.snapshot().settings.accounts[A1]).toMatchObject({ proxy, hasProxyPassword: false });
  });

  it('refuses a proxy it cannot use, before anything connects', async () => {
    const { app } = createApp();
    const result = await app.dispatch('saveAccountSettings', [A1, { proxy: { kind: 'socks5', host: 'bad host', port: 99_999 } }]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(app.snapshot().settings.accounts[A1]).not.toHaveProperty('proxy');
  });

  it('keeps a protocol console per account: nothing until it is turned on, then its lines to that account only', async () => {
    const { app, messengers, shell } = createApp();
    await app.dispatch('addAccount', []);
    const [first, second] = messengers.map((messenger) => messenger.options?.trace);
    expect(first?.enabled()).toBe(false);
    await app.dispatch('openProtocolConsole', [A1]);
    expect(shell.showConsole).toHaveBeenCalledWith(A1);
    await app.dispatch('setProtocolConsoleRecording', [A1, true]);
    expect([first?.enabled(), second?.enabled()]).toEqual([true, false]);

    const events = app.next('console');
    first?.line({ at: 1, connection: 'NS 1', direction: 'out', text: 'VER 1 MSNP3 MSNP2 CVR0' });
    first?.line({ at: 2, connection: 'NS 1', direction: 'in', text: 'VER 1 MSNP3' });
    expect(await events).toEqual({
      account: A1,
      recording: true,
      firstSeq: 1,
      lines: [
        { seq: 1, at: 1, connection: 'NS 1', direction: 'out', text: 'VER 1 MSNP3 MSNP2 CVR0' },
        { seq: 2, at: 2, connection: 'NS 1', direction: 'in', text: 'VER 1 MSNP3' },
      ],
    });
    expect(await app.dispatch('getProtocolConsole', ['a2'])).toEqual({ ok: true, value: { recording: false, lines: [], firstSeq: 1 } });
    await app.dispatch('clearProtocolConsole', [A1]);
    expect(await app.dispatch('getProtocolConsole', [A1])).toEqual({ ok: true, value: { recording: true, lines: [], firstSeq: 3 } });
  });

  it('tells the account who removed it from their list while it was away', () => {
    const { messenger, notices } = createApp();
    messenger.fire('removedBy', { handle: 'gone@example.com', friendlyName: 'Gone' });
    expect(notices).toEqual([{ kind: 'removed-by', handle: 'gone@example.com', friendlyName: 'Gone' }]);
  });
});
