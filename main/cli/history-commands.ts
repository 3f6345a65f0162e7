// The CLI's `history` commands, with --history: search every kept conversation, export a
// contact's history to a file, delete a contact's history. Their answers are events.

import { isValidHandle } from '../../shared/handles';
import type { HistoryExportFormat } from '../../shared/history';
import { buildExport } from '../../shared/history-export';
import type { HistoryService } from '../app/history/service';
import { AtomicWriter } from '../storage/atomic-writer';
import { UsageError } from './arguments';
import type { CliEvent } from './events';
import { EXPORT_WORDS } from './sentences';

export type HistoryCliCommand =
  | { readonly name: 'history'; readonly action: 'search'; readonly words: string }
  | { readonly name: 'history'; readonly action: 'export'; readonly handle: string; readonly format: HistoryExportFormat; readonly path: string }
  | { readonly name: 'history'; readonly action: 'delete'; readonly handle: string };

const USAGE = '"history" takes search WORDS, export HANDLE txt|html PATH, or delete HANDLE.';

const bad = (message: string): UsageError => new UsageError(message);

function handleOf(word: string | undefined, action: string): string {
  if (!isValidHandle(word)) throw bad(`"history ${action}" takes a handle (name@domain), not "${(word ?? '').slice(0, 40)}".`);
  return word.toLowerCase();
}

/** `words`: the line's words after "history"; `rest(n)`: the line after its first n words, spacing kept. */
export function parseHistoryCommand(words: readonly string[], rest: (count: number) => string): HistoryCliCommand {
  const [action, handle, format] = words;
  switch (action) {
    case 'search':
      if (words.length < 2) throw bad('"history search" takes the words to look for.');
      return { name: 'history', action, words: rest(2) };
    case 'export':
      if (words.length < 4 || (format !== 'txt' && format !== 'html')) throw bad('"history export" takes a handle, txt or html, and a file path.');
      return { name: 'history', action, handle: handleOf(handle, action), format, path: rest(4) };
    case 'delete':
      if (words.length !== 2) throw bad('"history delete" takes one handle.');
      return { name: 'history', action, handle: handleOf(handle, action) };
    default:
      throw bad(USAGE);
  }
}

const writer = new AtomicWriter();

/** Runs one history command; `history` is undefined when the CLI runs without --history. */
export async function runHistoryCommand(history: HistoryService | undefined, command: HistoryCliCommand, print: (event: CliEvent) => void): Promise<void> {
  if (!history) throw bad('Start the CLI with --history to keep and search your message history.');
  switch (command.action) {
    case 'search': {
      const { query, hits } = await history.ask((store) => store.query('search', command.words), { query: command.words, hits: [], truncated: false });
      print({
        event: 'history-results',
        query,
        hits: hits.map(({ message, with: people }) => ({
          conversation: message.conversationId,
          with: people,
          from: message.from,
          text: message.text,
          time: new Date(message.sentAt).toISOString(),
        })),
      });
      return;
    }
    case 'export': {
      const exported = buildExport(await history.export({ kind: 'contact', handle: command.handle }), command.format, EXPORT_WORDS);
      await writer.write(command.path, exported.content);
      print({ event: 'history-exported', path: command.path, messages: exported.messages });
      return;
    }
    case 'delete': {
      const messages = await history.ask((store) => store.query('delete', { kind: 'contact', handle: command.handle }), 0);
      print({ event: 'history-deleted', handle: command.handle, messages });
      return;
    }
  }
}

/** The service's problems as events: `history-problem` (with `problem`, and `setAsideAs` for a damaged file) and `history-recovered`. */
export function printHistoryEvents(history: HistoryService, print: (event: CliEvent) => void): void {
  history.on('problem', ({ problem, setAsideAs }) => print({ event: 'history-problem', problem, ...(setAsideAs !== undefined && { setAsideAs }) }));
  history.on('recovered', () => print({ event: 'history-recovered' }));
}
