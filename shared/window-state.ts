// What a window is sent of the state: what it shows, not everything main keeps.
// - A long conversation: its newest entries, and how many come before them. Ten thousand messages
//   are two megabytes of JSON, which a window would receive and parse in one piece before drawing
//   anything, for the few messages it shows; it gets the newest RECENT_ENTRIES, and asks for older
//   ones (the conversationEntries command) as the reader scrolls to them.
// - A conversation window's contacts: those it shows or can invite (the people in its conversation,
//   and who is online), not the thousands offline, which are most of a large list's snapshot.
//   Patches are the same for every window of an account: one about a contact the window lacks adds it.
// Main keeps everything; only what crosses to a window is trimmed.

import { contactKey } from './contacts';
import type { Conversation, MessengerState } from './model';
import type { Route } from './routes';
import type { StatePatch } from './state';
import { entriesBetween, transcriptLength } from './transcript';

/** The entries of a conversation a window receives with it. */
export const RECENT_ENTRIES = 200;

/** The most entries one conversationEntries command returns. */
export const MAX_ENTRIES_PER_REQUEST = 1000;

/**
 * The conversation with only its newest entries, as a window holds it (no frozen chunks: those are
 * main's layout, shared/transcript.ts); the same object when main's copy is already that.
 */
export function recentPart(conversation: Conversation): Conversation {
  const { earlier, ...rest } = conversation;
  if (!earlier && conversation.entries.length <= RECENT_ENTRIES) return conversation;
  const length = transcriptLength(conversation);
  const older = Math.max(0, length - RECENT_ENTRIES);
  const { olderEntries: _layout, ...fields } = rest;
  return { ...fields, entries: entriesBetween(conversation, older), ...(older > 0 && { olderEntries: older }) };
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

/** The contacts a conversation window uses: the people in its conversation, and who is online. */
function conversationContacts(state: MessengerState, conversationId: string): MessengerState['contacts'] {
  const inConversation = new Set(state.conversations[conversationId]?.participants.map((person) => contactKey(person.handle)));
  return state.contacts.filter((contact) => contact.status !== 'FLN' || inConversation.has(contactKey(contact.handle)));
}

/** The state as a window showing `view` receives it in a snapshot (every contact when the view is not said). */
export function windowState(state: MessengerState, view?: Route): MessengerState {
  const conversations = recentParts(state.conversations);
  const contacts = view?.kind === 'conversation' ? conversationContacts(state, view.id) : state.contacts;
  return conversations === state.conversations && contacts === state.contacts ? state : { ...state, conversations, contacts };
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
