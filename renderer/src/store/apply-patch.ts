// Applies main's StatePatch to the renderer's mirror. A patch that changes nothing returns the
// very same state object; a patch that changes one contact keeps every other contact's object.

import type { StatePatch } from '../../../shared/ipc';
import type { MessengerState } from '../../../shared/model';
import { reuse } from './reuse';

interface RecordPatch<V> {
  readonly set: Readonly<Record<string, V>>;
  readonly remove: readonly string[];
}

function patchRecord<V>(record: Readonly<Record<string, V>>, patch: RecordPatch<V>): Readonly<Record<string, V>> {
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

function replace<T>(current: T, incoming: T | undefined): T {
  return incoming === undefined ? current : reuse(current, incoming);
}

export function applyPatch(state: MessengerState, patch: StatePatch): MessengerState {
  const next: MessengerState = {
    session: replace(state.session, patch.session),
    profile: patch.profile === null ? undefined : replace(state.profile, patch.profile),
    privacy: replace(state.privacy, patch.privacy),
    mail: replace(state.mail, patch.mail),
    addedBy: replace(state.addedBy, patch.addedBy),
    contacts: patch.contacts ? patchRecord(state.contacts, patch.contacts) : state.contacts,
    conversations: patch.conversations ? patchRecord(state.conversations, patch.conversations) : state.conversations,
  };
  const keys = Object.keys(next) as (keyof MessengerState)[];
  return keys.every((key) => next[key] === state[key]) ? state : next;
}
