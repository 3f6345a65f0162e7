// One account's history as the main thread sees it: records go to the worker with a postMessage
// and nothing waits for them (the recorder's are even made only then); queries are promises. The
// store watches how far the worker lags: records still uncommitted after `slowAfterMs` mean a slow
// disk, and it says so (`problem`) until the worker has caught up (`recovered`).

import { Worker } from 'node:worker_threads';
import { TypedEmitter } from '../../../shared/emitter';
import type { HistoryProblem } from '../../../shared/history';
import type { DatabaseOptions } from './database';
import type { HistoryRecord } from './records';
import type { FromWorker, QueryAnswer, QueryArgs, QueryName, ToWorker, WorkerSetup } from './worker-protocol';

export const DEFAULT_SLOW_AFTER_MS = 5_000;
/**
 * Records are handed to the worker this long after the first of them, together. A message, its ACK
 * and the answer to it then go as one batch once the exchange is over, so the worker (and SQLite's
 * work) never competes for the CPU with a message on its way, and neither does making the records
 * (`recordLater`). Nothing is less safe for the wait: a crash of this process would end the worker too.
 */
export const HAND_OVER_AFTER_MS = 10;

/** What waits for the hand-over: records, or a function that makes them then. */
type Outgoing = readonly HistoryRecord[] | (() => readonly HistoryRecord[]);

export interface HistoryStoreOptions extends DatabaseOptions {
  readonly file: string;
  /** The worker's entry: the built history-worker.js, or worker-dev.mjs when running from sources. */
  readonly worker: URL;
  /** How long records may wait uncommitted before the disk counts as slow. */
  readonly slowAfterMs?: number;
  readonly log?: (line: string) => void;
}

export interface HistoryProblemEvent {
  readonly problem: HistoryProblem;
  readonly setAsideAs?: string;
}

export type HistoryStoreEvents = {
  problem: HistoryProblemEvent;
  recovered: undefined;
};

export class HistoryUnavailableError extends Error {}

interface PendingQuery {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

export class HistoryStore extends TypedEmitter<HistoryStoreEvents> {
  /** Resolves once the database is open; rejects with HistoryUnavailableError when it cannot be. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly queries = new Map<number, PendingQuery>();
  private readonly caughtUp = new Set<() => void>();
  private readonly slowAfterMs: number;
  private readonly log: (line: string) => void;
  private nextQuery = 1;
  private posted = 0;
  private committed = 0;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** What waits to be handed to the worker together, in order; `waiting` counts the records already made. */
  private outbox: Outgoing[] = [];
  private waiting = 0;
  /** When the first of what waits in the outbox came. */
  private waitingSince = 0;
  private handOver: ReturnType<typeof setTimeout> | undefined;
  /** When each handed-over batch was posted (`upTo`: the record count after it), oldest first. */
  private readonly postedAt: { readonly upTo: number; readonly at: number }[] = [];
  /** The problem last reported, until `recovered`. */
  private reported: HistoryProblem | undefined;
  private closed: Promise<void> | undefined;
  private exited = false;

