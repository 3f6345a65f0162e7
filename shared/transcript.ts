// A conversation's transcript as main keeps it: the newest entries in `entries`, and everything
// before them in `earlier`, frozen chunks of TRANSCRIPT_CHUNK entries. Every change makes a new
// transcript (the state stays immutable, so windows and the history compare by identity), but an
// appended message copies the short `entries` and an ACK copies one chunk, never the whole
// transcript: a chat of ten thousand lines costs each message what a chat of ten does. A window's
// copy has no `earlier` (it holds its newest entries and asks for older ones, window-state.ts);
// `olderEntries` counts what comes before `entries[0]` in both.

import type { AllFields, Conversation, TranscriptEntry } from './model';

/** Entries per frozen chunk; `entries` holds fewer than twice this many. */
export const TRANSCRIPT_CHUNK = 32;

type Transcript = Pick<Conversation, 'entries' | 'olderEntries' | 'earlier'>;

/** How many entries the whole transcript has (a window's copy: including those it does not hold). */
export function transcriptLength(transcript: Transcript): number {
  return (transcript.olderEntries ?? 0) + transcript.entries.length;
}

/** Whether two transcripts are the same one (both unchanged since one was made from the other). */
export function sameTranscript(a: Transcript, b: Transcript): boolean {
  return a.entries === b.entries && a.earlier === b.earlier;
}

/** The entry at `index` of the whole transcript; undefined when out of range or not held here. */
export function entryAt(transcript: Transcript, index: number): TranscriptEntry | undefined {
  const older = transcript.olderEntries ?? 0;
  if (index >= older) return transcript.entries[index - older];
  if (index < 0) return undefined;
  return transcript.earlier?.[Math.floor(index / TRANSCRIPT_CHUNK)]?.[index % TRANSCRIPT_CHUNK];
}

/** The entries from `from` up to (not including) `to` of the whole transcript that are held here. */
export function entriesBetween(transcript: Transcript, from: number, to = transcriptLength(transcript)): TranscriptEntry[] {
  const older = transcript.olderEntries ?? 0;
  const start = Math.max(0, from);
  const end = Math.min(to, transcriptLength(transcript));
  const slice: TranscriptEntry[] = [];
  for (let index = start; index < Math.min(end, older); index++) {
    const entry = entryAt(transcript, index);
    if (entry) slice.push(entry);
  }
  if (end > older) slice.push(...transcript.entries.slice(Math.max(start, older) - older, end - older));
  return slice;
}

/** Where a message or line is, searched from the newest end (`hint`: where it was last seen); -1 when absent. */
export function indexOfEntry(transcript: Transcript, id: string, hint?: number): number {
  // Entries are only ever appended, so where an entry once was, it still is.
  if (hint !== undefined && entryAt(transcript, hint)?.id === id) return hint;
  const length = transcriptLength(transcript);
  for (let index = length - 1; index >= length - transcript.entries.length; index--) {
    if (transcript.entries[index - (length - transcript.entries.length)]?.id === id) return index;
  }
  const chunks = transcript.earlier ?? [];
  for (let chunk = chunks.length - 1; chunk >= 0; chunk--) {
    const entries = chunks[chunk] as readonly TranscriptEntry[];
    for (let offset = entries.length - 1; offset >= 0; offset--) {
      if (entries[offset]?.id === id) return chunk * TRANSCRIPT_CHUNK + offset;
    }
  }
  return -1;
}

/**
 * The conversation with `entry` added at its end (and `lastReceivedAt` set with it); once
 * `entries` reaches two chunks, the older one is frozen into `earlier`.
 */
export function withAppended(conversation: Conversation, entry: TranscriptEntry, lastReceivedAt = conversation.lastReceivedAt): Conversation {
  // Copied then pushed: the quickest way V8 has to a copy one entry longer.
  const entries = conversation.entries.slice();
  entries.push(entry);
  const { earlier, olderEntries } = conversation;
  if (entries.length < 2 * TRANSCRIPT_CHUNK || !canChunk(conversation)) return withTranscript(conversation, entries, earlier, olderEntries, lastReceivedAt);
  const frozen = [...(earlier ?? []), entries.slice(0, TRANSCRIPT_CHUNK)];
  return withTranscript(conversation, entries.slice(TRANSCRIPT_CHUNK), frozen, frozen.length * TRANSCRIPT_CHUNK, lastReceivedAt);
}

/** The conversation with the entry at `index` replaced (a delivery changed); the rest keep their identity. */
export function withReplaced(conversation: Conversation, index: number, entry: TranscriptEntry): Conversation {
  const { earlier, olderEntries, lastReceivedAt } = conversation;
  const older = olderEntries ?? 0;
  if (index >= older) {
    const entries = conversation.entries.slice();
    entries[index - older] = entry;
    return withTranscript(conversation, entries, earlier, olderEntries, lastReceivedAt);
  }
  const chunks = (earlier ?? []).slice();
  const chunk = (chunks[Math.floor(index / TRANSCRIPT_CHUNK)] ?? []).slice();
  chunk[index % TRANSCRIPT_CHUNK] = entry;
  chunks[Math.floor(index / TRANSCRIPT_CHUNK)] = chunk;
  return withTranscript(conversation, conversation.entries, chunks, olderEntries, lastReceivedAt);
}

/**
 * The conversation with its transcript fields as given, made as a literal of every field in one
 * order, not by spreading: this runs for every message sent, ACKed and received, and V8 copies a
 * spread conversation a property at a time. Every conversation of main's is made here (or spread
 * from one that was), so all have that one layout.
 */
export function withTranscript(
  conversation: Conversation,
  entries: readonly TranscriptEntry[],
  earlier: Conversation['earlier'],
  olderEntries: number | undefined,
  lastReceivedAt: number | undefined,
): Conversation {
  const next: AllFields<Conversation> = {
    id: conversation.id,
    participants: conversation.participants,
    entries,
    olderEntries,
    earlier,
    typing: conversation.typing,
    connected: conversation.connected,
    lastReceivedAt,
  };
  return next as Conversation;
}

/**
 * The first index of the whole transcript whose entry differs between `before` and `after` (two
 * versions of main's copy), or the shorter length when one begins the other. Frozen chunks that
 * are the same object are stepped over whole.
 */
export function firstChangedEntry(before: Transcript, after: Transcript): number {
  const common = Math.min(transcriptLength(before), transcriptLength(after));
  const chunksBefore = before.earlier ?? [];
  const chunksAfter = after.earlier ?? [];
  let chunk = 0;
  while (chunk < chunksBefore.length && chunk < chunksAfter.length && chunksBefore[chunk] === chunksAfter[chunk]) chunk++;
  // Past the chunks both share, entries are compared one by one: the short tail, or a chunk or two.
  let index = Math.min(chunk * TRANSCRIPT_CHUNK, common);
  while (index < common && entryAt(before, index) === entryAt(after, index)) index++;
  return index;
}

/** Only main's whole copy is chunked: a window's copy, which starts later, never is. */
function canChunk(transcript: Transcript): boolean {
  return (transcript.olderEntries ?? 0) === (transcript.earlier?.length ?? 0) * TRANSCRIPT_CHUNK;
}
