import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormPages, PAGE_LIFETIME_MS, removeLeftoverPages } from './page-files';
import { renderFormPage } from './page';

const form = {
  action: 'https://login.example/md5auth.srf',
  method: 'POST' as const,
  fields: { auth: 'a', sl: '3', creds: 'derived-from-the-password' },
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'page-files-test-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

const opener = (opened: string[] = []) => async (path: string) => void opened.push(path);

/** Runs a Node process that opens a page under `root` with `script` after it; resolves with its exit code. */
async function runProcess(script: string): Promise<number | null> {
  const module = JSON.stringify(new URL('./page-files.ts', import.meta.url).href);
  const code = `const { FormPages } = await import(${module});
    const pages = new FormPages({ temporaryRoot: ${JSON.stringify(root)}, lifetimeMs: 50 });
    await pages.open(${JSON.stringify(form)}, async () => {});
    ${script}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { stdio: 'inherit' });
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  return exitCode;
}

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['--eval', '']);
  await once(child, 'exit');
  return child.pid as number;
}

describe('the Hotmail page as a file', () => {
  it('is written owner-only in a private directory, opened, and removed once a browser has had time to load it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const opened: string[] = [];
    const path = await new FormPages({ temporaryRoot: root }).open(form, opener(opened));
    expect(opened).toEqual([path]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
    expect(await readFile(path, 'utf8')).toBe(renderFormPage(form));
    await vi.advanceTimersByTimeAsync(PAGE_LIFETIME_MS - 1);
    expect(await readdir(root)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await readdir(root)).toEqual([]));
  });

  it('is removed at once when the browser cannot be opened', async () => {
    await expect(new FormPages({ temporaryRoot: root }).open(form, () => Promise.reject(new Error('no browser')))).rejects.toThrow('no browser');
    expect(await readdir(root)).toEqual([]);
  });

  it('is removed with every other page of its messenger on request (sign-out)', async () => {
    const pages = new FormPages({ temporaryRoot: root });
    await pages.open(form, opener());
    await pages.open(form, opener());
    const others = new FormPages({ temporaryRoot: root });
    await others.open(form, opener());
    await pages.removeAll();
    expect(await readdir(root)).toHaveLength(1);
    await others.removeAll();
    expect(await readdir(root)).toEqual([]);
  });

  it('goes with the process that wrote it, whether it exits early or runs out of work', async () => {
    expect(await runProcess('process.exit(0);')).toBe(0);
    expect(await readdir(root)).toEqual([]);
    expect(await runProcess('')).toBe(0);
    expect(await readdir(root)).toEqual([]);
  });

  it('left behind by a process that was killed, is removed at the next start; pages of running processes stay', async () => {
    const dead = await endedPid();
    const deadWriters = join(root, `msn-hotmail-${dead}-abc123`);
    const running = join(root, `msn-hotmail-${process.ppid}-def456`);
    const olderVersionFresh = join(root, 'msn-hotmail-Qw3rTy');
    const olderVersionStale = join(root, 'msn-hotmail-As5dFg');
    const unrelated = join(root, 'msn-hotmailer');
    for (const directory of [deadWriters, running, olderVersionFresh, olderVersionStale, unrelated]) await mkdir(directory);
    const past = new Date(Date.now() - PAGE_LIFETIME_MS - 1000);
    await utimes(olderVersionStale, past, past);
    const mine = dirname(await new FormPages({ temporaryRoot: root }).open(form, opener()));

    expect(await removeLeftoverPages({ temporaryRoot: root })).toBe(2);
    expect((await readdir(root)).sort()).toEqual([mine, running, olderVersionFresh, unrelated].map((path) => path.slice(root.length + 1)).sort());

    await utimes(running, past, past);
    expect(await removeLeftoverPages({ temporaryRoot: root })).toBe(1);
    expect(await readdir(root)).not.toContain(running.slice(root.length + 1));
  });
});
