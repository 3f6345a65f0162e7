import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../shared/errors';
import { FakeMessenger } from '../../test/fixtures/fake-messenger';
import { MessengerApp, type AppShell } from './app-core';
import { openLog } from './app-log';
import { MemorySecretStore } from './secret-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'msn-app-info-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function createApp(options: { logFile?: string; showFolder?: AppShell['showFolder'] } = {}) {
  const messenger = new FakeMessenger();
  const shell: AppShell = { showConversation: vi.fn(), showContactList: vi.fn(), showConsole: vi.fn(), showHistory: vi.fn(), openExternal: vi.fn(), openLink: vi.fn(), ...(options.showFolder && { showFolder: options.showFolder }) };
  const log = options.logFile === undefined ? undefined : openLog({ file: options.logFile });
  const demo = { address: async () => '127.0.0.1:1' };
  const app = new MessengerApp({ dataDir, secrets: new MemorySecretStore(), shell, demo, createMessenger: () => messenger, ...(log && { log }) });
  return { app, messenger };
}

describe('getAppInfo', () => {
  it('names what the app runs on and where its data and log are', async () => {
    const logFile = join(dataDir, 'logs', 'main.log');
    const { app } = createApp({ logFile });
    expect(await app.dispatch('getAppInfo', [])).toEqual({ ok: true, value: { versions: { node: process.versions.node }, dataFolder: dataDir, logFile } });
  });

  it('names Electron and Chromium where the process has them', async () => {
    vi.spyOn(process, 'versions', 'get').mockReturnValue({ ...process.versions, electron: '45.5.0', chrome: '142.0.7444.52' });
    try {
      const result = await createApp().app.dispatch('getAppInfo', []);
      expect(result).toMatchObject({ ok: true, value: { versions: { electron: '45.5.0', chromium: '142.0.7444.52' } } });
      expect(result.ok && result.value.logFile).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('openLogFolder', () => {
  it("shows the log file's folder", async () => {
    const showFolder = vi.fn(async () => {});
    const { app } = createApp({ logFile: join(dataDir, 'logs', 'main.log'), showFolder });
    expect(await app.dispatch('openLogFolder', [])).toEqual({ ok: true, value: undefined });
    expect(showFolder).toHaveBeenCalledWith(join(dataDir, 'logs'));
  });

  it('says so when no log is written, or the shell cannot show folders', async () => {
    expect(await createApp({ showFolder: vi.fn() }).app.dispatch('openLogFolder', [])).toEqual({ ok: false, error: { kind: 'unsupported', reason: 'no-log-file' } });
    expect(await createApp({ logFile: join(dataDir, 'main.log') }).app.dispatch('openLogFolder', [])).toEqual({
      ok: false,
      error: { kind: 'unsupported', reason: 'cannot-show-folders' },
    });
  });
});

describe('the log of a MessengerApp', () => {
  it('holds the sign-in steps, errors and sign-outs of its messenger, and the details of a bug', async () => {
    const logFile = join(dataDir, 'main.log');
    const { app, messenger } = createApp({ logFile });
    const session = (state: 'connecting' | 'online' | 'reconnecting', error?: AppError) =>
      messenger.setState((current) => ({ ...current, session: { ...current.session, state, server: 'msn.example:1863', handle: 'you@x.com', ...(error && { error }) } }));
    session('connecting');
    session('online');
    messenger.fire('signedIn', { handle: 'you@x.com', friendlyName: 'You', dialect: 'MSNP3' });
    session('reconnecting', { kind: 'network', reason: 'connection-lost', detail: { code: 'ECONNRESET' } });
    messenger.fire('error', { kind: 'protocol', reason: 'server-error', code: 217, conversationId: 'c1' });
    messenger.fire('error', { kind: 'network', reason: 'undelivered', detail: { names: ['Bob'], text: 'a secret plan' }, conversationId: 'c1' });
    messenger.fire('message', { conversationId: 'c1', messageId: 'm1', from: 'bob@x.com', fromName: 'Bob', text: 'a private word' });
    messenger.fire('signedOut', { reason: 'elsewhere', error: { kind: 'protocol', reason: 'signed-in-elsewhere' } });
    messenger.failures.set('setIms', new TypeError('x is undefined'));
    await app.dispatch('setIms', ['a1', false]);
    const text = readFileSync(logFile, 'utf8');
    const lines = text.trimEnd().split('\n').map((line) => line.replace(/^\[[^\]]+\] /, ''));
    expect(lines.slice(0, 7)).toEqual([
      '[info]  session: connecting to msn.example:1863 as you@x.com',
      '[info]  session: online',
      '[info]  signed in as you@x.com (MSNP3)',
      '[warn]  session: reconnecting (network connection-lost code=ECONNRESET)',
      '[warn]  error (protocol server-error 217) in conversation c1',
      '[warn]  error (network undelivered names=Bob) in conversation c1',
      '[info]  signed out (elsewhere): protocol signed-in-elsewhere',
    ]);
    expect(lines[7]).toMatch(/^\[error\] setIms failed: TypeError: x is undefined$/);
    expect(text).toContain('    at ');
    expect(text).not.toMatch(/a private word|a secret plan/);
  });
});
