// A process killed with SIGKILL in the middle of writing history loses at most the message it was
// writing, and what was committed before stays readable and whole: SQLite's rollback journal
// undoes the half-written transaction on the next open, and the lock the dead process left is
// cleared because its owner is gone.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryDatabase } from '../../../main/app/history/database';
import { historyFile } from '../../../main/app/history/files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the appender at message `first`, kills it once it has committed `commits` more, and returns the last number it announced. */
async function appendAndKill(file: string, first: number, commits: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'append-until-killed.ts'), file, String(first)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let last = first - 1;
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const drained = new Promise<void>((resolve) => lines.on('close', resolve));
  lines.on('line', (line) => {
    last = Number(line);
    if (last - first + 1 === commits) child.kill('SIGKILL');
  });
  expect(await exited).toBe('SIGKILL');
  // Lines already in the pipe when it died are still read: `last` is the last commit it announced.
  await drained;
  return last;
}

describe('history after a crash', () => {
  it('loses at most the message being written when killed with SIGKILL, three times over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msn-history-crash-'));
    dirs.push(dir);
    const file = historyFile(dir, 'me@example.com');
    let next = 1;
    for (let round = 0; round < 3; round += 1) {
      const announced = await appendAndKill(file, next, 60);
      const { database, setAsideAs } = HistoryDatabase.open(file);
      try {
        expect(setAsideAs).toBeUndefined();
        const kept = database.conversation('crash')?.messages ?? [];
        // Every announced commit is there; at most the one it was writing when killed is too.
        expect(kept.length === announced || kept.length === announced + 1).toBe(true);
        expect(kept.map((message) => message.id)).toEqual(Array.from({ length: kept.length }, (_, index) => `m${index + 1}`));
        expect(kept.every((message, index) => message.text === `message ${index + 1} ${'lorem ipsum dolor '.repeat(400)}`)).toBe(true);
        expect(database.search(`message ${announced}`).hits.length).toBeGreaterThan(0);
        next = kept.length + 1;
      } finally {
        database.close();
      }
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});
