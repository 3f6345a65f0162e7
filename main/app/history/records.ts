// What the recorder hands the store: plain data, cloned to the history worker as it is.

import type { DeliveryState } from '../../../shared/model';
import type { HistoryPerson } from '../../../shared/history';

/** A conversation and everyone in it so far; written before its messages, again when someone joins. */
export interface ConversationRecord {
  readonly kind: 'conversation';
  readonly id: string;
  readonly participants: readonly HistoryPerson[];
  readonly at: number;
}

/** A message as shown or ACKed: written when it first appears, again when its delivery changes. */
export interface MessageRecord {
  readonly kind: 'message';
  readonly id: string;
  readonly conversationId: string;
  readonly from: string;
  readonly fromName: string;
  readonly text: string;
  /** The X-MMS-IM-Format header value, as MSN 2.0 wrote it; absent for a message without one (MSNP2). */
  readonly format?: string;
  readonly delivery: DeliveryState;
  readonly sentAt: number;
}

export type HistoryRecord = ConversationRecord | MessageRecord;

/** The `people` key of a conversation: the other people's handles, sorted, space-separated. */
export function peopleKey(handles: Iterable<string>): string {
  return [...new Set([...handles].map((handle) => handle.toLowerCase()))].sort().join(' ');
}
