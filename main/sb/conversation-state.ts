// Pure, immutable updates of one Conversation record. Every function returns the same object when
// nothing changes, so the renderer's selectors keep identity and unchanged entries are shared.

import type { ChatMessage, Conversation, Participant, SystemLine, TranscriptEntry } from '../../shared/model';
import { entryAt, indexOfEntry, withAppended, withReplaced, withTranscript } from '../../shared/transcript';

export type MessageEntry = Extract<TranscriptEntry, { type: 'message' }>;

/**
 * A conversation with every field there from the start, optional ones undefined, in the one order
 * withTranscript makes them in: each version made from it by spreading then has the same shape,
 * so V8 copies it as one known layout, not property by property.
 */
export function newConversation(id: string, participants: readonly Participant[]): Conversation {
  return withTranscript({ id, participants, entries: [], typing: [], connected: false }, [], undefined, undefined, undefined);
}

/** The conversation with `entry` at the end of its transcript (and, for a message received, when it came). */
export function withEntry(conversation: Conversation, entry: TranscriptEntry, lastReceivedAt?: number): Conversation {
  return withAppended(conversation, entry, lastReceivedAt);
}

export function systemEntry(line: SystemLine): TranscriptEntry {
  return { type: 'system', ...line };
}

export function messageEntry(message: ChatMessage): MessageEntry {
  return { type: 'message', ...message };
}

/**
 * Where a message is in the transcript, searched from the newest end: the messages looked up (to
 * send, to mark ACKed or failed) are nearly always the last few, however long the transcript.
 */
export function indexOfMessage(conversation: Conversation, messageId: string, hint?: number): number {
  const index = indexOfEntry(conversation, messageId, hint);
  return entryAt(conversation, index)?.type === 'message' ? index : -1;
}

export function findMessage(conversation: Conversation, messageId: string, hint?: number): MessageEntry | undefined {
  return entryAt(conversation, indexOfMessage(conversation, messageId, hint)) as MessageEntry | undefined;
}

/** Replaces one message (`hint`: where it was last seen); the others keep their identity. */
export function withMessage(
  conversation: Conversation,
  messageId: string,
  update: (message: MessageEntry) => MessageEntry,
  hint?: number,
): Conversation {
  const index = indexOfMessage(conversation, messageId, hint);
  if (index < 0) return conversation;
  const message = entryAt(conversation, index) as MessageEntry;
  const next = update(message);
  return next === message ? conversation : withReplaced(conversation, index, next);
}

/** Adds a participant, or refreshes the friendly name and presence of one already listed. */
export function withParticipant(conversation: Conversation, participant: Participant): Conversation {
  const existing = conversation.participants.find((candidate) => candidate.handle === participant.handle);
  if (existing?.friendlyName === participant.friendlyName && existing.present === participant.present) return conversation;
  const participants = existing
    ? conversation.participants.map((candidate) => (candidate === existing ? participant : candidate))
    : [...conversation.participants, participant];
  return { ...conversation, participants };
}

export function withoutParticipant(conversation: Conversation, handle: string): Conversation {
  if (!conversation.participants.some((candidate) => candidate.handle === handle)) return conversation;
  return { ...conversation, participants: conversation.participants.filter((candidate) => candidate.handle !== handle) };
}

export function withTyping(conversation: Conversation, handle: string, typing: boolean): Conversation {
  const listed = conversation.typing.includes(handle);
  if (listed === typing) return conversation;
  return { ...conversation, typing: typing ? [...conversation.typing, handle] : conversation.typing.filter((h) => h !== handle) };
}

/** Marks one participant (or, without a handle, everyone) as no longer in the switchboard. */
export function withAbsent(conversation: Conversation, handle?: string): Conversation {
  const leaving = (participant: Participant): boolean => participant.present === true && (handle === undefined || participant.handle === handle);
  if (!conversation.participants.some(leaving)) return conversation;
  return {
    ...conversation,
    participants: conversation.participants.map((participant) => (leaving(participant) ? { ...participant, present: false } : participant)),
  };
}

export function withoutTyping(conversation: Conversation): Conversation {
  return conversation.typing.length === 0 ? conversation : { ...conversation, typing: [] };
}

export function withConnected(conversation: Conversation, connected: boolean): Conversation {
  return conversation.connected === connected ? conversation : { ...conversation, connected };
}
