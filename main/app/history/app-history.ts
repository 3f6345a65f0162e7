// The chat history of one account of the application core (MessengerApp): the switch, the
// history window's queries, deletes and exports, and problems turned into the account's notices.

import type {
  HistoryContact,
  HistoryConversation,
  HistoryDeletion,
  HistoryExportData,
  HistoryExportScope,
  HistoryMessage,
  HistorySearchResult,
} from '../../../shared/history';
import type { Notice, Settings } from '../../../shared/ipc';
import { MessengerError, inputError } from '../../client/errors';
import type { MessengerPort } from '../messenger-port';
import type { StoredSettings } from '../settings-store';
import { HistoryService, type HistoryServiceOptions, NoAccountError } from './service';
import { HistoryUnavailableError, type HistoryStore } from './store';

/** Hits the history window shows for one search; the export of a search has them all. */
export const SEARCH_HITS_SHOWN = 200;

/** How a shell's entry point sets history up: where its worker is (and, in tests, the thresholds). */
export type AppHistoryOptions = Omit<HistoryServiceOptions, 'dataDir' | 'keepsHistory' | 'log'>;

export interface AppHistoryContext {
  readonly messenger: MessengerPort;
  readonly dataDir: string;
  readonly options: AppHistoryOptions;
  readonly settings: () => Settings;
  readonly saveSettings: (patch: Partial<StoredSettings>) => Promise<Settings>;
  readonly notify: (notice: Notice) => void;
  readonly log: (line: string) => void;
}

const notSignedIn = (): MessengerError => inputError('not-signed-in');
export const historyUnavailable = (): MessengerError => new MessengerError({ kind: 'unsupported', reason: 'history-unavailable' });

export class AppHistory {
  private readonly service: HistoryService;

  constructor(private readonly context: AppHistoryContext) {
    this.service = new HistoryService(context.messenger, {
      ...context.options,
      dataDir: context.dataDir,
      keepsHistory: (handle) => context.settings().history[handle] === true,
      log: context.log,
    });
    this.service.on('problem', ({ problem, setAsideAs }) =>
      context.notify({ kind: 'history', problem, ...(setAsideAs !== undefined && { setAsideAs }) }),
    );
    this.service.on('recovered', () => context.notify({ kind: 'history-recovered' }));
  }

  close(): Promise<void> {
    return this.service.close();
  }

  /** The last lines of earlier conversations with the same people, for a conversation that is open. */
  async recent(conversationId: string): Promise<readonly HistoryMessage[]> {
    const conversation = this.context.messenger.state.conversations[conversationId];
    return conversation ? this.run(() => this.service.recent(conversation)) : [];
  }

  contacts(): Promise<readonly HistoryContact[]> {
    return this.query((store) => store.query('contacts'), []);
  }

  async conversation(id: string): Promise<HistoryConversation | null> {
    return (await this.query((store) => store.query('conversation', id), undefined)) ?? null;
  }

  search(words: string): Promise<HistorySearchResult> {
    return this.query((store) => store.query('search', words, SEARCH_HITS_SHOWN), { query: words, hits: [], truncated: false });
  }

  delete(what: HistoryDeletion): Promise<number> {
    return this.query((store) => store.query('delete', what), 0);
  }

  /** The conversations of an export; the file is made where the words are. */
  export(scope: HistoryExportScope): Promise<HistoryExportData> {
    return this.run(() => this.service.export(scope));
  }

  /** Keep the signed-in account's history, or stop. */
  async setEnabled(enabled: boolean): Promise<Settings> {
    const handle = this.signedInHandle();
    const settings = await this.context.saveSettings({ history: { ...this.context.settings().history, [handle]: enabled } });
    this.service.setRecording(handle, enabled);
    return settings;
  }

  private signedInHandle(): string {
    const { session } = this.context.messenger.state;
    if (session.state !== 'online' || !session.handle) throw notSignedIn();
    return session.handle.toLowerCase();
  }

  /** Runs a query on the account's store; `empty` when the account has no history at all. */
  private query<T>(ask: (store: HistoryStore) => Promise<T>, empty: T): Promise<T> {
    return this.run(() => this.service.ask(ask, empty));
  }

  private async run<T>(ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof NoAccountError) throw notSignedIn();
      this.context.log(`History query failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error instanceof HistoryUnavailableError ? historyUnavailable() : error;
    }
  }
}
