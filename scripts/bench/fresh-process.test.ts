// The bench's processes of their own: what one sends back arrives whole (a NaN figure included),
// and a process that fails, or ends without answering, is an error that says so.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inFreshProcess, runInProcess } from './fresh-process';
import type { TaskName } from './tasks';

const root = mkdtempSync(join(tmpdir(), 'msn-bench-process-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A script that runs `body` as a bench process would. */
function script(name: string, body: string): string {
  const file = join(root, name);
  writeFileSync(file, body);
  return file;
}

// Each process loads tsx first; on a busy machine that takes a few seconds.
describe('a bench process of its own', { timeout: 30_000 }, () => {
  it('hands back what its task returned, NaN figures included', async () => {
    const entry = script('answers.mjs', "process.send({ value: { rounds: [1.5, 2], heap: NaN, task: process.argv[2] } }, () => process.exit(0));\n");
    await expect(runInProcess(entry, ['rounds'])).resolves.toEqual({ rounds: [1.5, 2], heap: Number.NaN, task: 'rounds' });
  });

  it('rejects with the error its task failed with', async () => {
    const entry = script('fails.mjs', "process.send({ error: 'Expected 5000 contacts, got 12' }, () => process.exit(1));\n");
    await expect(runInProcess(entry, [])).rejects.toThrow('fails.mjs failed: Expected 5000 contacts, got 12');
  });

  it('rejects when the process ends without answering', async () => {
    const entry = script('silent.mjs', 'process.exit(3);\n');
    await expect(runInProcess(entry, ['x'])).rejects.toThrow('silent.mjs x ended (exit code 3) without an answer');
  });

  it('names the tasks there are when asked for one that is not', async () => {
    await expect(inFreshProcess('no-such-task' as TaskName)).rejects.toThrow('Unknown task "no-such-task". Tasks: sign-in-rounds');
  });
});
