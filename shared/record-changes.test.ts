import { describe, expect, it } from 'vitest';
import type { Contact, MessengerState } from './model';
import { INITIAL_STATE } from './model';
import { changedKeys, keysOf, noteChanges, noteKeys, withChanges } from './record-changes';
import { type StatePatch, applyPatch, applyPatches, diffState } from './state';

const contact = (handle: string, status: Contact['status'] = 'FLN'): Contact => ({ handle, friendlyName: handle, status, lists: ['FL'] });
const many = (count: number): Record<string, Contact> =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`c${index}@x.com`, contact(`c${index}@x.com`)]));

describe('notes of what changed in a record', () => {
  it('lead from a version back to an older one, naming every key changed on the way', () => {
    const first = { a: 1, b: 2 };
    const second = { ...first, b: 3 };
    noteChanges(second, first, ['b']);
    const third = { ...second, c: 4 };
    noteChanges(third, second, ['c']);
    expect(changedKeys(first, third)).toEqual(new Set(['b', 'c']));
    expect(changedKeys(first, first)).toEqual(new Set());
    // No note leads from `first` to an unrelated record: the caller compares them whole.
    expect(changedKeys({ a: 1 }, third)).toBeUndefined();
  });

  it('make the same patch as comparing every contact, and the patches applied together the same state as one by one', () => {
    const before: MessengerState = { ...INITIAL_STATE, contacts: many(50) };
    const patches: StatePatch[] = [
      { contacts: { set: { 'c1@x.com': contact('c1@x.com', 'NLN') }, remove: [] } },
      { contacts: { set: { 'new@x.com': contact('new@x.com', 'BSY') }, remove: ['c2@x.com'] } },
      { contacts: { set: { 'c2@x.com': contact('c2@x.com', 'AWY') }, remove: ['c1@x.com'] }, session: { ...INITIAL_STATE.session, status: 'BSY' } },
    ];
    const oneByOne = patches.reduce(applyPatch, before);
    const { state: together, fits } = applyPatches(before, patches);
    expect(fits).toBe(true);
    expect(together).toEqual(oneByOne);
    expect(together.contacts['c3@x.com']).toBe(before.contacts['c3@x.com']);
    // The applied state notes its changes: the diff back to `before` reads them, and agrees with a whole comparison.
    expect(changedKeys(before.contacts, together.contacts)).toBeDefined();
    const noted = diffState(before, together);
    const whole = diffState(before, { ...together, contacts: { ...together.contacts } });
    expect(noted).toEqual(whole);
    expect(Object.keys(noted?.contacts?.set ?? {}).sort()).toEqual(['c2@x.com', 'new@x.com']);
    expect(noted?.contacts?.remove).toEqual(['c1@x.com']);
  });
});

describe('a record with some values changed', () => {
  it('has every key of the old one in order, the changed values, and new keys at the end', () => {
    const before: Readonly<Record<string, number>> = { a: 1, b: 2, c: 3 };
    const after = withChanges(before, new Map([['b', 20], ['d', 4]]));
    expect(after).toEqual({ a: 1, b: 20, c: 3, d: 4 });
    expect(Object.keys(after)).toEqual(['a', 'b', 'c', 'd']);
    expect(before).toEqual({ a: 1, b: 2, c: 3 });
    expect(changedKeys(before, after)).toEqual(new Set(['b', 'd']));
    expect(keysOf(after)).toEqual(['a', 'b', 'c', 'd']);
    expect(withChanges(after, new Map())).toBe(after);
  });

  it('takes its keys from what its maker noted, without looking for them again', () => {
    const record: Record<string, number> = { a: 1, b: 2 };
    noteKeys(record, ['a', 'b']);
    const keys = keysOf(record);
    expect(keysOf(withChanges(record, new Map([['a', 10]])))).toBe(keys);
    expect(keysOf({ x: 1, y: 2 })).toEqual(['x', 'y']);
  });
});
