// The campaign: lanes (each a notification session and a conversation on its own fuzz server) take
// cases in index order until the requested number of lines has been sent. A case fails when the
// client does not go on and does not end with a sentence: a hang, an exception that escapes, an
// unhandled rejection, a framer that throws; and the heap is checked every `memoryCheckEvery` cases.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FuzzCase, type FuzzTarget, describeLines, generateCase } from './generate';
import { NotificationLane, type LaneTimeouts } from './ns-lane';
import { FuzzProblem } from './outcome';
import { SwitchboardLane } from './sb-lane';
import { type FramerReport, FuzzServer } from './server';

export interface FuzzOptions {
  readonly seed: number;
  /** Stop once this many lines have been sent. */
  readonly lines: number;
  /** Run only these cases, in this order, on one fresh lane: to replay a failure with what led to it. */
  readonly only?: readonly number[];
  readonly lanes?: number;
  readonly memoryCheckEvery?: number;
  /** Heap growth over the first check that counts as memory growing without bound. */
  readonly memoryGrowthLimitBytes?: number;
  readonly timeouts?: Partial<LaneTimeouts>;
  readonly report?: (line: string) => void;
  /** The clients' own logs, wire lines included (for replaying a failure). */
  readonly clientLog?: (line: string) => void;
}

export interface FuzzFailure {
  /** The case, or undefined for a process-wide problem (an unhandled rejection while several ran). */
  readonly index?: number;
  /** The cases its session or conversation had been through before it, oldest first. */
  readonly history?: readonly number[];
  readonly target?: FuzzTarget;
  readonly reason: string;
  readonly lines: readonly string[];
}

export interface FuzzResult {
  readonly seed: number;
  readonly lines: number;
  readonly cases: number;
  readonly failures: readonly FuzzFailure[];
  /** How the cases ended, by target and outcome. */
  readonly outcomes: Readonly<Record<string, number>>;
}

const DEFAULT_TIMEOUTS: LaneTimeouts = { requestMs: 5_000, caseMs: 30_000 };
const MiB = 1024 * 1024;

interface Lane {
  readonly server: FuzzServer;
  readonly notification: NotificationLane;
  readonly switchboard: SwitchboardLane;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const report = options.report ?? (() => undefined);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const memoryCheckEvery = options.memoryCheckEvery ?? 10_000;
  const failures: FuzzFailure[] = [];
  const outcomes: Record<string, number> = {};
  const running = new Map<number, FuzzCase>();
  const fail = (failure: FuzzFailure): void => {
    failures.push(failure);
    report(`FAIL ${failure.index === undefined ? '(process)' : `case ${failure.index} (${failure.target})`}: ${failure.reason}`);
    for (const line of failure.lines) report(`  ${line}`);
    if (failure.index !== undefined) report(`  replay: npm run fuzz -- --seed ${options.seed} --cases ${[...(failure.history ?? []), failure.index].join(',')}`);
  };
  const processProblem = (kind: string) => (error: unknown) =>
    fail({
      reason: `${kind} while cases ${[...running.keys()].join(', ')} ran: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      lines: [],
    });
  const onException = processProblem('an exception escaped');
  const onRejection = processProblem('an unhandled rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);

  const onFramer = (framer: FramerReport): void => {
    if (framer.threw) fail({ reason: `the framer threw: ${framer.threw}`, lines: [] });
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-fuzz-'));
  const lanes: Lane[] = [];
  for (let index = 0; index < (options.only === undefined ? (options.lanes ?? 4) : 1); index++) {
    const server = await FuzzServer.start(onFramer);
    lanes.push({
      server,
      notification: new NotificationLane(server, join(dataDir, `lane${index}`), timeouts, options.clientLog),
      switchboard: new SwitchboardLane(server, timeouts, options.clientLog),
    });
  }

  const replay = [...(options.only ?? [])];
  let next = 0;
  let linesSent = 0;
  let cases = 0;
  let heapBaseline: number | undefined;
  const claim = (): FuzzCase | undefined => {
    if (options.only !== undefined ? replay.length === 0 : linesSent >= options.lines) return undefined;
    const fuzzCase = generateCase(options.seed, options.only !== undefined ? (replay.shift() as number) : next++);
    linesSent += fuzzCase.lines.length;
    return fuzzCase;
  };
  const checkMemory = (): void => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap = process.memoryUsage().heapUsed;
    heapBaseline ??= heap;
    report(`memory: after ${cases} cases the heap holds ${(heap / MiB).toFixed(1)} MiB (first check ${(heapBaseline / MiB).toFixed(1)} MiB)`);
    const limit = options.memoryGrowthLimitBytes ?? 64 * MiB;
    if (heap - heapBaseline > limit) {
      fail({ reason: `the heap grew by ${((heap - heapBaseline) / MiB).toFixed(1)} MiB since the first check (limit ${limit / MiB} MiB)`, lines: [] });
    }
  };

  const runLane = async (lane: Lane): Promise<void> => {
    for (let fuzzCase = claim(); fuzzCase; fuzzCase = claim()) {
      running.set(fuzzCase.index, fuzzCase);
      const side = fuzzCase.target === 'ns' || fuzzCase.target === 'ns-sign-in' ? lane.notification : lane.switchboard;
      try {
        const outcome = await side.run(fuzzCase);
        outcomes[`${fuzzCase.target}: ${outcome}`] = (outcomes[`${fuzzCase.target}: ${outcome}`] ?? 0) + 1;
      } catch (error) {
        const reason = error instanceof FuzzProblem ? error.message : `the harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        fail({ index: fuzzCase.index, target: fuzzCase.target, history: side.history.slice(0, -1), reason, lines: describeCase(fuzzCase) });
        await resetLane(lane);
      }
      running.delete(fuzzCase.index);
      cases++;
      if (cases % memoryCheckEvery === 0) checkMemory();
      if (cases % 10_000 === 0) report(`fuzz: ${cases} cases, ${linesSent} lines, ${failures.length} failures`);
    }
  };

  try {
    await Promise.all(lanes.map(runLane));
    await Promise.all(lanes.map(resetLane));
    await Promise.all(lanes.map((lane) => lane.server.close()));
    // Sockets closed just now may still report; give them a turn before the listeners go.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
  return { seed: options.seed, lines: linesSent, cases, failures, outcomes };
}

async function resetLane(lane: Lane): Promise<void> {
  lane.switchboard.close();
  await lane.notification.close().catch(() => undefined);
}

function describeCase(fuzzCase: FuzzCase): string[] {
  const where =
    fuzzCase.target === 'ns-sign-in' || fuzzCase.target === 'sb-setup'
      ? `before reply ${fuzzCase.step}${fuzzCase.drop ? ', then a drop' : ''}`
      : fuzzCase.drop
        ? 'then a drop'
        : 'into the live session';
  return [`${fuzzCase.lines.length} lines, ${where}, written ${JSON.stringify(fuzzCase.chunking)}:`, ...describeLines(fuzzCase.lines)];
}
