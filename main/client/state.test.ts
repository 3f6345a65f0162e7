import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../../shared/model';
import { type ContactLists, EMPTY_LISTS, withEntryOnList } from '../ns/lists';
import type { ListName, MessengerState, StatusCode } from '../../shared/model';
import { type PresenceInfo, patch, stateWith, withConversations, withLists, withMail, withMailMoved, withNewMail, withPresences, withSession } from './state';
import { contactIn } from '../../shared/contacts';
import { changedKeys } from '../../shared/record-changes';

const lists = withEntryOnList(withEntryOnList(withEntryOnList(EMPTY_LISTS, 'FL', 'Bob@example.com', 'Bob', 1), 'AL', 'bob@example.com', 'Bob', 2), 'RL', 'dave@example.com', 'Dave', 3);
const noPresence = new Map<string, PresenceInfo>();

describe('structural sharing', () => {
  it('keeps the object when a patch changes nothing', () => {
    const value = { a: 1, b: 'x' };
    expect(patch(value, { a: 1 })).toBe(value);
    expect(patch(value, { a: 2 })).toEqual({ a: 2, b: 'x' });
    expect(withSession(INITIAL_STATE, { state: 'offline' })).toBe(INITIAL_STATE);
  });

  it('builds contacts from the lists, with the added-you queue, and keeps them when nothing changed', () => {
    const state = withLists(INITIAL_STATE, lists, noPresence);
    expect(contactIn(state.contacts, 'bob@example.com')).toEqual({ handle: 'Bob@example.com', friendlyName: 'Bob', status: 'FLN', lists: ['FL', 'AL'] });
    expect(state.addedBy).toEqual([{ handle: 'dave@example.com', friendlyName: 'Dave' }]);
    expect(withLists(state, { ...lists }, noPresence)).toBe(state);
    expect(withLists(state, { ...lists, addedAlert: 'N' }, noPresence).addedBy).toEqual([]);
  });

  it('changes only the contacts whose presence changed, in one copy for a whole burst', () => {
    const state = withLists(INITIAL_STATE, withEntryOnList(lists, 'FL', 'carol@example.com', 'Carol', 4), noPresence);
    const presence = new Map<string, PresenceInfo>([
      ['bob@example.com', { status: 'BSY', friendlyName: 'Bobby' }],
      ['carol@example.com', { status: 'NLN' }],
      ['stranger@example.com', { status: 'NLN' }],
    ]);
    const online = withPresences(state, lists, presence, ['bob@example.com', 'stranger@example.com']);
    expect(contactIn(online.contacts, 'bob@example.com')).toMatchObject({ status: 'BSY', friendlyName: 'Bobby' });
    expect(contactIn(online.contacts, 'dave@example.com')).toBe(contactIn(state.contacts, 'dave@example.com'));
    expect(contactIn(online.contacts, 'carol@example.com')).toBe(contactIn(state.contacts, 'carol@example.com'));
    expect(contactIn(online.contacts, 'stranger@example.com')).toBeUndefined();
    expect(withPresences(online, lists, presence, ['bob@example.com', 'bob@example.com'])).toBe(online);
    expect(withPresences(online, lists, presence, ['stranger@example.com'])).toBe(online);
  });
});

