import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_ARCHIVES, archiveOf, openLog } from './app-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openLog', () => {
  it('writes timestamped lines with their level to an owner-only file in an owner-only folder', () => {
    const file = join(dir, 'logs', 'main.log');
    const log = openLog({ file });
    log.info('session: connecting');
    log.error('could not do it');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}session: connecting$/),
      expect.stringMatching(/\[error\] could not do it$/),
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
    expect(log.file).toBe(file);
  });

  it('makes a log file someone else could read owner-only before writing to it', () => {
    const file = join(dir, 'main.log');
    writeFileSync(file, 'an older line\n', { mode: 0o644 });
    openLog({ file }).info('next');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^an older line\n.*next\n$/);
  });

  it('masks every secret the wire-log rules know, whoever wrote the line', () => {
    const file = join(dir, 'main.log');
    const log = openLog({ file });
    log.info('C: USR 7 MD5 S c36a4dec1c6bf5af4f5284f19345d3dc');
    log.warn('form https://login.example/?creds=0123abcd&k2=ffee');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('USR 7 MD5 S [hidden]');
    expect(text).toContain('creds=[hidden]&k2=[hidden]');
    expect(text).not.toMatch(/c36a4dec|0123abcd|ffee/);
  });

  it(`rotates at its size, keeping ${LOG_ARCHIVES} older files, so it never holds more than a few times that`, () => {
    const file = join(dir, 'main.log');
    const maxBytes = 4096;
    const log = openLog({ file, maxBytes });
    for (let i = 0; i < 400; i += 1) log.info(`line ${i} ${'x'.repeat(60)}`);
    const files = [file, archiveOf(file, 1), archiveOf(file, 2)];
    for (const kept of files) {
      expect(existsSync(kept), kept).toBe(true);
      expect(statSync(kept).size).toBeLessThanOrEqual(maxBytes + 200);
      expect(statSync(kept).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(archiveOf(file, 3))).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('line 399 ');
    // The newest older file continues where the oldest one ends.
    const lastOf = (path: string) => Number(/line (\d+) x+\n$/.exec(readFileSync(path, 'utf8'))?.[1]);
    const firstOf = (path: string) => Number(/line (\d+) /.exec(readFileSync(path, 'utf8'))?.[1]);
    expect(firstOf(archiveOf(file, 1))).toBe(lastOf(archiveOf(file, 2)) + 1);
    expect(firstOf(file)).toBe(lastOf(archiveOf(file, 1)) + 1);
  });

  it('writes nothing to disk without a file', () => {
    const log = openLog({});
    log.info('nowhere');
    expect(log.file).toBeUndefined();
  });
});

describe('openLog with a file it cannot write', () => {
  it('says which file and why', () => {
    expect(() => openLog({ file: dir })).toThrow(`Cannot write the log file ${dir}: EISDIR`);
  });
});
