// The messages between the history store (main thread, store.ts) and its worker (worker.ts).
// Queries name a method of HistoryDatabase, so their arguments and answers are typed by it.

import type { HistoryProblem } from '../../../shared/history';
import type { DatabaseOptions, HistoryDatabase } from './database';
import type { HistoryRecord } from './records';

/** What the worker is started with (its workerData). */
export interface WorkerSetup {
  readonly file: string;
  readonly options: DatabaseOptions;
}

export type QueryName = 'search' | 'recent' | 'contacts' | 'conversation' | 'conversationsWith' | 'searchConversations' | 'delete';
export type QueryArgs<K extends QueryName> = Parameters<HistoryDatabase[K]>;
export type QueryAnswer<K extends QueryName> = ReturnType<HistoryDatabase[K]>;

export type ToWorker =
  | { readonly type: 'record'; readonly records: readonly HistoryRecord[] }
  | { readonly type: 'query'; readonly id: number; readonly name: QueryName; readonly args: readonly unknown[] }
  | { readonly type: 'close' };

/** Problems only the worker can see; `slow` is the store's own judgement. */
export type WriteProblem = Exclude<HistoryProblem, 'slow' | 'unavailable'>;

export type FromWorker =
  | { readonly type: 'opened'; readonly setAsideAs?: string }
  | { readonly type: 'open-failed'; readonly message: string }
  /** How many records have been committed since the worker started. */
  | { readonly type: 'committed'; readonly records: number }
  | { readonly type: 'answer'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'answer'; readonly id: number; readonly ok: false; readonly message: string }
  | { readonly type: 'problem'; readonly problem: WriteProblem; readonly message: string; readonly setAsideAs?: string }
  | { readonly type: 'recovered' }
  | { readonly type: 'closed' };