describe('one shape for every state', () => {
  it('makes every state with the same fields in the same order, whatever made it and from what', () => {
    const listed = withLists(INITIAL_STATE, lists, noPresence);
    const profile = { emailEnabled: true, loginTime: 1 } as unknown as NonNullable<MessengerState['profile']>;
    const withProfile = stateWith(listed, { profile });
    const states = [
      listed,
      withProfile,
      withSession(withProfile, { state: 'online', status: 'NLN' }),
      withMail(listed, { inboxUnread: 3 }),
      withPresences(listed, lists, new Map([['bob@example.com', { status: 'NLN' }]]), ['bob@example.com']),
      withConversations(withProfile, {}),
      stateWith(INITIAL_STATE, { removedBy: [] }),
    ];
    const fields = ['session', 'profile', 'privacy', 'mail', 'contacts', 'addedBy', 'removedBy', 'conversations'];
    for (const state of states) expect(Object.keys(state)).toEqual(fields);
    expect(withProfile.profile).toBe(profile);
    expect(withMail(withProfile, { inboxUnread: 3 }).profile).toBe(profile);
    // A field given as undefined is cleared (the profile of a new sign-in); one not given is kept.
    expect(stateWith(withProfile, { profile: undefined }).profile).toBeUndefined();
    expect(stateWith(withProfile, { mail: listed.mail })).toMatchObject({ profile, contacts: listed.contacts, session: listed.session });
  });
});

describe('a presence batch on contacts made from the same lists', () => {
  const people = ['ann@x.example', 'Bob@x.example', 'cy@x.example', 'dee@x.example', 'eve@x.example'];
  const key = (handle: string): string => handle.toLowerCase();
  const entry = fc.record({
    person: fc.constantFrom(...people),
    lists: fc.subarray<ListName>(['FL', 'AL', 'BL', 'RL'], { minLength: 1 }),
    name: fc.constantFrom('Ann', 'Bobby', 'C%20Y', 'Dee'),
  });
  const info = fc.option(fc.record({ status: fc.constantFrom<StatusCode>('NLN', 'BSY', 'AWY', 'FLN'), friendlyName: fc.option(fc.constantFrom('Live', 'Other'), { nil: undefined }) }), { nil: undefined });
  const batch = fc.array(fc.tuple(fc.constantFrom(...people, 'stranger@x.example'), info), { maxLength: 8 });

  it('shows what it shows when every contact is read from the lists', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(batch, { minLength: 1, maxLength: 3 }), (entries, batches) => {
        let lists: ContactLists = EMPTY_LISTS;
        entries.forEach(({ person, lists: on, name }, index) => {
          for (const list of on) lists = withEntryOnList(lists, list, person, name, index + 1);
        });
        let fast = withLists(INITIAL_STATE, lists, noPresence);
        // A copy of the same contacts that no list made: read the whole way, from the lists' entries.
        let full: MessengerState = { ...fast, contacts: fast.contacts.slice() };
        const presence = new Map<string, PresenceInfo>();
        for (const changes of batches) {
          for (const [handle, known] of changes) {
            if (known) presence.set(key(handle), known);
            else presence.delete(key(handle));
          }
          const keys = changes.map(([handle]) => key(handle));
          const before = fast;
          fast = withPresences(fast, lists, presence, keys);
          full = withPresences(full, lists, presence, keys);
          expect(fast.contacts).toEqual(full.contacts);
          // The keys the new version notes (what the diff to windows compares) include every contact it replaced.
          const replaced = fast.contacts.filter((contact, index) => contact !== before.contacts[index]).map((contact) => key(contact.handle));
          if (replaced.length > 0) expect([...(changedKeys(before.contacts, fast.contacts) ?? [])]).toEqual(expect.arrayContaining(replaced));
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('mail counts', () => {
  const mail = { from: 'A', fromAddress: 'a@b.c', subject: 'S', receivedAt: 1 };

  it('counts new mail by folder and moves counts without going below zero', () => {
    const state = withMail(INITIAL_STATE, { inboxUnread: 1, foldersUnread: 0 });
    expect(withNewMail(state, mail, true).mail).toMatchObject({ inboxUnread: 2, foldersUnread: 0, lastNew: mail });
    expect(withNewMail(state, mail, false).mail).toMatchObject({ inboxUnread: 1, foldersUnread: 1 });
    expect(withMailMoved(state, { fromInbox: true, toInbox: false, delta: 3 }).mail).toMatchObject({ inboxUnread: 0, foldersUnread: 3 });
    expect(withMailMoved(state, { fromInbox: true, toInbox: true, delta: 1 })).toBe(state);
  });
});
