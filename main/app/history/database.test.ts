import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryDatabase, isDiskFull } from './database';
import { historyFile, HistoryInUseError } from './files';
import type { HistoryRecord, MessageRecord } from './records';

let dir: string;
let file: string;
const open: HistoryDatabase[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-history-'));
  file = historyFile(dir, 'me@example.com');
});

afterEach(() => {
  for (const database of open.splice(0)) database.close();
  rmSync(dir, { recursive: true, force: true });
});

function openDatabase(options = {}): HistoryDatabase {
  const { database } = HistoryDatabase.open(file, options);
  open.push(database);
  return database;
}

const conversation = (id: string, ...handles: string[]): HistoryRecord => ({
  kind: 'conversation',
  id,
  participants: handles.map((handle) => ({ handle, name: handle.split('@')[0]?.toUpperCase() ?? handle })),
  at: 1_000,
});

let clock = 10_000;
const message = (conversationId: string, text: string, overrides: Partial<MessageRecord> = {}): MessageRecord => {
  clock += 1_000;
  return {
    kind: 'message',
    id: `m${clock}`,
    conversationId,
    from: 'bob@example.com',
    fromName: 'Bob',
    text,
    delivery: 'received',
    sentAt: clock,
    ...overrides,
  };
};

describe('HistoryDatabase', { timeout: 30_000 }, () => {
  it('keeps each message once, with the newest delivery, its sender, name at the time and MSN 2.0 format', () => {
    const database = openDatabase();
    const sent = message('c1', 'Hello Bob', { from: 'ME@example.com', fromName: 'Me', delivery: 'sending', format: 'FN=Comic%20Sans%20MS; EF=BI; CO=ff; CS=0; PF=42' });
    database.append([conversation('c1', 'bob@example.com'), sent]);
    database.append([{ ...sent, delivery: 'delivered', format: undefined }]);
    const kept = database.conversation('c1');
    expect(kept?.messages).toEqual([
      {
        id: sent.id,
        conversationId: 'c1',
        from: 'me@example.com',
        fromName: 'Me',
        text: 'Hello Bob',
        format: { font: 'Comic Sans MS', bold: true, italic: true, underline: false, strikethrough: false, color: '#ff0000', charset: '0', pitchFamily: '42' },
        delivery: 'delivered',
        sentAt: sent.sentAt,
      },
    ]);
    expect(kept?.summary).toMatchObject({ id: 'c1', participants: [{ handle: 'bob@example.com', name: 'BOB' }], messages: 1 });
  });

  it('creates the file owner-only in an owner-only directory', () => {
    openDatabase();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'history')).mode & 0o777).toBe(0o700);
  });

  it('finds words across every conversation, newest first, as prefixes while typing, with the hits marked', () => {
    const database = openDatabase();
    database.append([
      conversation('c1', 'bob@example.com'),
      message('c1', 'Shall we get a coffee?'),
      conversation('c2', 'carol@example.com'),
      message('c2', 'COFFEE break at <b>ten</b> & café later', { from: 'carol@example.com', fromName: 'Carol' }),
      message('c2', 'Tea for me'),
    ]);
    const result = database.search('coff');
    expect(result.hits.map((hit) => hit.message.text)).toEqual(['COFFEE break at <b>ten</b> & café later', 'Shall we get a coffee?']);
    expect(result.hits[0]?.with).toEqual(['carol@example.com']);
    expect(result.hits[0]?.parts).toEqual([
      { text: 'COFFEE', hit: true },
      { text: ' break at <b>ten</b> & café later', hit: false },
    ]);
    expect(database.search('cafe').hits).toHaveLength(1);
    expect(database.search('coffee later').hits.map((hit) => hit.message.conversationId)).toEqual(['c2']);
    expect(database.search('"NEAR( OR )').hits).toEqual([]);
    expect(database.search('  ').hits).toEqual([]);
  });

  it('says when a search found more than it returned', () => {
    const database = openDatabase();
    database.append([conversation('c1', 'bob@example.com'), ...Array.from({ length: 5 }, (_, n) => message('c1', `ping ${n}`))]);
    expect(database.search('ping', 3)).toMatchObject({ truncated: true, hits: [{ message: { text: 'ping 4' } }, {}, {}] });
    expect(database.search('ping', 5).truncated).toBe(false);
  });

  it('gives the last lines of earlier conversations with the same people, oldest first', () => {
    const database = openDatabase();
    database.append([
      conversation('old', 'bob@example.com'),
      ...['one', 'two', 'three'].map((text) => message('old', text)),
      conversation('group', 'bob@example.com', 'carol@example.com'),
      message('group', 'with Carol too'),
      conversation('now', 'bob@example.com'),
      message('now', 'this session'),
    ]);
    expect(database.recent('bob@example.com', 'now', 2).map((line) => line.text)).toEqual(['two', 'three']);
    expect(database.recent('bob@example.com carol@example.com', 'now', 5).map((line) => line.text)).toEqual(['with Carol too']);
  });

  it('lists contacts with their conversations, newest first, leaving out conversations where nothing was said', () => {
    const database = openDatabase();
    database.append([
      conversation('c1', 'bob@example.com'),
      message('c1', 'first'),
      conversation('c2', 'bob@example.com', 'carol@example.com'),
      message('c2', 'second'),
      conversation('empty', 'dave@example.com'),
    ]);
    const contacts = database.contacts();
    expect(contacts.map((contact) => [contact.handle, contact.conversations.map((summary) => summary.id)])).toEqual([
      ['bob@example.com', ['c2', 'c1']],
      ['carol@example.com', ['c2']],
    ]);
  });

  it('deletes one conversation, a contact, or everything, and the deleted words are no longer found', () => {
    const database = openDatabase();
    database.append([
      conversation('c1', 'bob@example.com'),
      message('c1', 'alpha'),
      conversation('c2', 'bob@example.com'),
      message('c2', 'bravo'),
      conversation('c3', 'carol@example.com'),
      message('c3', 'charlie'),
    ]);
    expect(database.delete({ kind: 'conversation', id: 'c1' })).toBe(1);
    expect(database.search('alpha').hits).toEqual([]);
    expect(database.delete({ kind: 'contact', handle: 'BOB@example.com' })).toBe(1);
    expect(database.contacts().map((contact) => contact.handle)).toEqual(['carol@example.com']);
    expect(database.delete({ kind: 'all' })).toBe(1);
    expect(database.messageCount()).toBe(0);
    expect(readFileSync(file).includes('charlie')).toBe(false);
  });

  it('keeps a message whose conversation was never recorded', () => {
    const database = openDatabase();
    database.append([message('unknown', 'still kept')]);
    expect(database.conversation('unknown')?.messages.map((line) => line.text)).toEqual(['still kept']);
  });

  it('fails a whole batch when the disk is full and writes nothing of it', () => {
    const database = openDatabase({ maxPageCount: 40 });
    database.append([conversation('c1', 'bob@example.com')]);
    const big = Array.from({ length: 200 }, (_, n) => message('c1', `${n} ${'x'.repeat(2_000)}`));
    let failure: unknown;
    try {
      database.append(big);
    } catch (error) {
      failure = error;
    }
    expect(isDiskFull(failure)).toBe(true);
    expect(database.messageCount()).toBe(0);
    database.append([message('c1', 'a small one fits')]);
    expect(database.messageCount()).toBe(1);
  });

  it('sets a damaged file aside, keeps it, and starts a new one', () => {
    mkdirSync(join(dir, 'history'), { recursive: true });
    writeFileSync(file, 'not a database '.repeat(500));
    const { database, setAsideAs } = HistoryDatabase.open(file);
    open.push(database);
    expect(setAsideAs).toMatch(/me@example\.com\.damaged-.*\.sqlite$/);
    expect(readFileSync(setAsideAs as string, 'utf8')).toBe('not a database '.repeat(500));
    database.append([conversation('c1', 'bob@example.com'), message('c1', 'fresh start')]);
    expect(database.messageCount()).toBe(1);
  });

  it('clears the lock a dead owner left behind, and refuses a database a live process owns', () => {
    openDatabase().close();
    open.length = 0;
    // What a process killed mid-transaction leaves: its pid (long gone) and the VFS's lock directory.
    writeFileSync(`${file}.owner`, '2147483646');
    mkdirSync(`${file}.lock`);
    const database = openDatabase();
    database.append([conversation('c1', 'bob@example.com'), message('c1', 'after the crash')]);
    expect(database.messageCount()).toBe(1);
    database.close();
    open.length = 0;
    writeFileSync(`${file}.owner`, String(process.ppid));
    expect(() => HistoryDatabase.open(file)).toThrow(HistoryInUseError);
    expect(existsSync(file)).toBe(true);
  });

  it('names an account file after its handle, and hashes a handle too long for a file name', () => {
    expect(historyFile('/data', 'Bob.Smith+x@Example.com')).toBe('/data/history/bob.smith%2bx@example.com.sqlite');
    expect(historyFile('/data', `${'é'.repeat(60)}@example.com`)).toMatch(/^\/data\/history\/[0-9a-f]{64}\.sqlite$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
