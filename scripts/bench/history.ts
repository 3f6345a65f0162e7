// (h) Chat history: the switchboard round trip with history on and off in the same run (two pairs
// of clients, measured in alternating blocks, paced as a chat and back to back), appending 100,000 messages through the history
// worker (time, file size), a message on its own as a quiet chat commits it, searching for a word
// (median of 100 different words), and opening a conversation's last 50 lines.

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SOURCE_HISTORY_WORKER } from '../../main/app/history/source-worker';
import type { HistoryRecord } from '../../main/app/history/records';
import { HistoryStore } from '../../main/app/history/store';
import { startServer } from '../../server/index';
import { PAIR_ACCOUNTS, signedInPair } from './history-pair';
import { formatNumber, median, megabytes, milliseconds, percentile, printTable, timeRounds } from './measure';

const MESSAGES = 100_000;
const BATCH = 100;
const SINGLE_COMMITS = 200;
/** Longer than the worker's pause between commits, so each message is a transaction of its own. */
const QUIET_MS = 40;
const CONTACTS = 50;
const CONVERSATIONS = 1_000;
const QUERIES = 100;
const BLOCKS = 10;
const ROUND_TRIPS_PER_BLOCK = 100;
/** A chat, even a fast one, is a few messages a second: one every 50 ms is still 20 a second. */
const PACE_MS = 50;
const PACED_BLOCKS = 4;
const PACED_PER_BLOCK = 40;

const WORDS = (
  'hello coffee tonight movie homework music weekend party dinner football email picture modem chat ' +
  'school office holiday birthday game online offline server window message friend family summer winter ' +
  'morning evening lunch pizza concert ticket train station airport beach mountain camera phone letter'
).split(' ');

/** A deterministic stream of chat-like text: 6 to 20 words. */
function sentence(seed: number): string {
  let state = seed * 2_654_435_761;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state;
  };
  const length = 6 + (next() % 15);
  return Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ');
}

