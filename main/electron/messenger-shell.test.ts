import { DemoServer } from '../app/demo-server';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../shared/commands';
import { eventChannel, type SignInRequest } from '../../shared/ipc';
import { FakeMessenger } from '../../test/fixtures/fake-messenger';
import { BrowserWindow, FakeWebContents, Menu, Notification, Tray, app, ipcMain, powerMonitor, resetFakeElectron, safeStorage, session, shell } from './fake-electron';
import { openLog } from '../app/app-log';
import { startMessengerApp } from './messenger-shell';
import { SYSTEM_IDLE_POLL_MS } from './system-activity';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../client/messenger', async () => ({ Messenger: (await import('../../test/fixtures/fake-messenger')).FakeMessenger }));

const APP_PAGE = 'file:///opt/msn-messenger/out/renderer/index.html#/contacts';

let userData: string;
beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'msn-electron-'));
  app.userData = userData;
});
afterEach(() => {
  vi.useRealTimers();
  for (const window of BrowserWindow.getAllWindows()) window.close();
  rmSync(userData, { recursive: true, force: true });
});

function start() {
  const messengerApp = startMessengerApp(new DemoServer(() => Promise.reject(new Error('The demo is not part of this test.'))));
  const messenger = messengerApp.account('a1')?.messenger as FakeMessenger;
  return { messengerApp, messenger };
}

function ourWindow(): BrowserWindow {
  const window = new BrowserWindow({});
  window.webContents.mainFrame.url = APP_PAGE;
  return window;
}

