// Structural sharing: a new value that equals the old one, in whole or in part, keeps the old
// objects, so selectors and memoised components see "nothing changed" by identity.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Returns `next`, except that every part equal to the same part of `prev` is `prev`'s object. */
export function reuse<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const shared = next.map((item: unknown, index) => {
      const kept = reuse(prev[index] as unknown, item);
      if (kept !== prev[index]) same = false;
      return kept;
    });
    return (same ? prev : shared) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const shared: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = Object.hasOwn(prev, key) ? reuse(prev[key], next[key]) : next[key];
      if (!Object.hasOwn(prev, key) || kept !== prev[key]) same = false;
      shared[key] = kept;
    }
    return (same ? prev : shared) as T;
  }
  return next;
}