  constructor(readonly options: HistoryStoreOptions) {
    super();
    this.slowAfterMs = options.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS;
    this.log = options.log ?? (() => {});
    const setup: WorkerSetup = { file: options.file, options: { ...(options.maxPageCount !== undefined && { maxPageCount: options.maxPageCount }) } };
    this.worker = new Worker(options.worker, { workerData: setup });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'opened') {
          if (message.setAsideAs !== undefined) this.report({ problem: 'damaged', setAsideAs: message.setAsideAs });
          resolve();
        } else if (message.type === 'open-failed') {
          this.log(`History: could not open ${options.file}: ${message.message}`);
          this.report({ problem: 'unavailable' });
          reject(new HistoryUnavailableError(message.message));
        } else {
          this.receive(message);
        }
      });
    });
    this.ready.catch(() => {});
    this.worker.on('error', (error) => {
      this.log(`History worker failed: ${error.stack ?? error.message}`);
      this.report({ problem: 'write-failed' });
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.stopSlowTimer();
      for (const query of this.queries.values()) query.reject(new HistoryUnavailableError('The history worker stopped.'));
      this.queries.clear();
    });
  }

  /** Records waiting to be committed (those a `recordLater` will make count once they are made). */
  get backlog(): number {
    return this.posted - this.committed + this.waiting;
  }

  /** Hands records to the worker (soon, with those that follow them); returns at once. */
  record(records: readonly HistoryRecord[]): void {
    if (records.length === 0 || !this.enqueue(records)) return;
    this.waiting += records.length;
  }

  /**
   * Hands the records `make` returns to the worker, in order with the others, calling it only when
   * they are handed over: the moment something is shown pays for noting it, not for its records.
   */
  recordLater(make: () => readonly HistoryRecord[]): void {
    this.enqueue(make);
  }

  /** Resolves once every record handed over so far (and every one still to be made) is committed. */
  whenCommitted(): Promise<void> {
    if (this.isCaughtUp()) return Promise.resolve();
    return new Promise((resolve) => this.caughtUp.add(resolve));
  }

  async query<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryAnswer<K>> {
    await this.ready;
    if (this.closed || this.exited) throw new HistoryUnavailableError('The history is closed.');
    const id = this.nextQuery++;
    // What was handed over before the question is part of the answer.
    this.sendOutbox();
    return new Promise<QueryAnswer<K>>((resolve, reject) => {
      this.queries.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: 'query', id, name, args });
    });
  }

  /** Commits what is waiting (one try), closes the database and ends the worker. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.stopSlowTimer();
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.sendOutbox();
      this.post({ type: 'close' });
    });
    return this.closed;
  }

  /** Queues what is to be handed over; false when the store takes nothing any more. */
  private enqueue(outgoing: Outgoing): boolean {
    if (this.closed || this.exited) return false;
    if (this.outbox.length === 0) this.waitingSince = Date.now();
    this.outbox.push(outgoing);
    this.handOver ??= setTimeout(() => this.sendOutbox(), HAND_OVER_AFTER_MS);
    return true;
  }

  private sendOutbox(): void {
    if (this.handOver) clearTimeout(this.handOver);
    this.handOver = undefined;
    if (this.outbox.length === 0 || this.exited) return;
    const outbox = this.outbox;
    this.outbox = [];
    this.waiting = 0;
    const records = outbox.flatMap((outgoing) => (typeof outgoing === 'function' ? this.made(outgoing) : outgoing));
    if (records.length === 0) {
      if (this.isCaughtUp()) this.caughtUpNow();
      return;
    }
    this.posted += records.length;
    this.postedAt.push({ upTo: this.posted, at: this.waitingSince });
    this.post({ type: 'record', records });
    if (!this.slowTimer) this.watchSlow();
  }

  /**
   * The records `make` returns. Should making them fail (a fault in the recorder), that state's
   * records are left out and the log says why, rather than the failure ending the hand-over (and,
   * from its timer, the app), and everything else waiting is handed over.
   */
  private made(make: () => readonly HistoryRecord[]): readonly HistoryRecord[] {
    try {
      return make();
    } catch (error) {
      this.log(`History: could not make the records of a change, which are left out: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }

  /** Nothing waits: every record handed over is committed and none is still to be. */
  private isCaughtUp(): boolean {
    return this.posted === this.committed && this.outbox.length === 0;
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: Exclude<FromWorker, { type: 'opened' | 'open-failed' }>): void {
    switch (message.type) {
      case 'committed':
        this.committed = message.records;
        if (this.isCaughtUp()) this.caughtUpNow();
        return;
      case 'answer': {
        const query = this.queries.get(message.id);
        this.queries.delete(message.id);
        if (message.ok) query?.resolve(message.value);
        else query?.reject(new Error(message.message));
        return;
      }
      case 'problem':
        this.log(`History: ${message.problem}: ${message.message}`);
        return this.report({ problem: message.problem, ...(message.setAsideAs !== undefined && { setAsideAs: message.setAsideAs }) });
      case 'recovered':
        if (this.isCaughtUp()) this.caughtUpNow();
        return;
      case 'closed':
        return;
    }
  }

  private report(event: HistoryProblemEvent): void {
    // A damaged database is news once; the other problems last until the writes catch up.
    if (event.problem !== 'damaged') this.reported = event.problem;
    this.emit('problem', event);
  }

  /** Wakes when the oldest uncommitted batch has waited `slowAfterMs`; it is slow if it is still waiting then. */
  private watchSlow(): void {
    this.slowTimer = undefined;
    while (this.postedAt.length > 0 && (this.postedAt[0]?.upTo ?? 0) <= this.committed) this.postedAt.shift();
    const oldest = this.postedAt[0];
    if (!oldest) return;
    const waited = Date.now() - oldest.at;
    if (waited >= this.slowAfterMs && !this.reported) this.report({ problem: 'slow' });
    this.slowTimer = setTimeout(() => this.watchSlow(), Math.max(this.slowAfterMs - waited, this.slowAfterMs / 4));
    this.slowTimer.unref();
  }

  private caughtUpNow(): void {
    this.stopSlowTimer();
    this.postedAt.length = 0;
    for (const resolve of [...this.caughtUp]) resolve();
    this.caughtUp.clear();
    if (this.reported && this.reported !== 'unavailable') {
      this.reported = undefined;
      this.emit('recovered', undefined);
    }
  }

  private stopSlowTimer(): void {
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
  }
}
