// What a window holds of a long conversation: its newest entries, and how many come before them.
// A conversation of ten thousand messages is two megabytes of JSON, which a window would have to
// receive and parse in one piece before drawing anything, for the few messages it shows; it gets
// the newest RECENT_ENTRIES instead, and asks for older ones (the conversationEntries command) as
// the reader scrolls to them. Main keeps every entry; only what crosses to a window is trimmed.

import type { Conversation, MessengerState } from './model';
import type { StatePatch } from './state';

/** The entries of a conversation a window receives with it. */
export const RECENT_ENTRIES = 200;

/** The most entries one conversationEntries command returns. */
export const MAX_ENTRIES_PER_REQUEST = 1000;

/** The conversation with only its newest entries; the same object when it has no more than that. */
export function recentPart(conversation: Conversation): Conversation {
  const { entries } = conversation;
  if (entries.length <= RECENT_ENTRIES) return conversation;
  const older = entries.length - RECENT_ENTRIES;
  return { ...conversation, entries: entries.slice(older), olderEntries: (conversation.olderEntries ?? 0) + older };
}

function recentParts(conversations: MessengerState['conversations']): MessengerState['conversations'] {
  let trimmed: Record<string, Conversation> | undefined;
  for (const id in conversations) {
    const conversation = conversations[id] as Conversation;
    const recent = recentPart(conversation);
    if (recent === conversation) continue;
    trimmed ??= { ...conversations };
    trimmed[id] = recent;
  }
  return trimmed ?? conversations;
}

/** The state as a window receives it in a snapshot. */
export function windowState(state: MessengerState): MessengerState {
  const conversations = recentParts(state.conversations);
  return conversations === state.conversations ? state : { ...state, conversations };
}

/**
 * The patch as windows receive it: a conversation new to them comes with its newest entries only.
 * A changed conversation's transcript tail is left whole: it starts at the first changed entry,
 * which a window that is in step either holds or (when older than what it holds) takes in with
 * everything after it.
 */
export function windowPatch(patch: StatePatch): StatePatch {
  const { conversations } = patch;
  if (!conversations) return patch;
  const set = recentParts(conversations.set);
  return set === conversations.set ? patch : { ...patch, conversations: { ...conversations, set } };
}
