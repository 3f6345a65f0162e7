import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MS, LOG_ARCHIVES, archiveOf, openLog } from './app-log';

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
    const log = openLog({ file });
    log.info('next');
    log.flush();
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
    // A line a turn, as a quiet session logs.
    for (let i = 0; i < 400; i += 1) {
      log.info(`line ${i} ${'x'.repeat(60)}`);
      log.flush();
    }
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

  it(`holds info lines for ${HOLD_MS} ms and writes them together, each with its prefix`, async () => {
    const file = join(dir, 'main.log');
    const log = openLog({ file });
    const started = Date.now();
    log.info('S: LST 7 FL 12 1 3 a@example.com A');
    log.info('S: LST 7 FL 12 2 3 b@example.com B');
    expect(readFileSync(file, 'utf8')).toBe('');
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).not.toBe(''));
    expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS - 5);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}S: LST 7 FL 12 1 3 a@example\.com A$/),
      expect.stringMatching(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}S: LST 7 FL 12 2 3 b@example\.com B$/),
    ]);
  });

  it('writes what it holds before a warning or an error, so the file keeps the order of the lines', () => {
    const file = join(dir, 'main.log');
    const log = openLog({ file });
    log.info('first');
    log.warn('second');
    log.info('third');
    log.error('fourth');
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => line.replace(/^\[[^\]]+\] \[\w+\] +/, ''))).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ]);
  });

  it('writes a burst in pieces of at most 16 KiB, so it never holds much', () => {
    const file = join(dir, 'main.log');
    const log = openLog({ file });
    const line = (i: number): string => `S: LST 7 FL 12 ${i} 1000 contact${i}@example.com Contact%20${i}`;
    let logged = 0;
    for (let i = 0; i < 1000; i += 1) {
      log.info(line(i));
      logged += line(i).length + 1;
      const written = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
      // What is held is what is not in the file yet: never more than a piece.
      const held = [...Array(i + 1 - written).keys()].reduce((sum, k) => sum + line(written + k).length, 0);
      expect(held).toBeLessThan(16 * 1024);
    }
    expect(readFileSync(file, 'utf8')).not.toContain('contact999@');
    log.flush();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines.map((text) => text.replace(/^\[[^\]]+\] \[info\] {2}/, ''))).toEqual(Array.from({ length: 1000 }, (_, i) => line(i)));
    expect(logged).toBeGreaterThan(3 * 16 * 1024);
  });

  it('writes what it holds when the process exits', async () => {
    const file = join(dir, 'main.log');
    const script = `import { openLog } from ${JSON.stringify(join(import.meta.dirname, 'app-log.ts'))};
const log = openLog({ file: ${JSON.stringify(file)} });
log.info('the last line before exit');
process.exit(0);`;
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], (error) => (error ? reject(error) : resolve())),
    );
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\] {2}the last line before exit\n$/);
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
