// The store with its real worker thread and database file.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFile } from './files';
import type { HistoryRecord, MessageRecord } from './records';
import { SOURCE_HISTORY_WORKER } from './source-worker';
import { type HistoryProblemEvent, HistoryStore, type HistoryStoreOptions, HistoryUnavailableError } from './store';

let dir: string;
let file: string;
const stores: HistoryStore[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-history-store-'));
  file = historyFile(dir, 'me@example.com');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

function openStore(options: Partial<HistoryStoreOptions> = {}): { store: HistoryStore; problems: HistoryProblemEvent[] } {
  const store = new HistoryStore({ file, worker: SOURCE_HISTORY_WORKER, ...options });
  stores.push(store);
  const problems: HistoryProblemEvent[] = [];
  store.on('problem', (problem) => problems.push(problem));
  return { store, problems };
}

const conversation: HistoryRecord = { kind: 'conversation', id: 'c1', participants: [{ handle: 'bob@example.com', name: 'Bob' }], at: 1 };
let next = 0;
const message = (text: string): MessageRecord => {
  next += 1;
  return { kind: 'message', id: `m${next}`, conversationId: 'c1', from: 'bob@example.com', fromName: 'Bob', text, delivery: 'received', sentAt: 1_000 + next };
};

// Each test starts a worker thread that loads SQLite; on a busy machine that alone takes seconds.
describe('HistoryStore', { timeout: 30_000 }, () => {
  it('commits what it is handed, and a query sees everything handed over before it', async () => {
    const { store, problems } = openStore();
    store.record([conversation, message('first words')]);
    store.record([message('second words')]);
    const found = await store.query('search', 'words');
    expect(found.hits.map((hit) => hit.message.text)).toEqual(['second words', 'first words']);
    await store.whenCommitted();
    expect(store.backlog).toBe(0);
    expect(problems).toEqual([]);
  });

  it('makes the records of recordLater only when it hands them over, in order, and waits for them before saying all is committed', async () => {
    const { store, problems } = openStore();
    await store.ready;
    const made: string[] = [];
    const later = message('made when handed over');
    store.recordLater(() => {
      made.push('conversation');
      return [conversation];
    });
    store.record([later]);
    store.recordLater(() => {
      made.push('nothing');
      return [];
    });
    expect(made).toEqual([]);
    expect(store.backlog).toBe(1);
    await store.whenCommitted();
    expect(made).toEqual(['conversation', 'nothing']);
    expect(store.backlog).toBe(0);
    expect((await store.query('conversation', 'c1'))?.messages.map((line) => line.text)).toEqual(['made when handed over']);
    store.recordLater(() => []);
    await store.whenCommitted();
    expect(problems).toEqual([]);
  });

  it('hands over everything else, and logs why, when making the records of one change fails', async () => {
    const lines: string[] = [];
    const { store, problems } = openStore({ log: (line) => lines.push(line) });
    await store.ready;
    const kept = message('kept');
    store.recordLater(() => [conversation]);
    store.recordLater(() => {
      throw new Error('recorder fault');
    });
    store.record([kept]);
    await store.whenCommitted();
    expect((await store.query('conversation', 'c1'))?.messages.map((line) => line.text)).toEqual(['kept']);
    expect(lines.some((line) => line.includes('could not make the records') && line.includes('recorder fault'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says the disk is full, keeps what waits, and catches up once there is room', async () => {
    const { store, problems } = openStore({ maxPageCount: 110 });
    const filler = { ...conversation, id: 'c0' };
    store.record([filler, ...Array.from({ length: 60 }, (_, n) => ({ ...message(`filler ${n} ${'y'.repeat(2_000)}`), conversationId: 'c0' }))]);
    // 60 messages of 2 KB take about 70 pages: the filler fits in 110, the filler and the next 60 do not.
    await store.whenCommitted();
    const full = store.next('problem');
    const recovered = store.next('recovered');
    store.record([conversation, ...Array.from({ length: 60 }, (_, n) => message(`big ${n} ${'x'.repeat(2_000)}`))]);
    expect(await full).toEqual({ problem: 'disk-full' });
    expect(store.backlog).toBe(61);
    // Making room: deleting what was kept frees its pages, and the waiting batch fits after all.
    await store.query('delete', { kind: 'conversation', id: 'c0' });
    await recovered;
    expect(store.backlog).toBe(0);
    expect((await store.query('search', 'big')).hits).toHaveLength(60);
    expect(problems).toEqual([{ problem: 'disk-full' }]);
  });

  it('says so while writes lag behind, and when they have caught up', async () => {
    const { store } = openStore({ slowAfterMs: 1 });
    await store.ready;
    const slow = store.next('problem');
    const recovered = store.next('recovered');
    store.record([conversation, ...Array.from({ length: 20_000 }, (_, n) => message(`line ${n}`))]);
    expect(await slow).toEqual({ problem: 'slow' });
    await recovered;
    expect(store.backlog).toBe(0);
  });

  it('sets a damaged database aside, says where it went, and keeps history in a new one', async () => {
    mkdirSync(join(dir, 'history'), { recursive: true });
    writeFileSync(file, 'garbage '.repeat(1_000));
    const { store, problems } = openStore();
    store.record([conversation, message('kept anyway')]);
    expect((await store.query('search', 'kept')).hits).toHaveLength(1);
    expect(problems).toEqual([{ problem: 'damaged', setAsideAs: expect.stringMatching(/\.damaged-.*\.sqlite$/) }]);
    expect(readFileSync(problems[0]?.setAsideAs as string, 'utf8')).toBe('garbage '.repeat(1_000));
  });

  it('is unavailable, and says so, while another live process owns the database', async () => {
    mkdirSync(join(dir, 'history'), { recursive: true });
    writeFileSync(`${file}.owner`, String(process.ppid));
    const { store, problems } = openStore();
    await expect(store.ready).rejects.toBeInstanceOf(HistoryUnavailableError);
    await expect(store.query('contacts')).rejects.toBeInstanceOf(HistoryUnavailableError);
    expect(problems).toEqual([{ problem: 'unavailable' }]);
    expect(existsSync(file)).toBe(false);
  });
});
