// Structural sharing: a new value that equals the old one, in whole or in part, keeps the old
// objects, so selectors and memoised components see "nothing changed" by identity.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Returns `next`, except that every part equal to the same part of `prev` is `prev`'s object. A
 * part copied only when something in it is kept from `prev`: a snapshot that shares nothing with
 * the empty state before it (five thousand new contacts) is returned as it came, not rebuilt.
 */
export function reuse<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    let shared: unknown[] | undefined;
    for (let index = 0; index < next.length; index++) {
      const item: unknown = next[index];
      const kept = reuse(prev[index] as unknown, item);
      if (kept !== prev[index]) same = false;
      if (kept !== item) shared ??= next.slice(0, index);
      if (shared) shared[index] = kept;
    }
    return (same ? prev : (shared ?? next)) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    let shared: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const value = next[key];
      const had = Object.hasOwn(prev, key);
      const kept = had ? reuse(prev[key], value) : value;
      if (!had || kept !== prev[key]) same = false;
      if (kept !== value && !shared) {
        shared = {};
        for (const earlier of keys.slice(0, index)) shared[earlier] = next[earlier];
      }
      if (shared) shared[key] = kept;
    }
    return (same ? prev : (shared ?? next)) as T;
  }
  return next;
}
