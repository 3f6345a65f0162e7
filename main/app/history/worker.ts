// The history worker: owns one account's database and writes what the store sends it, so SQLite
// and the disk never hold up the thread that delivers and shows messages.
//
// Records that arrive in the same turn are committed together, in order, one transaction per
// batch. A query first commits what came before it, so it sees every message shown before it was
// asked. A failed write keeps its batch and tries again with backoff (a full disk, a lock held by
// someone else); a database found damaged is set aside and the batch goes to a new one.

import { parentPort, workerData } from 'node:worker_threads';
import { HistoryDatabase, isDamage, isDiskFull } from './database';
import type { HistoryRecord } from './records';
import type { FromWorker, QueryName, ToWorker, WorkerSetup, WriteProblem } from './worker-protocol';

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const setup = workerData as WorkerSetup;
const post = (message: FromWorker): void => port.postMessage(message);
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let database: HistoryDatabase | undefined;
const pending: HistoryRecord[] = [];
let committed = 0;
let retry: ReturnType<typeof setTimeout> | undefined;
let retryMs = FIRST_RETRY_MS;
let failing: WriteProblem | undefined;
let closing = false;
let flushQueued = false;

function startOver(): void {
  try {
    database?.close();
  } catch {
    // A damaged file may not even close cleanly; it is set aside all the same.
  }
  const { database: fresh, setAsideAs } = HistoryDatabase.startOver(setup.file, setup.options);
  database = fresh;
  post({ type: 'problem', problem: 'damaged', message: 'The history database was damaged.', ...(setAsideAs && { setAsideAs }) });
}

function flush(): void {
  flushQueued = false;
  if (!database || pending.length === 0 || retry) return;
  try {
    database.append(pending);
  } catch (error) {
    if (isDamage(error)) {
      startOver();
      return flush();
    }
    const problem: WriteProblem = isDiskFull(error) ? 'disk-full' : 'write-failed';
    if (failing !== problem) post({ type: 'problem', problem, message: describe(error) });
    failing = problem;
    if (closing) return;
    retry = setTimeout(() => {
      retry = undefined;
      flush();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    return;
  }
  committed += pending.length;
  pending.length = 0;
  retryMs = FIRST_RETRY_MS;
  post({ type: 'committed', records: committed });
  if (failing) post({ type: 'recovered' });
  failing = undefined;
}

function answer(id: number, name: QueryName, args: readonly unknown[]): void {
  flush();
  try {
    if (!database) throw new Error('The history database is not open.');
    const method = database[name] as (...queryArgs: unknown[]) => unknown;
    post({ type: 'answer', id, ok: true, value: method.apply(database, [...args]) });
  } catch (error) {
    post({ type: 'answer', id, ok: false, message: describe(error) });
  }
}

function close(): void {
  closing = true;
  if (retry) clearTimeout(retry);
  retry = undefined;
  flush();
  database?.close();
  database = undefined;
  post({ type: 'closed' });
  port?.close();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'record') {
    pending.push(...message.records);
    if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  } else if (message.type === 'query') {
    answer(message.id, message.name, message.args);
  } else {
    close();
  }
});

try {
  const opened = HistoryDatabase.open(setup.file, setup.options);
  database = opened.database;
  post({ type: 'opened', ...(opened.setAsideAs && { setAsideAs: opened.setAsideAs }) });
} catch (error) {
  post({ type: 'open-failed', message: describe(error) });
  port.close();
}
