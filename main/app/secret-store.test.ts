import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('starts empty from a corrupt file, and says so', () => {
    writeFileSync(file, '{"you@x.com": 42');
    const lines: string[] = [];
    const store = new SealedFileSecretStore(file, reversing, (line) => lines.push(line));
    expect(store.has('you@x.com')).toBe(false);
    expect(lines).toEqual([`Ignoring unreadable password file ${file}`]);
  });

  it('forgets a password it can no longer unseal instead of failing', async () => {
    await new SealedFileSecretStore(file, reversing).set('you@x.com', 'hunter2');
    const broken: Cipher = { ...reversing, decrypt: () => { throw new Error('key changed'); } };
    expect(new SealedFileSecretStore(file, broken).get('you@x.com')).toBeUndefined();
  });
});
