// Applies a main → renderer state patch to a mirror of the state. Used by the renderer's store
// and by main-side tests; unchanged slices and entries keep their identity, so selectors stay quiet.

import type { StatePatch } from './ipc';
import type { MessengerState } from './model';

type Keyed<T> = Readonly<Record<string, T>>;

function patchRecord<T>(record: Keyed<T>, change?: { readonly set: Keyed<T>; readonly remove: readonly string[] }): Keyed<T> {
  if (!change) return record;
  const next: Record<string, T> = { ...record, ...change.set };
  for (const key of change.remove) delete next[key];
  return next;
}

export function applyPatch(state: MessengerState, patch: StatePatch): MessengerState {
  const { profile, contacts, conversations, ...slices } = patch;
  const next: MessengerState = {
    ...state,
    ...slices,
    contacts: patchRecord(state.contacts, contacts),
    conversations: patchRecord(state.conversations, conversations),
  };
  if (profile === undefined) return next;
  if (profile === null) {
    const { profile: _dropped, ...withoutProfile } = next;
    return withoutProfile;
  }
  return { ...next, profile };
}
