// The history commands of the application core (MessengerApp): the per-account switch, the
// history window's queries, deletes and exports, and problems turned into notices.

import type { IpcCommands, Notice, Settings } from '../../../shared/ipc';
import { MessengerError } from '../../client/errors';
import type { MessengerPort } from '../messenger-port';
import type { StoredSettings } from '../settings-store';
import { HistoryService, type HistoryServiceOptions, NoAccountError } from './service';
import { HistoryUnavailableError, type HistoryStore } from './store';

/** Hits the history window shows for one search; the export of a search has them all. */
export const SEARCH_HITS_SHOWN = 200;

export type HistoryCommandName =
  | 'setHistoryEnabled'
  | 'openHistory'
  | 'historyRecent'
  | 'historyContacts'
  | 'historyConversation'
  | 'historySearch'
  | 'historyDelete'
  | 'historyExport';

export type HistoryHandlers = {
  readonly [K in HistoryCommandName]: (...args: IpcCommands[K]['args']) => Promise<IpcCommands[K]['result']> | IpcCommands[K]['result'];
};

/** How a shell's entry point sets history up: where its worker is (and, in tests, the thresholds). */
export type AppHistoryOptions = Omit<HistoryServiceOptions, 'dataDir' | 'keepsHistory' | 'log'>;

export interface AppHistoryContext {
  readonly messenger: MessengerPort;
  readonly dataDir: string;
  readonly options: AppHistoryOptions;
  readonly settings: () => Settings;
  readonly saveSettings: (patch: Partial<StoredSettings>) => Promise<Settings>;
  readonly showHistory: (handle?: string) => void;
  readonly notify: (notice: Notice) => void;
  readonly log: (line: string) => void;
}

const notSignedIn = (): MessengerError => new MessengerError({ kind: 'input', message: 'Sign in to see and change your message history.' });
const unavailable = (): MessengerError =>
  new MessengerError({ kind: 'unsupported', message: 'Your message history cannot be opened right now.' });

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

  handlers(): HistoryHandlers {
    return {
      setHistoryEnabled: (enabled) => this.setEnabled(enabled),
      openHistory: (handle) => this.context.showHistory(handle),
      historyRecent: async (conversationId) => {
        const conversation = this.context.messenger.state.conversations[conversationId];
        return conversation ? this.run(() => this.service.recent(conversation)) : [];
      },
      historyContacts: () => this.query((store) => store.query('contacts'), []),
      historyConversation: async (id) => (await this.query((store) => store.query('conversation', id), undefined)) ?? null,
      historySearch: (text) => this.query((store) => store.query('search', text, SEARCH_HITS_SHOWN), { query: text, hits: [], truncated: false }),
      historyDelete: (what) => this.query((store) => store.query('delete', what), 0),
      historyExport: (scope, format) => this.run(() => this.service.export(scope, format)),
    };
  }

  private async setEnabled(enabled: boolean): Promise<Settings> {
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
      throw error instanceof HistoryUnavailableError ? unavailable() : error;
    }
  }
}
