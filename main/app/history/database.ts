// One account's history database: SQLite compiled to WebAssembly (node-sqlite3-wasm), so the same
// code runs under Node in the tests and in Electron's main process without a native rebuild, with
// real file persistence and FTS5. Everything here is synchronous: it runs in the history worker
// (worker.ts), off the thread that delivers and shows messages.
//
// Crash safety is SQLite's: each batch of records is one transaction in the default rollback
// journal with synchronous=FULL, so a process killed mid-write leaves a hot journal that the next
// open rolls back, and what was committed before stays as it was.

import { createRequire } from 'node:module';
import { chmodSync } from 'node:fs';
import type { Database as SqliteDatabase, Statement } from 'node-sqlite3-wasm';
import type {
  HistoryContact,
  HistoryConversation,
  HistoryConversationSummary,
  HistoryDeletion,
  HistoryMessage,
  HistoryPerson,
  HistorySearchResult,
} from '../../../shared/history';
import type { DeliveryState } from '../../../shared/model';
import { parseFormatHeader } from '../../sb/format';
import { claimDatabase, ensureHistoryDirectory, releaseDatabase, setAside } from './files';
import { HIT_END, HIT_START, highlightParts, matchExpression } from './query';
import type { ConversationRecord, HistoryRecord, MessageRecord } from './records';
import { MIGRATIONS, SCHEMA_VERSION } from './schema';

// The package is CommonJS whose exports Node's ESM loader cannot name, so it is required.
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');

type Row = Record<string, number | bigint | string | Uint8Array | null>;

export interface DatabaseOptions {
  /**
   * SQLite's max_page_count: writes past it fail as they would on a full disk. Tests use it to
   * fill the "disk"; the app leaves it unset.
   */
  readonly maxPageCount?: number;
}

export interface OpenedHistory {
  readonly database: HistoryDatabase;
  /** Where a damaged database was moved before a new one was started. */
  readonly setAsideAs?: string;
}

/** SQLite's own sentences (sqlite3ErrStr), the only way node-sqlite3-wasm tells errors apart. */
export function isDamage(error: unknown): boolean {
  return /file is not a database|malformed|corrupt/i.test(String((error as Error)?.message ?? error));
}

export function isDiskFull(error: unknown): boolean {
  return /disk is full/i.test(String((error as Error)?.message ?? error));
}

const MESSAGE_COLUMNS = 'm.id, m.conversation_id, m.sender, m.sender_name, m.text, m.format, m.delivery, m.sent_at';

function toMessage(row: Row): HistoryMessage {
  const format = typeof row['format'] === 'string' ? parseFormatHeader(row['format']) : undefined;
  return {
    id: String(row['id']),
    conversationId: String(row['conversation_id']),
    from: String(row['sender']),
    fromName: String(row['sender_name']),
    text: String(row['text']),
    ...(format && { format }),
    delivery: String(row['delivery']) as DeliveryState,
    sentAt: Number(row['sent_at']),
  };
}

/** The statements every append runs, prepared once. */
interface WriteStatements {
  readonly conversation: Statement;
  readonly participant: Statement;
  readonly people: Statement;
  readonly message: Statement;
}

function prepareWrites(db: SqliteDatabase): WriteStatements {
  return {
    conversation: db.prepare(
      `INSERT INTO conversations (id, started_at, last_at, people) VALUES (?1, ?2, ?2, '')
       ON CONFLICT (id) DO UPDATE SET last_at = max(last_at, excluded.last_at)`,
    ),
    participant: db.prepare(
      `INSERT INTO participants (conversation_id, handle, name) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id, handle) DO UPDATE SET name = excluded.name`,
    ),
    people: db.prepare(
      `UPDATE conversations SET people = (
         SELECT coalesce(group_concat(handle, ' '), '') FROM (SELECT handle FROM participants WHERE conversation_id = ?1 ORDER BY handle)
       ) WHERE id = ?1`,
    ),
    message: db.prepare(
      `INSERT INTO messages (id, conversation_id, sender, sender_name, text, format, delivery, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET delivery = excluded.delivery`,
    ),
  };
}

function finalize(statements: WriteStatements): void {
  for (const statement of Object.values(statements)) {
    try {
      if (!statement.isFinalized) statement.finalize();
    } catch {
      // sqlite3_finalize repeats the error of the statement's last step; the statement is gone all the same.
    }
  }
}

export class HistoryDatabase {
  private writes: WriteStatements;

  private constructor(
    private readonly db: SqliteDatabase,
    readonly file: string,
  ) {
    this.writes = prepareWrites(db);
  }

