// The CLI as a child process (node with the tsx loader), with its own data directory, for the
// integration tests: its JSON events as they come, and lines to its stdin.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';

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

/** A `start` that runs the CLI with the given arguments; everything it started is gone after each test. */
export function useCliProcesses(): (args: string[], env?: Record<string, string>) => Promise<CliProcess> {
  const dataDirs: string[] = [];
  const children: CliProcess[] = [];
  afterEach(async () => {
    for (const cli of children.splice(0)) cli.child.kill();
    await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (args, env = {}) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'msn-cli-'));
    dataDirs.push(dataDir);
    const cli = startCli(args, { MSN_DATA_DIR: dataDir, ...env });
    children.push(cli);
    return cli;
  };
}
