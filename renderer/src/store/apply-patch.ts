// Applies main's StatePatch to the renderer's mirror. A patch that changes nothing returns the
// very same state object; a patch that changes one contact keeps every other contact's object,
// and one that changes a conversation keeps its untouched fields and transcript entries.

import type { ConversationUpdate, StatePatch, TranscriptTail } from '../../../shared/ipc';
import type { Conversation, MessengerState, TranscriptEntry } from '../../../shared/model';
import { reuse } from './reuse';

type Keyed<V> = Readonly<Record<string, V>>;

interface RecordPatch<V> {
  readonly set: Keyed<V>;
  readonly remove: readonly string[];
}

function patchRecord<V>(record: Keyed<V>, patch: RecordPatch<V>): Keyed<V> {
  let changed = false;
  const next: Record<string, V> = { ...record };
  for (const key of patch.remove) {
    if (Object.hasOwn(next, key)) {
      delete next[key];
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(patch.set)) {
    const previous = Object.hasOwn(record, key) ? record[key] : undefined;
    const kept = previous === undefined ? value : reuse(previous, value);
    next[key] = kept;
    if (kept !== previous) changed = true;
  }
  return changed ? next : record;
}

/** Applies each update to the value it names; a key the record lacks is left out (see patchFits). */
function updateRecord<V, U>(record: Keyed<V>, updates: Keyed<U> | undefined, apply: (value: V, update: U) => V): Keyed<V> {
  let next: Record<string, V> | undefined;
  for (const [key, update] of Object.entries(updates ?? {})) {
    const previous = Object.hasOwn(record, key) ? record[key] : undefined;
    if (previous === undefined) continue;
    const kept = apply(previous, update);
    if (kept === previous) continue;
    next ??= { ...record };
    next[key] = kept;
  }
  return next ?? record;
}

/** The transcript with its tail replaced; entries equal to the ones they replace stay as they were. */
function patchEntries(entries: readonly TranscriptEntry[], tail: TranscriptTail): readonly TranscriptEntry[] {
  const items = tail.items.map((item, offset) => {
    const index = tail.from + offset;
    return index < entries.length ? reuse(entries[index] as TranscriptEntry, item) : item;
  });
  const unchanged =
    tail.from + items.length === entries.length && items.every((item, offset) => item === entries[tail.from + offset]);
  return unchanged ? entries : [...entries.slice(0, tail.from), ...items];
}

/** Whether the transcript reaches where the update's tail starts (it always does when in step with main). */
function fits(conversation: Conversation, update: ConversationUpdate): boolean {
  return update.entries === undefined || update.entries.from <= conversation.entries.length;
}

function patchConversation(conversation: Conversation, update: ConversationUpdate): Conversation {
  if (!fits(conversation, update)) return conversation;
  const current = conversation as unknown as Keyed<unknown>;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(update)) {
    const had = Object.hasOwn(current, key);
    if (value === null) {
      if (had) {
        delete next[key];
        changed = true;
      }
      continue;
    }
    const kept =
      key === 'entries' ? patchEntries(conversation.entries, value as TranscriptTail) : had ? reuse(current[key], value) : value;
    if (!had || kept !== current[key]) {
      next[key] = kept;
      changed = true;
    }
  }
  return changed ? (next as unknown as Conversation) : conversation;
}

/**
 * Whether every conversation update names a conversation the mirror has, with a transcript at
 * least as long as where its tail starts. When not, this window missed a change: the updates it
 * cannot place are left out, and it needs a snapshot.
 */
export function patchFits(state: MessengerState, patch: StatePatch): boolean {
  return Object.entries(patch.conversations?.update ?? {}).every(([id, update]) => {
    const conversation = Object.hasOwn(state.conversations, id) ? state.conversations[id] : undefined;
    return conversation !== undefined && fits(conversation, update);
  });
}

function replace<T>(current: T, incoming: T | undefined): T {
  return incoming === undefined ? current : reuse(current, incoming);
}

function patchConversations(conversations: MessengerState['conversations'], patch: StatePatch['conversations']) {
  if (!patch) return conversations;
  return updateRecord(patchRecord(conversations, patch), patch.update, patchConversation);
}

export function applyPatch(state: MessengerState, patch: StatePatch): MessengerState {
  const next: MessengerState = {
    session: replace(state.session, patch.session),
    profile: patch.profile === null ? undefined : replace(state.profile, patch.profile),
    privacy: replace(state.privacy, patch.privacy),
    mail: replace(state.mail, patch.mail),
    addedBy: replace(state.addedBy, patch.addedBy),
    contacts: patch.contacts ? patchRecord(state.contacts, patch.contacts) : state.contacts,
    conversations: patchConversations(state.conversations, patch.conversations),
  };
  const keys = Object.keys(next) as (keyof MessengerState)[];
  return keys.every((key) => next[key] === state[key]) ? state : next;
}
