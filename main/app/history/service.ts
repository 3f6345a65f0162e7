// Chat history for whoever is signed in: follows the messenger's states, keeps the signed-in
// account's store open (one database per account, keyed by the sign-in name), and records what
// the conversations show while that account keeps history. The app and the CLI both drive it;
// main/ns, main/sb and main/client never see it.

import { existsSync } from 'node:fs';
import { contactIn } from '../../../shared/contacts';
import { TypedEmitter } from '../../../shared/emitter';
import type { HistoryConversation, HistoryExportData, HistoryExportScope, HistoryMessage } from '../../../shared/history';
import type { Conversation, MessengerState } from '../../../shared/model';
import { historyFile } from './files';
import { peopleKey } from './records';
import { HistoryRecorder } from './recorder';
import { type HistoryProblemEvent, HistoryStore } from './store';

/** Lines from earlier conversations shown above a new one. */
export const RECENT_LINES = 5;

export interface HistoryServiceOptions {
  readonly dataDir: string;
  /** The worker's entry (see HistoryStoreOptions.worker). */
  readonly worker: URL;
  /** Whether an account keeps history (the per-account setting, or the CLI's --history). */
  readonly keepsHistory: (handle: string) => boolean;
  readonly slowAfterMs?: number;
  readonly maxPageCount?: number;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

/** The part of the messenger the service follows. */
export interface StateSource {
  readonly state: MessengerState;
  on(event: 'state', listener: (state: MessengerState) => void): unknown;
}

export type HistoryServiceEvents = {
  problem: HistoryProblemEvent & { readonly handle: string };
  recovered: { readonly handle: string };
};

/** A history query before any account signed in. */
export class NoAccountError extends Error {
  constructor() {
    super('Nobody has signed in yet, so there is no history to look at.');
  }
}

interface Account {
  readonly handle: string;
  store: HistoryStore | undefined;
  recording: boolean;
}

export class HistoryService extends TypedEmitter<HistoryServiceEvents> {
  private account: Account | undefined;
  /** What has been recorded so far (or what was on screen when recording started). */
  private recorder: HistoryRecorder;
  /** The conversations last handed to the store for the recorder to look at. */
  private noted: MessengerState['conversations'];
  private readonly now: () => number;

  constructor(
    private readonly messenger: StateSource,
    private readonly options: HistoryServiceOptions,
  ) {
    super();
    this.now = options.now ?? Date.now;
    this.recorder = new HistoryRecorder(messenger.state.conversations);
    this.noted = messenger.state.conversations;
    messenger.on('state', (state) => this.follow(state));
    this.follow(messenger.state);
  }

  /** The account whose history the service holds: the one signed in, or the last one that was. */
  get handle(): string | undefined {
    return this.account?.handle;
  }

  /**
   * Turns recording on or off for the signed-in account. Turned on, it records the conversations
   * already open too: the question was asked in one of them.
   */
  setRecording(handle: string, on: boolean): void {
    const account = this.account;
    if (account?.handle !== handle.toLowerCase()) return;
    if (on && !account.recording) {
      account.recording = true;
      this.startRecorder({});
      this.record(this.messenger.state);
    } else if (!on) {
      account.recording = false;
    }
  }

  /** The account's store, opened on first use; undefined when it has no history and keeps none. */
  store(): HistoryStore | undefined {
    const account = this.account;
    if (!account) return undefined;
    if (!account.store && (account.recording || existsSync(this.file(account.handle)))) account.store = this.openStore(account.handle);
    return account.store;
  }

  /** The last lines of earlier conversations with the same people, for a conversation that is open. */
  async recent(conversation: Conversation): Promise<HistoryMessage[]> {
    const store = this.account?.recording ? this.store() : undefined;
    if (!store) return [];
    const people = peopleKey(conversation.participants.map((person) => person.handle));
    return store.query('recent', people, conversation.id, RECENT_LINES);
  }

  /**
   * Runs a query on the account's store; `empty` when the account has no history at all. Throws
   * NoAccountError before anyone signed in.
   */
  async ask<T>(query: (store: HistoryStore) => Promise<T>, empty: T): Promise<T> {
    if (!this.account) throw new NoAccountError();
    const store = this.store();
    return store ? query(store) : empty;
  }

  /** Every conversation with a contact, or everything a search finds, for an export file. */
  async export(scope: HistoryExportScope): Promise<HistoryExportData> {
    const conversations = await this.ask<readonly HistoryConversation[]>(
      (store) => (scope.kind === 'contact' ? store.query('conversationsWith', scope.handle) : store.query('searchConversations', scope.query)),
      [],
    );
    return {
      scope,
      ...(scope.kind === 'contact' && { contactName: this.nameOf(scope.handle, conversations) }),
      conversations,
      exportedAt: this.now(),
    };
  }

  /** Resolves once everything handed to the store is committed (tests, the CLI before it exits). */
  async whenCommitted(): Promise<void> {
    await this.account?.store?.whenCommitted();
  }

  async close(): Promise<void> {
    const store = this.account?.store;
    if (this.account) this.account.store = undefined;
    await store?.close();
  }

  /** A contact's newest name in the history, else on the contact list, else the handle. */
  private nameOf(handle: string, conversations: readonly HistoryConversation[]): string {
    const kept = conversations.at(-1)?.summary.participants.find((person) => person.handle === handle);
    return kept?.name ?? contactIn(this.messenger.state.contacts, handle)?.friendlyName ?? handle;
  }

  private file(handle: string): string {
    return historyFile(this.options.dataDir, handle);
  }

  private follow(state: MessengerState): void {
    const { session } = state;
    const handle = session.state === 'online' ? session.handle?.toLowerCase() : undefined;
    if (handle !== undefined && handle !== this.account?.handle) {
      void this.account?.store?.close();
      this.account = { handle, store: undefined, recording: this.options.keepsHistory(handle) };
      // What was on screen before this sign-in belongs to an earlier session: it is not recorded again.
      this.startRecorder(state.conversations);
      if (this.account.recording) this.store();
      return;
    }
    if (this.account?.recording) this.record(state);
  }

  /** A recorder for what changes after `baseline`; the old one still makes the records of what it was handed. */
  private startRecorder(baseline: MessengerState['conversations']): void {
    this.recorder = new HistoryRecorder(baseline);
    this.noted = baseline;
  }

  /**
   * Hands the new conversations to the store, which has the recorder look at them when it hands
   * records to the worker, once the exchange is over: while a message is on its way, keeping
   * history costs a comparison and a closure. Every state is looked at, in order, so a message
   * shown in a conversation closed before then is recorded all the same.
   */
  private record(state: MessengerState): void {
    const { conversations } = state;
    if (conversations === this.noted) return;
    this.noted = conversations;
    const recorder = this.recorder;
    const at = this.now();
    this.store()?.recordLater(() => recorder.next(conversations, at));
  }

  private openStore(handle: string): HistoryStore {
    const { worker, slowAfterMs, maxPageCount, log } = this.options;
    const store = new HistoryStore({
      file: this.file(handle),
      worker,
      ...(slowAfterMs !== undefined && { slowAfterMs }),
      ...(maxPageCount !== undefined && { maxPageCount }),
      ...(log && { log }),
    });
    store.on('problem', (problem) => this.emit('problem', { ...problem, handle }));
    store.on('recovered', () => this.emit('recovered', { handle }));
    return store;
  }
}
