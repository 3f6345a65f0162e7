// Turns the messenger's states into history records: a message is recorded when it first appears
// in a transcript (sent or received) and again whenever its delivery changes (delivered, not
// delivered). States share structure, so only conversations and transcript tails that are new
// objects are looked at: a typing notice or an ACK costs a comparison or two, whatever the length
// of the conversation.

import type { Conversation, MessengerState, TranscriptEntry } from '../../../shared/model';
import { formatHeaderValue } from '../../sb/format';
import type { HistoryRecord } from './records';

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

/** The records that bring history from `before` to `after`; `now` dates a conversation with no message yet. */
export function historyRecords(before: Conversations, after: Conversations, now: number): HistoryRecord[] {
  if (before === after) return [];
  const records: HistoryRecord[] = [];
  for (const conversation of Object.values(after)) {
    const previous = before[conversation.id];
    if (previous === conversation) continue;
    const entries = conversation.entries;
    const old = previous?.entries ?? [];
    let from = 0;
    while (from < entries.length && from < old.length && entries[from] === old[from]) from += 1;
    const changed: HistoryRecord[] = [];
    for (let index = from; index < entries.length; index += 1) {
      const entry = entries[index] as TranscriptEntry;
      if (entry.type !== 'message') continue;
      const was = old[index];
      if (was?.type === 'message' && was.id === entry.id && was.delivery === entry.delivery) continue;
      changed.push(messageRecord(conversation.id, entry));
    }
    // A message is written after its conversation, and a newcomer is written before what they say.
    if (!previous || previous.participants !== conversation.participants) {
      const first = changed[0];
      records.push(conversationRecord(conversation, first?.kind === 'message' ? first.sentAt : now));
    }
    records.push(...changed);
  }
  return records;
}
