import { describe, expect, it } from 'vitest';
import type { Contact, MessengerState } from './model';
import { INITIAL_STATE } from './model';
import { changedKeys, keysOf, noteChanges, noteKeys } from './record-changes';
import { type StatePatch, applyPatch, applyPatches, diffState } from './state';
import { contactIn } from './contacts';

const contact = (handle: string, status: Contact['status'] = 'FLN'): Contact => ({ handle, friendlyName: handle, status, lists: ['FL'] });
const many = (count: number): readonly Contact[] => Array.from({ length: count }, (_, index) => contact(`c${index}@x.com`));

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
      { contacts: { set: [contact('c1@x.com', 'NLN')], remove: [] } },
      { contacts: { set: [contact('new@x.com', 'BSY')], remove: ['c2@x.com'] } },
      { contacts: { set: [contact('c2@x.com', 'AWY')], remove: ['c1@x.com'] }, session: { ...INITIAL_STATE.session, status: 'BSY' } },
    ];
    const oneByOne = patches.reduce(applyPatch, before);
    const { state: together, fits } = applyPatches(before, patches);
    expect(fits).toBe(true);
    // The same contacts, in another order: a contact removed and set again in one go keeps its place.
    const byKey = (state: MessengerState): readonly Contact[] => [...state.contacts].sort((x, y) => x.handle.localeCompare(y.handle));
    expect({ ...together, contacts: byKey(together) }).toEqual({ ...oneByOne, contacts: byKey(oneByOne) });
    expect(contactIn(together.contacts, 'c3@x.com')).toBe(contactIn(before.contacts, 'c3@x.com'));
    // The applied state notes its changes: the diff back to `before` reads them, and agrees with a whole comparison.
    expect(changedKeys(before.contacts, together.contacts)).toBeDefined();
    const noted = diffState(before, together);
    const whole = diffState(before, { ...together, contacts: [...together.contacts] });
    // The same patch, its contacts perhaps in another order.
    const sorted = (patch: StatePatch | undefined) =>
      patch?.contacts && { ...patch, contacts: { ...patch.contacts, set: [...patch.contacts.set].sort((x, y) => x.handle.localeCompare(y.handle)) } };
    expect(sorted(noted)).toEqual(sorted(whole));
    expect((noted?.contacts?.set ?? []).map((contact) => contact.handle).sort()).toEqual(['c2@x.com', 'new@x.com']);
    expect(noted?.contacts?.remove).toEqual(['c1@x.com']);
  });
});

describe('the keys a record’s maker noted', () => {
  it('are the record’s keys without looking for them again, and found and noted otherwise', () => {
    const record: Record<string, number> = { a: 1, b: 2 };
    noteKeys(record, ['a', 'b']);
    expect(keysOf(record)).toEqual(['a', 'b']);
    expect(keysOf(record)).toBe(keysOf(record));
    const unnoted = { x: 1, y: 2 };
    expect(keysOf(unnoted)).toEqual(['x', 'y']);
    expect(keysOf(unnoted)).toBe(keysOf(unnoted));
  });
});
