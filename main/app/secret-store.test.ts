import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealedFileSecretStore, type Cipher } from './secret-store';

const reversing: Cipher = {
  encrypt: (plain) => Buffer.from([...plain].reverse().join('')),
  decrypt: (sealed) => [...sealed.toString()].reverse().join(''),
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-secrets-'));
  file = join(dir, 'passwords.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SealedFileSecretStore', () => {
  it('keeps sealed passwords in an owner-only file that a new store reads back', async () => {
    await new SealedFileSecretStore(file, reversing).set('you@x.com', 'hunter2');
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const reopened = new SealedFileSecretStore(file, reversing);
    expect(reopened.get('you@x.com')).toBe('hunter2');
    await reopened.delete('you@x.com');
    expect(new SealedFileSecretStore(file, reversing).has('you@x.com')).toBe(false);
  });

  it('starts empty from a damaged file, kept beside it, and says so', () => {
    writeFileSync(file, '{"you@x.com": 42');
    const lines: string[] = [];
    const store = new SealedFileSecretStore(file, reversing, (line) => lines.push(line));
    expect(store.has('you@x.com')).toBe(false);
    const [backup] = readdirSync(dir);
    expect(backup).toMatch(/^passwords\..+\.bak$/);
    expect(readFileSync(join(dir, backup as string), 'utf8')).toBe('{"you@x.com": 42');
    expect(store.recovered).toEqual({ file: 'passwords', backup: join(dir, backup as string) });
    expect(lines).toEqual([expect.stringContaining(`The passwords file ${file} could not be read`)]);
  });

  it('reads the file of version 1 (the map of handles alone) and writes version 2', async () => {
    writeFileSync(file, JSON.stringify({ 'you@x.com': reversing.encrypt('hunter2').toString('base64') }));
    const store = new SealedFileSecretStore(file, reversing);
    expect(store.get('you@x.com')).toBe('hunter2');
    expect(store.recovered).toBeUndefined();
    await store.set('me@x.com', 'pw');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['schemaVersion', 'sealed']);
    expect(new SealedFileSecretStore(file, reversing).get('you@x.com')).toBe('hunter2');
  });

  it('forgets a password it can no longer unseal instead of failing', async () => {
    await new SealedFileSecretStore(file, reversing).set('you@x.com', 'hunter2');
    const broken: Cipher = { ...reversing, decrypt: () => { throw new Error('key changed'); } };
    expect(new SealedFileSecretStore(file, broken).get('you@x.com')).toBeUndefined();
  });
});
