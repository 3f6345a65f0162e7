// (h) main-heap: the core's heap, in a process of its own, after signing in to the 5000-contact
// account and receiving 50 conversations of 200 messages from online contacts.

import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_NODE_ARGS } from './fresh-process';
import type { HeapCoreReport, HeapCoreRequest } from './heap-core';
import { megabytes, printTable } from './measure';
import { type BenchResult, judge } from './results';
import { CONTACTS, ME, ONLINE, sendMessages, startBenchWorld } from './world';

const CONVERSATIONS = 50;
const MESSAGES = 200;
const MEGABYTE = 1_000_000;

/** Resolves once `child` has exited, or after `ms` (the caller kills it then). */
function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function benchHeap(): Promise<BenchResult> {
  const world = await startBenchWorld();
  const core = fork(join(import.meta.dirname, 'heap-core.ts'), [], { execArgv: [...BENCH_NODE_ARGS], stdio: 'inherit' });
  const reports: HeapCoreReport[] = [];
  let wake: () => void = () => undefined;
  core.on('message', (message: HeapCoreReport) => {
    reports.push(message);
    wake();
  });
  core.on('exit', () => wake());
  const next = async (): Promise<HeapCoreReport> => {
    while (reports.length === 0) {
      if (core.exitCode !== null) throw new Error(`The core process exited (${core.exitCode}) before reporting`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const message = reports.shift() as HeapCoreReport;
    if (message.step === 'failed') throw new Error(`The core process failed: ${message.message}`);
    return message;
  };
  const switchboards = [];
  try {
    const request: HeapCoreRequest = { ...ME, address: world.address, contacts: CONTACTS, online: ONLINE, conversations: CONVERSATIONS, messages: MESSAGES };
    core.send(request);
    await next();
    for (const contact of world.online.slice(0, CONVERSATIONS)) switchboards.push(await sendMessages(world.server, contact, ME.handle, MESSAGES));
    const done = await next();
    if (done.step !== 'done') throw new Error(`Unexpected report from the core process: ${done.step}`);
    // The core then signs out and removes its data folder: it is let finish (killing it left the folder behind).
    await exited(core, 10_000);
    printTable(`(h) The core's heap in a process of its own (after a full collection)`, ['moment', 'heap used'], [
      ['modules loaded, nothing made', megabytes(done.baselineBytes)],
      [`signed in (${CONTACTS.toLocaleString('en-US')} contacts), ${CONVERSATIONS} conversations × ${MESSAGES} messages`, megabytes(done.heapBytes)],
    ]);
    return judge(
      { name: 'main-heap', value: done.heapBytes / MEGABYTE, unit: 'MB', detail: `${megabytes(done.baselineBytes)} of it before the core was made` },
      { atMost: 60 },
    );
  } finally {
    await Promise.all(switchboards.map((switchboard) => switchboard.close()));
    if (core.exitCode === null) core.kill();
    await world.close();
  }
}
