// A bench process of its own (fresh-process.ts): runs the task its argument names and sends back
// what it returned, or why it failed, then exits without waiting for timers the task left behind.

import type { TaskAnswer } from './fresh-process';
import { TASKS, isTaskName } from './tasks';

function answer(message: TaskAnswer<unknown>, code: number): void {
  if (!process.send) {
    console.error('task-entry.ts runs as a child of fresh-process.ts (it answers over IPC)');
    process.exit(2);
  }
  process.send(message, () => process.exit(code));
}

const name = process.argv[2] ?? '';
try {
  if (!isTaskName(name)) throw new Error(`Unknown task "${name}". Tasks: ${Object.keys(TASKS).join(', ')}`);
  answer({ value: await TASKS[name]() }, 0);
} catch (error) {
  answer({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 1);
}
