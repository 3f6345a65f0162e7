import { lstat, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriter } from './atomic-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msn-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('AtomicWriter', () => {
  it('keeps the last of many quick writes whole, leaving no temporary file', async () => {
    const writer = new AtomicWriter();
    const file = join(dir, 'nested', 'settings.json');
    await Promise.all(Array.from({ length: 20 }, (_, index) => writer.write(file, JSON.stringify({ index, padding: 'x'.repeat(10_000) }))));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ index: 19 });
    expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
  });

  it('writes owner-only files in an owner-only directory', async () => {
    const file = join(dir, 'private', 'passwords.json');
    await new AtomicWriter().write(file, '{}');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700);
  });

  it('goes on after a failed write, and flush waits for both', async () => {
    const writer = new AtomicWriter();
    const blocked = join(dir, 'file-not-dir');
    await writer.write(blocked, 'a file');
    const failed = writer.write(join(blocked, 'child.json'), '{}');
    const next = writer.write(join(dir, 'after.json'), '"ok"');
    await expect(failed).rejects.toThrow();
    await writer.flush();
    await next;
    expect(await readFile(join(dir, 'after.json'), 'utf8')).toBe('"ok"');
  });
});

describe('AtomicWriter in a folder someone else could write to', () => {
  it('never follows a symlink planted where a temporary file might go', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'precious');
    const file = join(dir, 'settings.json');
    for (const guess of [`${file}.${process.pid}.tmp`, `${file}.tmp`, `${file}~`]) await symlink(victim, guess);
    await new AtomicWriter().write(file, '{"saved":true}');
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(file, 'utf8')).toBe('{"saved":true}');
  });

  it('replaces a symlink planted at the file itself rather than writing through it', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'precious');
    const file = join(dir, 'settings.json');
    await symlink(victim, file);
    await new AtomicWriter().write(file, '{}');
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect((await lstat(file)).isSymbolicLink()).toBe(false);
  });
});