async function invoke(name: string, window: BrowserWindow, ...args: unknown[]) {
  const listener = ipcMain.handlers.get(`msn:${name}`);
  if (!listener) throw new Error(`no handler for ${name}`);
  return await listener({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args);
}

function eventsSentTo(contents: FakeWebContents, name: string): unknown[] {
  return contents.send.mock.calls.filter(([channel]) => channel === eventChannel(name as 'patch')).map(([, payload]) => payload);
}

describe('the messenger in Electron', () => {
  it('handles every command of the contract, for our own windows only', async () => {
    const { messenger } = start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map((name) => `msn:${name}`).sort());
    await expect(invoke('setStatus', ourWindow(), 'a1', 'BSY')).resolves.toEqual({ ok: true, value: undefined });
    expect(messenger.callsTo('setStatus')).toEqual([['BSY']]);
    const stranger = new BrowserWindow({});
    stranger.webContents.mainFrame.url = 'https://evil.example/';
    await expect(invoke('setStatus', stranger, 'a1', 'AWY')).rejects.toThrow(/refused/);
    // A bad argument is answered as in every shell: the core's input error, not a thrown IPC error.
    await expect(invoke('setStatus', ourWindow(), 'a1', 'nope')).resolves.toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(messenger.callsTo('setStatus')).toHaveLength(1);
  });

  it('sends each window a snapshot once its page has loaded, and patches to all', async () => {
    const { messenger } = start();
    const window = ourWindow();
    app.emit('browser-window-created', {}, window);
    window.webContents.emit('did-finish-load');
    expect(eventsSentTo(window.webContents, 'snapshot')).toEqual([expect.objectContaining({ state: messenger.state })]);
    messenger.setState((state) => ({ ...state, privacy: { mode: 'BL', addedAlert: 'A' } }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(eventsSentTo(window.webContents, 'patch')).toEqual([{ account: 'a1', patch: { privacy: { mode: 'BL', addedAlert: 'A' } } }]);
  });

  it('opens an incoming conversation without taking the focus, and leaves it when its window closes', async () => {
    const { messenger } = start();
    messenger.fire('message', { conversationId: 'c3', messageId: 'm1', from: 'bob@x.com', fromName: 'Bob', text: 'hi there' });
    const window = BrowserWindow.getAllWindows().find((candidate) => String(candidate.loadURL.mock.calls[0]?.[0]).endsWith('#/conversation/a1/c3'));
    if (!window) throw new Error('no conversation window');
    window.emit('ready-to-show');
    expect(window.showInactive).toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    window.close();
    await vi.waitFor(() => expect(messenger.callsTo('closeConversation')).toEqual([['c3']]));
  });

  it('shows the notification the contact-list window words, silently, only while none of its windows has the focus', async () => {
    start();
    const focused = ourWindow();
    focused.focused = true;
    await invoke('notify', focused, { title: 'MSN Messenger', body: 'Bob says: hi' });
    expect(Notification.shown).toEqual([]);
    focused.focused = false;
    await invoke('notify', ourWindow(), { title: 'MSN Messenger', body: 'Bob says: hi' });
    expect(Notification.shown).toEqual([{ title: 'MSN Messenger', body: 'Bob says: hi', silent: true }]);
    await expect(invoke('notify', ourWindow(), { title: '', body: 'x' })).resolves.toMatchObject({ ok: false, error: { kind: 'input' } });
  });

  it('checks spelling in the language chosen for the contact of the conversation window in front', async () => {
    const { messengerApp } = start();
    expect(messengerApp.snapshot().settings.spellCheckLanguages).toEqual(['en-US', 'en-GB', 'fr', 'de']);
    await invoke('signIn', ourWindow(), 'a1', { server: '127.0.0.1:1863', handle: 'you@example.com', password: 'pw', status: 'NLN', rememberPassword: false, autoSignIn: false });
    await invoke('openConversation', ourWindow(), 'a1', 'bob@x.com');
    const chat = BrowserWindow.getAllWindows().at(-1) as BrowserWindow;
    expect(chat.webContents.getURL()).toMatch(/#\/conversation\/a1\/c1$/);
    app.emit('browser-window-focus', {}, chat);
    expect(session.defaultSession.setSpellCheckerLanguages).not.toHaveBeenCalled();
    chat.focused = true;
    await invoke('setContactPreferences', ourWindow(), 'a1', 'bob@x.com', { alertOnSignIn: false, sound: 'default', spellCheckLanguage: 'fr' });
    expect(session.defaultSession.spellCheckerLanguages).toEqual(['fr']);
    chat.focused = false;
    const list = ourWindow();
    app.emit('browser-window-focus', {}, list);
    expect(session.defaultSession.spellCheckerLanguages).toEqual(['en-US']);
    await invoke('setContactPreferences', ourWindow(), 'a1', 'bob@x.com', { alertOnSignIn: false, sound: 'default', spellCheckLanguage: 'xx-YY' });
    app.emit('browser-window-focus', {}, chat);
    expect(session.defaultSession.spellCheckerLanguages).toEqual(['en-US']);
  });

  it('offers the checker’s suggestions for a misspelt word, and nothing elsewhere', () => {
    start();
    const window = ourWindow();
    app.emit('browser-window-created', {}, window);
    const click = (params: object) => window.webContents.emit('context-menu', {}, { isEditable: true, misspelledWord: '', dictionarySuggestions: [], ...params });
    click({ isEditable: false, misspelledWord: 'helo' });
    click({ misspelledWord: '' });
    expect(Menu.shown).toEqual([]);
    click({ misspelledWord: 'helo', dictionarySuggestions: ['hello', 'help'] });
    const labels = Menu.shown[0]?.items.map((item) => item.label ?? item.type);
    expect(labels).toEqual(['hello', 'help', 'separator', 'Add to Dictionary']);
    Menu.shown[0]?.items[0]?.click?.();
    Menu.shown[0]?.items[3]?.click?.();
    expect(window.webContents.replaceMisspelling).toHaveBeenCalledWith('hello');
    expect(session.defaultSession.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('helo');
  });

  it('opens a link in the system browser or mail client, checked first', async () => {
    start();
    await invoke('openLink', ourWindow(), 'https://example.com/a');
    await invoke('openLink', ourWindow(), 'mailto:bob@example.com');
    await expect(invoke('openLink', ourWindow(), 'file:///etc/passwd')).resolves.toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a'], ['mailto:bob@example.com']]);
  });

  it('opens a conversation the user asks for in a focused window', async () => {
    start();
    const result = await invoke('openConversation', ourWindow(), 'a1', 'bob@x.com');
    expect(result).toEqual({ ok: true, value: 'c1' });
    const window = BrowserWindow.getAllWindows().at(-1);
    expect(window?.loadURL).toHaveBeenCalledWith(expect.stringMatching(/#\/conversation\/a1\/c1$/));
  });

  it("hands Passport form files and web pages to the user's browser, nothing else", async () => {
    const { messenger } = start();
    const open = async (pathOrUrl: string) => messenger.options?.openExternal(pathOrUrl);
    await open('/tmp/msn-hotmail-x/hotmail.html');
    await open('https://mail.example.com/');
    await open('javascript:alert(1)');
    expect(shell.openExternal.mock.calls).toEqual([['file:///tmp/msn-hotmail-x/hotmail.html'], ['https://mail.example.com/']]);
  });

  /** A sign-in that asks to remember the password. */
  const REMEMBERING: SignInRequest = {
    server: '127.0.0.1:1863',
    handle: 'you@example.com',
    password: 'hunter2',
    status: 'NLN',
    rememberPassword: true,
    autoSignIn: false,
  };

  it('keeps a remembered password sealed by safeStorage, never in the clear', async () => {
    start();
    await expect(invoke('signIn', ourWindow(), 'a1', REMEMBERING)).resolves.toEqual({ ok: true, value: undefined });
    const stored = readFileSync(join(userData, 'passwords.json'), 'utf8');
    expect(stored).toContain('you@example.com');
    expect(stored).not.toContain('hunter2');
    ipcMain.handlers.clear();
    const reopened = start();
    expect(reopened.messengerApp.snapshot().settings.accounts['a1']?.hasSavedPassword).toBe(true);
  });

  it.each(['basic_text', 'unknown'] as const)(
    'does not offer to remember the password where safeStorage would seal it with %s, and removes one sealed so before',
    async (backend) => {
      safeStorage.backend = backend;
      writeFileSync(join(userData, 'passwords.json'), JSON.stringify({ 'you@example.com': 'c2VhbGVk' }));
      const { messengerApp } = start();
      expect(messengerApp.snapshot().settings).toMatchObject({ passwordStorage: 'none', accounts: { a1: { hasSavedPassword: false, rememberPassword: false } } });
      expect(existsSync(join(userData, 'passwords.json'))).toBe(false);
      await expect(invoke('signIn', ourWindow(), 'a1', { ...REMEMBERING, autoSignIn: true })).resolves.toEqual({ ok: true, value: undefined });
      expect(existsSync(join(userData, 'passwords.json'))).toBe(false);
      expect(messengerApp.snapshot().settings).toMatchObject({ accounts: { a1: { rememberPassword: false, autoSignIn: false, hasSavedPassword: false } } });
      expect(readFileSync(join(userData, 'settings.json'), 'utf8')).toContain('"rememberPassword": false');
    },
  );

  it('seals remembered passwords with a real keyring, and says so', () => {
    safeStorage.backend = 'kwallet6';
    expect(start().messengerApp.snapshot().settings.passwordStorage).toBe('keyring');
  });

  it('signs out before the app quits', async () => {
    const { messenger } = start();
    await invoke('signIn', ourWindow(), 'a1', { server: '127.0.0.1:1863', handle: 'you@example.com', password: 'pw', status: 'NLN', rememberPassword: false, autoSignIn: false });
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(messenger.callsTo('signOut')).toEqual([[]]);
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('counts input in other apps as activity, from the system idle time, for auto-idle', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { messenger } = start();
    powerMonitor.idleSeconds = 3;
    await vi.advanceTimersByTimeAsync(SYSTEM_IDLE_POLL_MS);
    expect(messenger.callsTo('reportActivity')).toEqual([[]]);
    powerMonitor.idleSeconds = 20;
    await vi.advanceTimersByTimeAsync(SYSTEM_IDLE_POLL_MS);
    expect(messenger.callsTo('reportActivity')).toHaveLength(1);
    powerMonitor.idleSeconds = 0;
    await vi.advanceTimersByTimeAsync(SYSTEM_IDLE_POLL_MS);
    expect(messenger.callsTo('reportActivity')).toHaveLength(2);
  });

  it('runs at login when the user asks for it', async () => {
    start();
    await invoke('saveSettings', ourWindow(), { signInAtStart: true });
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('shows every account and how it appears in the tray, with a submenu each to set its status or sign it out', async () => {
    const { messengerApp, messenger } = start();
    const tray = Tray.trays[0];
    expect(tray?.toolTip).toBe('MSN Messenger\nNot signed in');
    const submenu = (index: number) => tray?.contextMenu?.items[index]?.submenu ?? [];
    const item = (index: number, label: string) => submenu(index).find((entry) => entry.label === label);
    expect(item(0, 'Sign Out')?.enabled).toBe(false);
    messenger.setState((state) => ({ ...state, session: { ...state.session, state: 'online', handle: 'ann@example.com', friendlyName: 'Ann', status: 'BRB' } }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(tray?.toolTip).toBe('MSN Messenger\nann@example.com (Be Right Back)');
    expect(item(0, 'Be Right Back')?.checked).toBe(true);
    item(0, 'Busy')?.click?.();
    await vi.waitFor(() => expect(messenger.callsTo('setStatus')).toEqual([['BSY']]));

    tray?.contextMenu?.items.find((entry) => entry.label === 'Sign In with Another Account…')?.click?.();
    await vi.waitFor(() => expect(messengerApp.accountIds).toEqual(['a1', 'a2']));
    expect(tray?.toolTip).toBe('MSN Messenger\nann@example.com (Be Right Back)\nNot signed in');
    const second = BrowserWindow.getAllWindows().find((window) => String(window.loadURL.mock.calls[0]?.[0]).endsWith('#/contacts/a2'));
    expect(second).toBeDefined();

    item(0, 'Sign Out')?.click?.();
    await vi.waitFor(() => expect(messenger.callsTo('signOut')).toEqual([[]]));
    // Closing the new account's window closes the account (its settings written before the test's folder goes).
    second?.close();
    await vi.waitFor(() => expect(messengerApp.accountIds).toEqual(['a1']));
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).accounts).not.toHaveProperty('a2'));
  });

  it("closes a signed-out extra account with its window, but keeps the first one and every account while quitting", async () => {
    const { messengerApp } = start();
    const windowOf = (account: string) =>
      BrowserWindow.getAllWindows().find((window) => String(window.loadURL.mock.calls[0]?.[0]).endsWith(`#/contacts/${account}`));
    await messengerApp.dispatch('addAccount', []);
    await messengerApp.dispatch('addAccount', []);
    windowOf('a2')?.close();
    await vi.waitFor(() => expect(messengerApp.accountIds).toEqual(['a1', 'a3']));
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).accounts).not.toHaveProperty('a2'));
    windowOf('a1')?.close();
    app.emit('before-quit', { preventDefault: vi.fn() });
    windowOf('a3')?.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(messengerApp.accountIds).toEqual(['a1', 'a3']);
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).accounts).toHaveProperty('a3');
  });

  it('starts from defaults when its settings and passwords files are damaged, keeps them beside, and tells the windows once', async () => {
    writeFileSync(join(userData, 'settings.json'), '{"sounds": false,');
    writeFileSync(join(userData, 'passwords.json'), '\u0000\u0000');
    const { messengerApp } = start();
    const backups = readdirSync(userData).filter((name) => name.endsWith('.bak')).sort();
    expect(backups).toEqual([expect.stringMatching(/^passwords\..+\.bak$/), expect.stringMatching(/^settings\..+\.bak$/)]);
    expect(messengerApp.snapshot().settings).toMatchObject({
      sounds: true,
      recovered: [
        { file: 'settings', backup: join(userData, backups[1] as string) },
        { file: 'passwords', backup: join(userData, backups[0] as string) },
      ],
    });
    await expect(invoke('dismissRecovered', ourWindow())).resolves.toMatchObject({ ok: true, value: { recovered: [] } });
  });

  it('migrates a password file of version 1, sealed as before', async () => {
    writeFileSync(join(userData, 'passwords.json'), JSON.stringify({ 'you@example.com': safeStorage.encryptString('hunter2').toString('base64') }));
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ lastHandle: 'you@example.com', rememberPassword: true }));
    const { messengerApp } = start();
    expect(messengerApp.snapshot().settings).toMatchObject({ accounts: { a1: { lastHandle: 'you@example.com', hasSavedPassword: true } }, recovered: [], logMessageText: false });
  });

  it('opens the log folder in the file manager, and says when it cannot', async () => {
    const { messengerApp } = startMessengerAppWithLog();
    await expect(invoke('openLogFolder', ourWindow())).resolves.toEqual({ ok: true, value: undefined });
    expect(shell.openPath).toHaveBeenCalledWith(join(userData, 'logs'));
    shell.openPath.mockResolvedValueOnce('No application knows how to open it');
    expect(await messengerApp.dispatch('openLogFolder', [])).toEqual({
      ok: false,
      error: { kind: 'unsupported', reason: 'folder-unavailable', detail: { folder: join(userData, 'logs') } },
    });
  });
});

function startMessengerAppWithLog() {
  const log = openLog({ file: join(userData, 'logs', 'main.log') });
  const messengerApp = startMessengerApp(new DemoServer(() => Promise.reject(new Error('The demo is not part of this test.'))), { log });
  return { messengerApp };
}
