import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from './secret-store';
import { DEFAULT_SETTINGS, SettingsStore } from './settings-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (lines: string[] = []) => new SettingsStore(dir, new MemorySecretStore(), {}, (line) => lines.push(line));

/** A settings file as version 0.1.0 wrote it: no schema version, and the one account's sign-in form at the top. */
const SIGN_IN_FORM = { lastServer: '127.0.0.1:1863', lastHandle: 'you@x.com', rememberPassword: true, autoSignIn: false };
const APP_SETTINGS = { autoIdleMinutes: 12, sounds: false, toasts: true, signInAtStart: false };
const VERSION_1 = { ...APP_SETTINGS, ...SIGN_IN_FORM };
/** What the sign-in form of a file of version 1 or 2 becomes: the first account's. */
const FIRST_ACCOUNT = { accounts: { a1: { ...SIGN_IN_FORM, hasSavedPassword: false, hasProxyPassword: false } } };

describe('SettingsStore', () => {
  it('reads a file from before schema versions (version 1) and writes it back as version 3, its sign-in form the first account\'s', async () => {
    writeFileSync(file, JSON.stringify(VERSION_1));
    const store = open();
    expect(store.settings).toMatchObject({ ...APP_SETTINGS, ...FIRST_ACCOUNT, logMessageText: false, recovered: [] });
    expect(store.settings).not.toHaveProperty('lastHandle');
    await store.update({ sounds: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 3,
      ...DEFAULT_SETTINGS,
      ...APP_SETTINGS,
      accounts: { a1: SIGN_IN_FORM },
      sounds: true,
      logMessageText: false,
    });
    expect(open().settings).toMatchObject({ autoIdleMinutes: 12, sounds: true, accounts: { a1: { lastHandle: 'you@x.com' } } });
  });

  it("writes an account's settings only when they change: a sign-in with the same server and handle does not wait for the disk", async () => {
    const store = open();
    const form = { lastServer: 'messenger.example:1863', lastHandle: 'me@example.com', rememberPassword: false, autoSignIn: false };
    await store.updateAccount('a1', form);
    const written = statSync(file).ino;
    await store.updateAccount('a1', form);
    // Every write makes a new file renamed over the old one.
    expect(statSync(file).ino).toBe(written);
    await store.updateAccount('a1', { ...form, lastHandle: 'other@example.com' });
    expect(statSync(file).ino).not.toBe(written);
    expect(JSON.parse(readFileSync(file, 'utf8')).accounts.a1.lastHandle).toBe('other@example.com');
  });

  it('keeps every account of a file of version 3, and drops an entry that is not an account', () => {
    const a2 = { lastServer: 'demo', lastHandle: 'me@y.com', rememberPassword: false, autoSignIn: false, proxy: { kind: 'socks5', host: '127.0.0.1', port: 1080 } };
    writeFileSync(file, JSON.stringify({ schemaVersion: 3, ...APP_SETTINGS, accounts: { a1: SIGN_IN_FORM, a2, 'not an id': SIGN_IN_FORM } }));
    const store = open();
    expect(store.accountIds).toEqual(['a1', 'a2']);
    expect(store.settings.accounts['a2']).toEqual({ ...a2, hasSavedPassword: false, hasProxyPassword: false });
  });

  it('keeps a damaged file beside it as settings.<time>.bak, starts from the defaults and says so once', async () => {
    writeFileSync(file, '{"autoIdleMinutes": 12, "sounds": fal');
    const lines: string[] = [];
    const store = open(lines);
    const [backup] = readdirSync(dir).filter((name) => name !== 'settings.json');
    expect(backup).toMatch(/^settings\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.bak$/);
    expect(readFileSync(join(dir, backup as string), 'utf8')).toBe('{"autoIdleMinutes": 12, "sounds": fal');
    expect(store.settings).toMatchObject({ ...DEFAULT_SETTINGS, recovered: [{ file: 'settings', backup: join(dir, backup as string) }] });
    expect(lines).toEqual([expect.stringContaining(`kept as ${join(dir, backup as string)}, using defaults`)]);
    expect(store.dismissRecovered().recovered).toEqual([]);
    await store.update({ sounds: false });
    expect(open().settings.recovered).toEqual([]);
  });

  it('costs one bad value only that value', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, ...VERSION_1, autoIdleMinutes: 'soon', logMessageText: 'yes' }));
    expect(open().settings).toMatchObject({ ...APP_SETTINGS, ...FIRST_ACCOUNT, autoIdleMinutes: DEFAULT_SETTINGS.autoIdleMinutes, logMessageText: false, recovered: [] });
  });

  it('tells about a damaged password file too, and about files found later', () => {
    const secrets = Object.assign(new MemorySecretStore(), { recovered: { file: 'passwords', backup: '/x/passwords.bak' } as const });
    const store = new SettingsStore(dir, secrets);
    expect(store.settings.recovered).toEqual([{ file: 'passwords', backup: '/x/passwords.bak' }]);
    expect(store.noteRecovered({ file: 'contact-list' }).recovered).toEqual([{ file: 'passwords', backup: '/x/passwords.bak' }, { file: 'contact-list' }]);
    expect(existsSync(file)).toBe(false);
  });
});
