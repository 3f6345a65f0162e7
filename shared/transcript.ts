// A conversation's transcript as main keeps it: the newest entries in `entries`, and everything
// before them in `earlier`, frozen chunks of TRANSCRIPT_CHUNK entries. Every change makes a new
// transcript (the state stays immutable, so windows and the history compare by identity), but an
// appended message copies the short `entries` and an ACK copies one chunk, never the whole
// transcript: a chat of ten thousand lines costs each message what a chat of ten does. A window's
// copy has no `earlier` (it holds its newest entries and asks for older ones, window-state.ts);
// `olderEntries` counts what comes before `entries[0]` in both.

import type { Conversation, TranscriptEntry } from './model';

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

/** The transcript with `entry` added at its end (and `fields` changed with it); once `entries` reaches two chunks, the older one is frozen into `earlier`. */
export function withAppended<T extends Transcript>(transcript: T, entry: TranscriptEntry, fields?: Partial<T>): T {
  const entries = transcript.entries.slice();
  entries.push(entry);
  if (entries.length < 2 * TRANSCRIPT_CHUNK || !canChunk(transcript)) return fields ? { ...transcript, ...fields, entries } : { ...transcript, entries };
  const earlier = [...(transcript.earlier ?? []), entries.slice(0, TRANSCRIPT_CHUNK)];
  return { ...transcript, ...fields, entries: entries.slice(TRANSCRIPT_CHUNK), earlier, olderEntries: earlier.length * TRANSCRIPT_CHUNK };
}

/** The transcript with the entry at `index` replaced (a delivery changed); the rest keep their identity. */
export function withReplaced<T extends Transcript>(transcript: T, index: number, entry: TranscriptEntry): T {
  const older = transcript.olderEntries ?? 0;
  if (index >= older) {
    const entries = transcript.entries.slice();
    entries[index - older] = entry;
    return { ...transcript, entries };
  }
  const earlier = (transcript.earlier ?? []).slice();
  const chunk = (earlier[Math.floor(index / TRANSCRIPT_CHUNK)] ?? []).slice();
  chunk[index % TRANSCRIPT_CHUNK] = entry;
  earlier[Math.floor(index / TRANSCRIPT_CHUNK)] = chunk;
  return { ...transcript, earlier };
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