function syntheticHistory(): HistoryRecord[][] {
  const batches: HistoryRecord[][] = [];
  let batch: HistoryRecord[] = [];
  for (let conversation = 0; conversation < CONVERSATIONS; conversation++) {
    const handle = `friend${conversation % CONTACTS}@bench.example`;
    batch.push({ kind: 'conversation', id: `c${conversation}`, participants: [{ handle, name: `Friend ${conversation % CONTACTS}` }], at: conversation * 1_000 });
    const perConversation = MESSAGES / CONVERSATIONS;
    for (let index = 0; index < perConversation; index++) {
      const n = conversation * perConversation + index;
      const mine = n % 2 === 0;
      batch.push({
        kind: 'message',
        id: `m${n}`,
        conversationId: `c${conversation}`,
        from: mine ? 'me@bench.example' : handle,
        fromName: mine ? 'Me' : `Friend ${conversation % CONTACTS}`,
        text: sentence(n),
        format: 'FN=Comic%20Sans%20MS; EF=B; CO=800000; CS=0; PF=42',
        delivery: mine ? 'delivered' : 'received',
        sentAt: 1_000_000 + n * 1_000,
      });
      if (batch.length >= BATCH) {
        batches.push(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

async function benchStore(root: string): Promise<void> {
  const file = join(root, 'history', 'me.sqlite');
  const store = new HistoryStore({ file, worker: SOURCE_HISTORY_WORKER });
  try {
    await store.ready;
    const batches = syntheticHistory();
    const appendStarted = performance.now();
    for (const batch of batches) store.record(batch);
    await store.whenCommitted();
    const appendMs = performance.now() - appendStarted;
    const size = (await stat(file)).size;

    // A quiet chat: a message on its own, from being handed over to being committed and synced.
    const single: number[] = [];
    for (let index = 0; index < SINGLE_COMMITS; index++) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      const started = performance.now();
      store.record([{ kind: 'message', id: `single${index}`, conversationId: 'c0', from: 'me@bench.example', fromName: 'Me', text: sentence(index), delivery: 'sending', sentAt: index }]);
      await store.whenCommitted();
      single.push(performance.now() - started);
    }

    let word = 0;
    const searches = await timeRounds(() => store.query('search', WORDS[word++ % WORDS.length] as string, 200), { warmup: 5, rounds: QUERIES });
    const prefixes = await timeRounds(() => store.query('search', (WORDS[word++ % WORDS.length] as string).slice(0, 3), 200), { warmup: 5, rounds: QUERIES });
    let contact = 0;
    const recent = await timeRounds(() => store.query('recent', `friend${contact++ % CONTACTS}@bench.example`, 'none', 50), { warmup: 5, rounds: QUERIES });
    const contacts = await timeRounds(() => store.query('contacts'), { warmup: 1, rounds: 10 });

    printTable(`(h) History: ${formatNumber(MESSAGES)} messages in ${formatNumber(CONVERSATIONS)} conversations with ${CONTACTS} contacts, through the worker`, ['measure', 'figure'], [
      [`append ${formatNumber(MESSAGES)} (batches of ${BATCH}, one transaction each)`, `${milliseconds(appendMs)} (${formatNumber(MESSAGES / (appendMs / 1000))} messages/s)`],
      ['file size', `${megabytes(size)} (${formatNumber(size / MESSAGES)} B a message)`],
      [`a message on its own: handed over → committed and synced, median of ${SINGLE_COMMITS}`, milliseconds(median(single))],
      [`search a word, median of ${QUERIES} (newest 200 hits)`, milliseconds(median(searches))],
      ['search a word, p95', milliseconds(percentile(searches, 0.95))],
      [`search a 3-letter prefix (as typed), median of ${QUERIES}`, milliseconds(median(prefixes))],
      [`open a conversation's last 50 lines, median of ${QUERIES}`, milliseconds(median(recent))],
      ['list contacts and conversations (history window), median of 10', milliseconds(median(contacts))],
    ]);
  } finally {
    await store.close();
  }
}

async function benchRoundTrip(root: string): Promise<void> {
  // One server each, so a pair's sign-in never signs the other pair's clients out.
  const servers = await Promise.all([startServer({ accounts: PAIR_ACCOUNTS }), startServer({ accounts: PAIR_ACCOUNTS })]);
  const [plainServer, keepingServer] = servers;
  const plain = await signedInPair(`${plainServer?.host}:${plainServer?.dispatchPort}`, join(root, 'off'), false);
  const keeping = await signedInPair(`${keepingServer?.host}:${keepingServer?.dispatchPort}`, join(root, 'on'), true);
  try {
    /** Alternating blocks of the two pairs; `gapMs` between round trips (0: back to back). */
    const measure = async (gapMs: number, blocks: number, perBlock: number): Promise<Record<'off' | 'on', number[]>> => {
      const samples: Record<'off' | 'on', number[]> = { off: [], on: [] };
      for (let block = 0; block < blocks; block++) {
        for (const [name, pair] of [['off', plain], ['on', keeping]] as const) {
          for (let index = 0; index < 10; index++) await pair.roundTrip(`warm ${count++}`);
          for (let index = 0; index < perBlock; index++) {
            if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
            samples[name].push(await pair.roundTrip(`ping ${count++} ${sentence(count)}`));
          }
        }
      }
      return samples;
    };
    let count = 0;
    const rows = (label: string, samples: Record<'off' | 'on', number[]>): string[][] => {
      const off = median(samples.off);
      const on = median(samples.on);
      return [
        [`${label}: off`, milliseconds(off), milliseconds(percentile(samples.off, 0.95))],
        [`${label}: on (both clients keep it)`, milliseconds(on), milliseconds(percentile(samples.on, 0.95))],
        [`${label}: history adds`, `${formatNumber(((on - off) / off) * 100, 1)} %`, ''],
      ];
    };
    const paced = await measure(PACE_MS, PACED_BLOCKS, PACED_PER_BLOCK);
    const flood = await measure(0, BLOCKS, ROUND_TRIPS_PER_BLOCK);
    printTable(`(h) Round trip A → B → A with history off and on (same run, alternating blocks)`, ['round trips', 'p50', 'p95'], [
      ...rows(`one every ${PACE_MS} ms (${PACED_BLOCKS} × ${PACED_PER_BLOCK})`, paced),
      ...rows(`back to back (${BLOCKS} × ${ROUND_TRIPS_PER_BLOCK})`, flood),
    ]);
  } finally {
    await Promise.all([plain.close(), keeping.close()]);
    await Promise.all(servers.map((server) => server.close()));
  }
}

export async function benchHistory(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'msn-bench-history-'));
  try {
    // The round trips first, while the process is as fresh as for (e).
    await benchRoundTrip(root);
    await benchStore(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
