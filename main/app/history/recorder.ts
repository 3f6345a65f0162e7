// Turns the messenger's states into history records: a message is recorded when it first appears
// in a transcript (sent or received) and again whenever its delivery changes (delivered, not
// delivered). States share structure, so only conversations that are new objects are looked at,
// and in them only new entries and messages still waiting for their ACK: a typing notice or an ACK
// costs a comparison or two, whatever the length of the conversation.

import type { Conversation, MessengerState, TranscriptEntry } from '../../../shared/model';
import { formatHeaderValue } from '../../sb/format';
import type { HistoryRecord } from './records';
import { entriesBetween, entryAt, sameTranscript, transcriptLength } from '../../../shared/transcript';

type Conversations = MessengerState['conversations'];

function conversationRecord(conversation: Conversation, at: number): HistoryRecord {
  return {
    kind: 'conversation',
    id: conversation.id,
    participants: conversation.participants.map((person) => ({ handle: person.handle, name: person.friendlyName })),
    at,
  };
}

function messageRecord(conversationId: string, entry: Extract<TranscriptEntry, { type: 'message' }>): HistoryRecord {
  return {
    kind: 'message',
    id: entry.id,
    conversationId,
    from: entry.from,
    fromName: entry.fromName,
    text: entry.text,
    ...(entry.format && { format: formatHeaderValue(entry.format) }),
    delivery: entry.delivery,
    sentAt: entry.sentAt,
  };
}

/** A delivery that can still change (an ACK or a NAK to come, a resend of a failed message). */
const unsettled = (entry: TranscriptEntry | undefined): boolean => entry?.type === 'message' && (entry.delivery === 'sending' || entry.delivery === 'failed');

interface Seen {
  readonly transcript: Transcript;
  readonly participants: Conversation['participants'];
  /** Indexes of the messages whose delivery can still change. */
  readonly unsettled: readonly number[];
}

type Transcript = Pick<Conversation, 'entries' | 'olderEntries' | 'earlier'>;

function seenOf(conversation: Conversation): Seen {
  const open: number[] = [];
  entriesBetween(conversation, 0).forEach((entry, index) => {
    if (unsettled(entry)) open.push(index);
  });
  return { transcript: conversation, participants: conversation.participants, unsettled: open };
}

/**
 * Turns each new set of conversations into the records that bring history up to date. A transcript
 * only grows, and an entry already there changes only while its delivery is unsettled, so each
 * change costs the new entries and the unsettled ones, not the whole transcript: a long
 * conversation costs the chat no more than a short one. (A transcript that ever shrank is compared
 * in full.)
 */
export class HistoryRecorder {
  private readonly seen = new Map<string, Seen>();
  private last: Conversations;

  /** `baseline`: conversations already recorded (or not to be): only what changes after them is. */
  constructor(baseline: Conversations) {
    this.last = baseline;
    for (const conversation of Object.values(baseline)) this.seen.set(conversation.id, seenOf(conversation));
  }

  /** The records for what changed since the last call; `now` dates a conversation with no message yet. */
  next(conversations: Conversations, now: number): HistoryRecord[] {
    if (conversations === this.last) return [];
    this.last = conversations;
    const records: HistoryRecord[] = [];
    for (const conversation of Object.values(conversations)) {
      const previous = this.seen.get(conversation.id);
      if (previous && sameTranscript(previous.transcript, conversation) && previous.participants === conversation.participants) continue;
      const changed: HistoryRecord[] = [];
      const looked = this.changedIndexes(previous, conversation);
      for (const index of looked) {
        const entry = entryAt(conversation, index);
        const was = previous && entryAt(previous.transcript, index);
        if (entry?.type !== 'message' || entry === was) continue;
        if (was?.type === 'message' && was.id === entry.id && was.delivery === entry.delivery) continue;
        changed.push(messageRecord(conversation.id, entry));
      }
      // A message is written after its conversation, and a newcomer is written before what they say.
      if (previous?.participants !== conversation.participants) {
        const first = changed[0];
        records.push(conversationRecord(conversation, first?.kind === 'message' ? first.sentAt : now));
      }
      records.push(...changed);
      const open = looked.filter((index) => unsettled(entryAt(conversation, index)));
      this.seen.set(conversation.id, { transcript: conversation, participants: conversation.participants, unsettled: open });
    }
    for (const id of this.seen.keys()) if (!Object.hasOwn(conversations, id)) this.seen.delete(id);
    return records;
  }

  /** The indexes that may have changed: the unsettled ones and the new ones (every one, for a transcript that shrank). */
  private changedIndexes(previous: Seen | undefined, transcript: Transcript): number[] {
    const length = transcriptLength(transcript);
    const before = previous ? transcriptLength(previous.transcript) : 0;
    const from = previous && length >= before ? before : 0;
    const grown = Array.from({ length: length - from }, (_, offset) => from + offset);
    return from === 0 || !previous ? grown : [...previous.unsettled, ...grown];
  }
}
