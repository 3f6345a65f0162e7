// Which keys differ between two versions of a keyed record (five thousand contacts), known without
// comparing every key: what makes a new version of a record notes the keys it changed, and whoever
// holds an older version follows the notes back to it. When they do not lead there (a version made
// another way, or too many steps back), the caller compares the records whole, as before.
// A record's keys are noted too, because finding them is what costs most in copying or walking a
// record this big (V8 gathers and sorts all of them first, half a millisecond for five thousand),
// and a new version that only changes values has the same keys as the one it was made from.

/** The most notes followed back before comparing whole is as quick. */
const MOST_STEPS = 16;

/**
 * What each new version changed from the version it was made from (keys, places…), noted as it is
 * made, and gathered from a version back to an older one.
 */
export class ChangeNotes<T> {
  private readonly notes = new WeakMap<object, { readonly base: object; readonly changes: readonly T[] }>();

  /** `next` is `base` with `changes` made (and nothing else changed). */
  note(next: object, base: object, changes: readonly T[]): void {
    if (next !== base) this.notes.set(next, { base, changes });
  }

  /**
   * Every change noted on the way from `before` to `after` (some may in the end change nothing), or
   * undefined when the notes do not lead from `after` back to `before` in MOST_STEPS.
   */
  since(before: object, after: object): ReadonlySet<T> | undefined {
    const changes = new Set<T>();
    let current = after;
    for (let steps = 0; current !== before; steps++) {
      const note = this.notes.get(current);
      if (!note || steps >= MOST_STEPS) return undefined;
      for (const change of note.changes) changes.add(change);
      current = note.base;
    }
    return changes;
  }
}

const keyNotes = new ChangeNotes<string>();

/** `next` is `base` with `keys` added, replaced or removed (and nothing else changed). */
export function noteChanges(next: object, base: object, keys: readonly string[]): void {
  keyNotes.note(next, base, keys);
}

/**
 * Every key that may differ between `before` and `after` (some may in the end be the same), or
 * undefined when the notes do not lead from `after` back to `before`.
 */
export function changedKeys(before: object, after: object): ReadonlySet<string> | undefined {
  return keyNotes.since(before, after);
}

/** Each record's own keys, in order, where they are known. */
const keyLists = new WeakMap<object, readonly string[]>();

/** `record` has exactly `keys`, in that order (its maker set them). */
export function noteKeys(record: object, keys: readonly string[]): void {
  keyLists.set(record, keys);
}

/** `record`'s own keys in order: the ones noted for it, or found now and noted. */
export function keysOf(record: object): readonly string[] {
  let keys = keyLists.get(record);
  if (!keys) keyLists.set(record, (keys = Object.keys(record)));
  return keys;
}
