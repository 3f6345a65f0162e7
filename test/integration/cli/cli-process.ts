// A CLI child process (node with the tsx loader) for the end-to-end CLI tests: its JSON events as
// they are printed, and lines to its stdin.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type CliEvent = { event: string } & Record<string, unknown>;

export class CliProcess {
  readonly events: CliEvent[] = [];
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.events.push(JSON.parse(line) as CliEvent);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Resolves with the first event (already printed or still to come) matching `predicate`. */
  waitFor(predicate: (event: CliEvent) => boolean): Promise<CliEvent> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.events.find(predicate);
        if (!found) return;
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
      check();
    });
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }
}

/** Starts `npm run cli` with these arguments; `env` adds to (or overrides) the test's environment. */
export function startCli(args: readonly string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  return new CliProcess(child);
}
