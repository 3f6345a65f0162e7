import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACTS, contactIn, contactIndex, contactKey, lastContactKey, withContacts, withoutContacts } from './contacts';
import type { Contact, StatusCode } from './model';
import { changedKeys } from './record-changes';

const contact = (handle: string, status: StatusCode = 'FLN'): Contact => ({ handle, friendlyName: handle, status, lists: ['FL'] });

describe('the contact list', () => {
  it('finds a contact by its handle in any case', () => {
    const bob = contact('Bob@Example.com');
    const list = [contact('alice@example.com'), bob];
    expect(contactIn(list, 'bob@example.com')).toBe(bob);
    expect(contactIn(list, 'BOB@EXAMPLE.COM')).toBe(bob);
    expect(contactIn(list, 'carol@example.com')).toBeUndefined();
    expect(contactIn(EMPTY_CONTACTS, 'bob@example.com')).toBeUndefined();
  });

  it('replaces changed contacts in place and adds new ones at the end, in one copy, noting what changed', () => {
    const alice = contact('alice@example.com');
    const bob = contact('bob@example.com');
    const before = [alice, bob];
    const busy = contact('bob@example.com', 'BSY');
    const carol = contact('carol@example.com');
    const after = withContacts(before, new Map([[contactKey(busy.handle), busy], [contactKey(carol.handle), carol]]));
    expect(after).toEqual([alice, busy, carol]);
    expect(after[0]).toBe(alice);
    expect(before).toEqual([alice, bob]);
    expect(changedKeys(before, after)).toEqual(new Set(['bob@example.com', 'carol@example.com']));
    expect(contactIn(after, 'carol@example.com')).toBe(carol);
    expect(contactIn(before, 'carol@example.com')).toBeUndefined();
  });

  it('is the same list when nothing changes, and shares its index with a version that only changes contacts', () => {
    const before = [contact('alice@example.com'), contact('bob@example.com')];
    expect(withContacts(before, new Map())).toBe(before);
    expect(withContacts(before, new Map([['alice@example.com', before[0] as Contact]]))).toBe(before);
    const after = withContacts(before, new Map([['alice@example.com', contact('alice@example.com', 'NLN')]]));
    expect(contactIndex(after)).toBe(contactIndex(before));
  });

  it('removes contacts by key, keeping the others in order, and is the same list when none is there', () => {
    const list = [contact('a@x.com'), contact('b@x.com'), contact('c@x.com')];
    const without = withoutContacts(list, ['b@x.com', 'nobody@x.com']);
    expect(without.map((kept) => kept.handle)).toEqual(['a@x.com', 'c@x.com']);
    expect(changedKeys(list, without)).toEqual(new Set(['b@x.com']));
    expect(contactIn(without, 'b@x.com')).toBeUndefined();
    expect(contactIn(without, 'c@x.com')).toBe(list[2]);
    expect(withoutContacts(list, ['nobody@x.com'])).toBe(list);
  });

  it('finds every contact where it is after any mix of changes, additions and removals', () => {
    const step = fc.record({ index: fc.nat(20), status: fc.constantFrom<StatusCode>('NLN', 'BSY', 'FLN'), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let list: readonly Contact[] = EMPTY_CONTACTS;
        const expected = new Map<string, Contact>();
        for (const { index, status, remove } of steps) {
          const key = `p${index}@x.com`;
          if (remove) {
            list = withoutContacts(list, [key]);
            expected.delete(key);
          } else {
            const next = contact(key, status);
            list = withContacts(list, new Map([[key, next]]));
            expected.set(key, next);
          }
          expect(list.length).toBe(expected.size);
          for (const [handle, kept] of expected) expect(contactIn(list, handle)).toBe(kept);
        }
      }),
    );
  });
});

describe('lastContactKey', () => {
  it('gives contactKey of each handle asked, whichever came before', () => {
    const keyOf = lastContactKey();
    expect(['Bob@X.example', 'Bob@X.example', 'ann@x.example', 'BOB@x.example', 'Bob@X.example'].map(keyOf)).toEqual([
      'bob@x.example',
      'bob@x.example',
      'ann@x.example',
      'bob@x.example',
      'bob@x.example',
    ]);
  });
});