  /**
   * Opens (or creates) the database, owner-only. A file SQLite cannot read is set aside and a new
   * one started; any other failure (another live process owns it, no permission) throws.
   */
  static open(file: string, options: DatabaseOptions = {}): OpenedHistory {
    ensureHistoryDirectory(file);
    claimDatabase(file);
    try {
      return { database: HistoryDatabase.connect(file, options) };
    } catch (error) {
      if (!isDamage(error)) {
        releaseDatabase(file);
        throw error;
      }
      const setAsideAs = setAside(file);
      return { database: HistoryDatabase.connect(file, options), setAsideAs };
    }
  }

  /** Sets aside a database found damaged while in use, and starts a new one in its place. */
  static startOver(file: string, options: DatabaseOptions = {}): OpenedHistory {
    claimDatabase(file);
    const setAsideAs = setAside(file);
    return { database: HistoryDatabase.connect(file, options), setAsideAs };
  }

  private static connect(file: string, options: DatabaseOptions): HistoryDatabase {
    const db = new Database(file);
    try {
      chmodSync(file, 0o600);
      const check = db.get('PRAGMA quick_check');
      if (check?.['quick_check'] !== 'ok') throw new Error(`database disk image is malformed: ${String(check?.['quick_check'])}`);
      // Deleted history is overwritten, not merely unlinked from the b-tree.
      db.exec('PRAGMA secure_delete = ON');
      if (options.maxPageCount !== undefined) db.get(`PRAGMA max_page_count = ${Math.floor(options.maxPageCount)}`);
      migrate(db);
      return new HistoryDatabase(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Writes a batch in one transaction, in order; on failure nothing of it was written. */
  append(records: readonly HistoryRecord[]): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const record of records) {
        if (record.kind === 'conversation') this.writeConversation(record);
        else this.writeMessage(record);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // A statement whose step failed refuses to be bound again (node-sqlite3-wasm treats the
      // error sqlite3_reset repeats as its own): the next batch gets fresh ones.
      finalize(this.writes);
      this.writes = prepareWrites(this.db);
      throw error;
    }
  }

  /** Messages matching the user's words, newest first; at most `limit` (all of them without one). */
  search(input: string, limit?: number): HistorySearchResult {
    const match = matchExpression(input);
    if (match === undefined) return { query: input, hits: [], truncated: false };
    const rows = this.db.all(
      `SELECT ${MESSAGE_COLUMNS}, highlight(message_text, 0, ?, ?) AS marked
       FROM message_text JOIN messages m ON m.seq = message_text.rowid
       WHERE message_text MATCH ? ORDER BY message_text.rowid DESC${limit === undefined ? '' : ' LIMIT ?'}`,
      [HIT_START, HIT_END, match, ...(limit === undefined ? [] : [limit + 1])],
    ) as Row[];
    const truncated = limit !== undefined && rows.length > limit;
    const kept = truncated ? rows.slice(0, limit) : rows;
    const people = this.participantsOf(kept.map((row) => String(row['conversation_id'])));
    const hits = kept.map((row) => {
      const message = toMessage(row);
      return {
        message,
        with: (people.get(message.conversationId) ?? []).map((person) => person.handle),
        parts: highlightParts(message.text, String(row['marked'])),
      };
    });
    return { query: input, hits, truncated };
  }

  /** The last `limit` messages of earlier conversations with exactly these people, oldest first. */
  recent(people: string, exceptConversation: string, limit: number): HistoryMessage[] {
    const rows = this.db.all(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id IN (SELECT id FROM conversations WHERE people = ? AND id <> ?)
       ORDER BY m.seq DESC LIMIT ?`,
      [people, exceptConversation, limit],
    ) as Row[];
    return rows.map(toMessage).reverse();
  }

  /** Every contact with kept messages, by handle; each one's conversations newest first. */
  contacts(): HistoryContact[] {
    const summaries = this.summaries('');
    const byHandle = new Map<string, { name: string; conversations: HistoryConversationSummary[] }>();
    for (const summary of summaries) {
      for (const person of summary.participants) {
        const entry = byHandle.get(person.handle);
        if (entry) entry.conversations.push(summary);
        else byHandle.set(person.handle, { name: person.name, conversations: [summary] });
      }
    }
    return [...byHandle.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([handle, { name, conversations }]) => ({ handle, name, conversations }));
  }

  conversation(id: string): HistoryConversation | undefined {
    const [summary] = this.summaries('AND c.id = ?', [id]);
    if (!summary) return undefined;
    const rows = this.db.all(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = ? ORDER BY m.seq`, [id]) as Row[];
    return { summary, messages: rows.map(toMessage) };
  }

  /** Every conversation with a contact, oldest first, with all their messages (for an export). */
  conversationsWith(handle: string): HistoryConversation[] {
    return this.summaries('AND c.id IN (SELECT conversation_id FROM participants WHERE handle = ?)', [handle.toLowerCase()])
      .reverse()
      .flatMap((summary) => this.conversation(summary.id) ?? []);
  }

  /** Everything a search finds, grouped by conversation, oldest first (for an export). */
  searchConversations(input: string): HistoryConversation[] {
    const { hits } = this.search(input);
    const grouped = new Map<string, HistoryMessage[]>();
    for (const { message } of [...hits].reverse()) {
      const list = grouped.get(message.conversationId);
      if (list) list.push(message);
      else grouped.set(message.conversationId, [message]);
    }
    const summaries = new Map(this.summaries('').map((summary) => [summary.id, summary]));
    return [...grouped.entries()].flatMap(([id, messages]) => {
      const summary = summaries.get(id);
      return summary ? [{ summary, messages }] : [];
    });
  }

  /** Deletes, then merges the full-text index so no deleted word stays findable in it; returns the messages removed. */
  delete(what: HistoryDeletion): number {
    const before = this.messageCount();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (what.kind === 'conversation') this.db.run('DELETE FROM conversations WHERE id = ?', [what.id]);
      else if (what.kind === 'contact') {
        this.db.run('DELETE FROM conversations WHERE id IN (SELECT conversation_id FROM participants WHERE handle = ?)', [what.handle.toLowerCase()]);
      } else this.db.run('DELETE FROM conversations');
      this.db.exec("INSERT INTO message_text(message_text) VALUES ('optimize')");
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    if (what.kind === 'all') this.db.exec('VACUUM');
    return before - this.messageCount();
  }

  messageCount(): number {
    return Number(this.db.get('SELECT count(*) AS n FROM messages')?.['n'] ?? 0);
  }

  close(): void {
    finalize(this.writes);
    this.db.close();
    releaseDatabase(this.file);
  }

  private writeConversation(record: ConversationRecord): void {
    this.writes.conversation.run([record.id, record.at]);
    for (const person of record.participants) this.writes.participant.run([record.id, person.handle.toLowerCase(), person.name]);
    this.writes.people.run([record.id]);
  }

  private writeMessage(record: MessageRecord): void {
    // A message is never lost for want of its conversation's record: it gets an empty one.
    this.writes.conversation.run([record.conversationId, record.sentAt]);
    this.writes.message.run([
      record.id,
      record.conversationId,
      record.from.toLowerCase(),
      record.fromName,
      record.text,
      record.format ?? null,
      record.delivery,
      record.sentAt,
    ]);
  }

  /** Conversations with at least one message, newest first, each with its participants. */
  private summaries(where: string, values: (string | number)[] = []): HistoryConversationSummary[] {
    const rows = this.db.all(
      `SELECT c.id, c.started_at, c.last_at, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messages
       FROM conversations c WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) ${where}
       ORDER BY c.last_at DESC, c.id`,
      values,
    ) as Row[];
    const people = this.participantsOf(rows.map((row) => String(row['id'])));
    return rows.map((row) => ({
      id: String(row['id']),
      participants: people.get(String(row['id'])) ?? [],
      startedAt: Number(row['started_at']),
      lastAt: Number(row['last_at']),
      messages: Number(row['messages']),
    }));
  }

  private participantsOf(conversationIds: readonly string[]): Map<string, HistoryPerson[]> {
    const people = new Map<string, HistoryPerson[]>();
    const unique = [...new Set(conversationIds)];
    // SQLite binds at most 32766 values per statement; chunks stay far below it.
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = this.db.all(
        `SELECT conversation_id, handle, name FROM participants WHERE conversation_id IN (${chunk.map(() => '?').join(',')}) ORDER BY handle`,
        chunk,
      ) as Row[];
      for (const row of rows) {
        const id = String(row['conversation_id']);
        const person = { handle: String(row['handle']), name: String(row['name']) };
        const list = people.get(id);
        if (list) list.push(person);
        else people.set(id, [person]);
      }
    }
    return people;
  }
}

function migrate(db: SqliteDatabase): void {
  const version = Number(db.get('PRAGMA user_version')?.['user_version'] ?? 0);
  if (version > SCHEMA_VERSION) throw new Error(`The history database was made by a newer version of the app (schema ${version}).`);
  for (let step = version; step < SCHEMA_VERSION; step += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[step] as string);
      db.exec(`PRAGMA user_version = ${step + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}
