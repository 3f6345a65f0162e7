// Runs a bench task (tasks.ts) in a Node process of its own and hands back what it returned: the
// sign-in's rounds run so, in several processes one after another (sign-in.ts says why). The
// task's tables print on the same output as the rest.

import { fork } from 'node:child_process';
import { basename, join } from 'node:path';
import type { TaskName, TaskResult } from './tasks';

const ENTRY = join(import.meta.dirname, 'task-entry.ts');

/** How every bench process of its own runs: collections on demand, TypeScript through tsx. */
export const BENCH_NODE_ARGS: readonly string[] = ['--expose-gc', '--import', 'tsx'];

/** What a bench process sends back: its task's value, or why it failed. */
export type TaskAnswer<T> = { readonly value: T } | { readonly error: string };

/**
 * Runs the script `entry` with `args` in a new process (Node with --expose-gc, TypeScript through
 * tsx), which answers once with a TaskAnswer; resolves with its value, rejects with its error, or
 * when the process ends without answering.
 */
export function runInProcess<T>(entry: string, args: readonly string[]): Promise<T> {
  const label = [basename(entry), ...args].join(' ');
  return new Promise((resolve, reject) => {
    // The structured clone keeps what JSON would not: a NaN figure (a heap not measured that round).
    const child = fork(entry, args, { execArgv: [...BENCH_NODE_ARGS], serialization: 'advanced' });
    let answered = false;
    child.once('message', (answer: TaskAnswer<T>) => {
      answered = true;
      if ('error' in answer) reject(new Error(`${label} failed: ${answer.error}`));
      else resolve(answer.value);
    });
    child.once('error', (error) => {
      answered = true;
      reject(error);
    });
    child.once('exit', (code, signal) => {
      if (!answered) reject(new Error(`${label} ended (${signal ?? `exit code ${code}`}) without an answer`));
    });
  });
}

/** Runs the bench task `task` (tasks.ts) in a process of its own. */
export function inFreshProcess<Name extends TaskName>(task: Name): Promise<TaskResult<Name>> {
  return runInProcess(ENTRY, [task]);
}
