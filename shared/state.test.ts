import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INITIAL_STATE, type Contact, type Conversation, type MessengerState, type TranscriptEntry } from './model';
import { type ConversationUpdate, type StatePatch, applyPatch, diffState, patchFits } from './state';
import { type ContactList, EMPTY_CONTACTS, contactIn, contactIndex, contactKey, withContacts, withReplaced, withoutContacts } from './contacts';

const alice: Contact = { handle: 'alice@example.com', friendlyName: 'Alice', status: 'NLN', lists: ['FL', 'AL'] };
const bob: Contact = { handle: 'bob@example.com', friendlyName: 'Bob', status: 'FLN', lists: ['FL', 'AL'] };
const conversation: Conversation = {
  id: 'c1',
  participants: [{ handle: alice.handle, friendlyName: 'Alice' }],
  entries: [{ type: 'system', id: 's1', kind: 'joined', event: { type: 'joined', name: 'Alice' }, at: 1 }],
  typing: [],
  connected: true,
};
const state: MessengerState = {
  ...INITIAL_STATE,
  contacts: [alice, bob],
  conversations: { c1: conversation },
};

describe('applyPatch', () => {
  it('returns the very same state for an empty patch', () => {
    expect(applyPatch(state, {})).toBe(state);
  });

  it('returns the very same state when every patched value equals the current one', () => {
    const patch = {
      session: { ...state.session },
      mail: { ...state.mail },
      contacts: { set: [{ ...alice, lists: [...alice.lists] }], remove: ['nobody@example.com'] },
      conversations: { set: { c1: structuredClone(conversation) }, remove: [] },
    };
    expect(applyPatch(state, patch)).toBe(state);
  });

  it('replaces a changed contact and keeps every other contact object', () => {
    const next = applyPatch(state, { contacts: { set: [{ ...alice, status: 'BSY' }], remove: [] } });
    expect(next).not.toBe(state);
    expect(contactIn(next.contacts, alice.handle)?.status).toBe('BSY');
    expect(contactIn(next.contacts, bob.handle)).toBe(bob);
    expect(next.session).toBe(state.session);
    expect(next.conversations).toBe(state.conversations);
  });

  it('keeps the unchanged lists array of a changed contact', () => {
    const next = applyPatch(state, { contacts: { set: [{ ...alice, lists: ['FL', 'AL'], status: 'AWY' }], remove: [] } });
    expect(contactIn(next.contacts, alice.handle)?.lists).toBe(alice.lists);
  });

  it('adds and removes contacts', () => {
    const carol: Contact = { handle: 'carol@example.com', friendlyName: 'Carol', status: 'NLN', lists: ['FL'] };
    const next = applyPatch(state, { contacts: { set: [carol], remove: [bob.handle] } });
    expect(next.contacts.map((contact) => contactKey(contact.handle)).sort()).toEqual([alice.handle, carol.handle]);
  });

  it('keeps earlier transcript entries when a message is appended', () => {
    const longer: Conversation = {
      ...structuredClone(conversation),
      entries: [
        ...structuredClone(conversation.entries),
        { type: 'message', id: 'm1', from: alice.handle, fromName: 'Alice', sentAt: 2, text: 'hi', delivery: 'received' },
      ],
    };
    const next = applyPatch(state, { conversations: { set: { c1: longer }, remove: [] } });
    expect(next.conversations['c1']?.entries).toHaveLength(2);
    expect(next.conversations['c1']?.entries[0]).toBe(conversation.entries[0]);
    expect(next.conversations['c1']?.participants).toBe(conversation.participants);
  });

  it('clears the profile when the patch says null', () => {
    const withProfile: MessengerState = { ...state, profile: { emailEnabled: true, receivedAt: 5 } };
    expect(applyPatch(withProfile, { profile: null }).profile).toBeUndefined();
  });
});

function message(id: string, delivery: 'sending' | 'delivered' | 'received' = 'received'): TranscriptEntry {
  return { type: 'message', id, from: alice.handle, fromName: 'Alice', sentAt: 2, text: `text of ${id}`, delivery };
}

const long: Conversation = { ...conversation, id: 'c2', entries: Array.from({ length: 50 }, (_, i) => message(`m${i}`)) };
const chats: MessengerState = { ...state, conversations: { c1: conversation, c2: long } };
const update = (id: string, changes: ConversationUpdate): StatePatch => ({
  conversations: { set: {}, update: { [id]: changes }, remove: [] },
});

describe('applyPatch of conversation updates', () => {
  it('changes the typing list and keeps the transcript, the participants and the other conversations', () => {
    const next = applyPatch(chats, update('c2', { typing: [alice.handle] }));
    expect(next.conversations['c2']?.typing).toEqual([alice.handle]);
    expect(next.conversations['c2']?.entries).toBe(long.entries);
    expect(next.conversations['c2']?.participants).toBe(long.participants);
    expect(next.conversations['c1']).toBe(conversation);
    expect(next.contacts).toBe(chats.contacts);
  });

  it('replaces the last entry on an ACK and keeps every earlier entry object', () => {
    const mine = message('mine', 'sending');
    const sending = applyPatch(chats, update('c2', { entries: { from: 50, items: [mine] } }));
    const delivered = applyPatch(sending, update('c2', { entries: { from: 50, items: [message('mine', 'delivered')] } }));
    const entries = delivered.conversations['c2']?.entries ?? [];
    expect(entries).toHaveLength(51);
    expect(entries[50]).toMatchObject({ id: 'mine', delivery: 'delivered' });
    expect(entries.slice(0, 50).every((entry, index) => entry === long.entries[index])).toBe(true);
  });

  it('appends a new message after the entries it keeps', () => {
    const next = applyPatch(chats, update('c2', { lastReceivedAt: 9, entries: { from: 50, items: [message('new')] } }));
    const c2 = next.conversations['c2'];
    expect(c2?.entries.map((entry) => entry.id).slice(-2)).toEqual(['m49', 'new']);
    expect(c2?.entries[0]).toBe(long.entries[0]);
    expect(c2?.lastReceivedAt).toBe(9);
  });

  it('replaces the tail from an earlier changed entry, keeping the entries of the tail that are equal', () => {
    const tail = long.entries.slice(40).map((entry) => structuredClone(entry));
    tail[2] = message('m42', 'delivered');
    const entries = applyPatch(chats, update('c2', { entries: { from: 40, items: tail } })).conversations['c2']?.entries ?? [];
    expect(entries).toHaveLength(50);
    expect(entries[42]).toMatchObject({ delivery: 'delivered' });
    expect(entries[41]).toBe(long.entries[41]);
    expect(entries[43]).toBe(long.entries[43]);
  });

  it('drops the entries past an empty tail', () => {
    const next = applyPatch(chats, update('c2', { entries: { from: 45, items: [] } }));
    expect(next.conversations['c2']?.entries.map((entry) => entry.id).at(-1)).toBe('m44');
  });

  it('clears an optional field sent as null', () => {
    const received: MessengerState = { ...chats, conversations: { ...chats.conversations, c2: { ...long, lastReceivedAt: 3 } } };
    const next = applyPatch(received, update('c2', { lastReceivedAt: null }));
    expect(next.conversations['c2']).not.toHaveProperty('lastReceivedAt');
  });

  it('returns the very same state for an update the mirror already has, as after a snapshot taken before the flush', () => {
    const patch = update('c2', { typing: [], connected: true, entries: { from: 48, items: structuredClone(long.entries.slice(48)) } });
    expect(applyPatch(chats, patch)).toBe(chats);
    expect(applyPatch(chats, update('c2', { lastReceivedAt: null }))).toBe(chats);
  });

  it('leaves out an update it cannot place, and says the mirror needs a snapshot', () => {
    const unknown = update('c9', { typing: [alice.handle] });
    expect(patchFits(chats, unknown)).toBe(false);
    expect(applyPatch(chats, unknown)).toBe(chats);
    const gap = update('c2', { typing: [alice.handle], entries: { from: 51, items: [message('late')] } });
    expect(patchFits(chats, gap)).toBe(false);
    expect(applyPatch(chats, gap)).toBe(chats);
    expect(patchFits(chats, update('c2', { entries: { from: 50, items: [message('next')] } }))).toBe(true);
  });
});


// Two states drawn from one pool of objects, as main makes them: the second keeps some of the
// first's objects (untouched contacts, conversations, entries) and replaces or drops others.
const handles = ['ann@x.com', 'bob@x.com', 'cy@x.com', 'di@x.com', 'ed@x.com'];
const contactArbitrary = (handle: string) =>
  fc.record({
    handle: fc.constant(handle),
    friendlyName: fc.constantFrom('Ann', 'Bob', 'Cy', ''),
    status: fc.constantFrom('NLN', 'BSY', 'FLN', 'AWY') as fc.Arbitrary<Contact['status']>,
    lists: fc.subarray(['FL', 'AL', 'BL', 'RL'] as const),
  });
const entryArbitrary = (index: number): fc.Arbitrary<TranscriptEntry> =>
  fc.oneof(
    fc.record({
      type: fc.constant('message' as const),
      id: fc.constant(`m${index}`),
      from: fc.constantFrom(...handles),
      fromName: fc.constantFrom('Ann', 'Bob'),
      sentAt: fc.nat(100),
      text: fc.string({ maxLength: 8 }),
      delivery: fc.constantFrom('sending', 'delivered', 'failed', 'received') as fc.Arbitrary<'sending'>,
    }),
    fc.record({
      type: fc.constant('system' as const),
      id: fc.constant(`s${index}`),
      kind: fc.constantFrom('joined', 'left', 'error', 'info') as fc.Arbitrary<'joined'>,
      event: fc.record({ type: fc.constantFrom('joined', 'left') as fc.Arbitrary<'joined'>, name: fc.string({ maxLength: 8 }) }),
      at: fc.nat(100),
    }),
  );
const entriesArbitrary = fc
  .integer({ min: 0, max: 6 })
  .chain((length) => fc.tuple(...Array.from({ length }, (_, index) => entryArbitrary(index))));
const conversationArbitrary = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      participants: fc.subarray(handles.map((handle) => ({ handle, friendlyName: handle.slice(0, 2), present: true }))),
      entries: entriesArbitrary,
      typing: fc.subarray(handles),
      connected: fc.boolean(),
      lastReceivedAt: fc.nat(100),
    },
    { requiredKeys: ['id', 'participants', 'entries', 'typing', 'connected'] },
  );

/**
 * `state` with its contacts in the order of their keys: a window's list may hold them in another
 * order than main's (a contact new to it is added at its end), which nothing reads.
 */
const inKeyOrder = (state: MessengerState): MessengerState => ({
  ...state,
  contacts: [...state.contacts].sort((x, y) => contactKey(x.handle).localeCompare(contactKey(y.handle))),
});

const pick = <T>(pool: Readonly<Record<string, T>>) =>
  fc.subarray(Object.keys(pool)).map((keys) => Object.fromEntries(keys.map((key) => [key, pool[key] as T])));

/** `b`'s version of each of `a`'s conversations: the same object, or new with a shared prefix of entries. */
function evolve(conversation: Conversation): fc.Arbitrary<Conversation> {
  return fc.oneof(
    fc.constant(conversation),
    fc.tuple(fc.nat(conversation.entries.length), entriesArbitrary, fc.subarray(handles), fc.boolean()).map(([kept, tail, typing, drop]) => {
      const { lastReceivedAt: _dropped, ...withoutLast } = conversation;
      return { ...(drop ? withoutLast : conversation), typing, entries: [...conversation.entries.slice(0, kept), ...tail] };
    }),
  );
}

const statePairArbitrary = fc
  .record({
    contacts: fc.tuple(...handles.map(contactArbitrary)),
    conversations: fc.tuple(conversationArbitrary('c1'), conversationArbitrary('c2'), conversationArbitrary('c3')),
    sessions: fc.tuple(fc.constantFrom('offline', 'online', 'syncing') as fc.Arbitrary<'online'>, fc.constantFrom('offline', 'online') as fc.Arbitrary<'online'>),
    profile: fc.option(fc.record({ emailEnabled: fc.boolean(), receivedAt: fc.nat(10) }), { nil: undefined }),
  })
  .chain(({ contacts, conversations, sessions, profile }) => {
    const pool = Object.fromEntries(conversations.map((c) => [c.id, c]));
    return fc.tuple(fc.subarray(contacts), fc.subarray(contacts), pick(pool), pick(pool), fc.boolean(), fc.boolean()).chain(([aContacts, bContacts, aChats, bNew, sameSession, sameProfile]) =>
      fc
        .tuple(...Object.values(aChats).map(evolve))
        .map((evolved): [MessengerState, MessengerState] => {
          const a: MessengerState = {
            ...INITIAL_STATE,
            session: { ...INITIAL_STATE.session, state: sessions[0] },
            ...(profile ? { profile } : {}),
            contacts: aContacts,
            conversations: aChats,
          };
          const kept = Object.fromEntries(evolved.map((c) => [c.id, c]));
          const b: MessengerState = {
            ...a,
            session: sameSession ? a.session : { ...a.session, state: sessions[1] },
            ...(sameProfile ? {} : { profile: undefined }),
            contacts: bContacts,
            conversations: { ...bNew, ...kept },
          };
          if (!sameProfile) delete (b as { profile?: unknown }).profile;
          return [a, b];
        }),
    );
  });

describe('diffState and applyPatch together', () => {
  it('round-trip: applying the diff of two states to the first gives the second', () => {
    fc.assert(
      fc.property(statePairArbitrary, ([a, b]) => {
        const patch = diffState(a, b);
        expect(inKeyOrder(applyPatch(a, patch ?? {}))).toEqual(inKeyOrder(b));
        // JSON carries the patch between processes (IPC, the browser host's WebSocket).
        expect(inKeyOrder(applyPatch(a, JSON.parse(JSON.stringify(patch ?? {})) as StatePatch))).toEqual(inKeyOrder(b));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trip through the versions a list goes through (contacts replaced, added, removed, replaced in place), read from their notes', () => {
    const change = fc.oneof(
      fc.constantFrom(...handles).chain(contactArbitrary).map((contact) => ({ put: contact })),
      fc.constantFrom(...handles).map((handle) => ({ remove: handle })),
      // As a presence batch makes a version (main/client/state.ts): the same members, some replaced where they are.
      fc.array(fc.constantFrom(...handles).chain(contactArbitrary), { minLength: 1, maxLength: 3 }).map((contacts) => ({ replace: contacts })),
    );
    const replaced = (contacts: ContactList, replacements: readonly Contact[]): ContactList => {
      const index = contactIndex(contacts);
      const next = contacts.slice();
      const keys: string[] = [];
      const places: number[] = [];
      for (const contact of replacements) {
        const place = index.get(contactKey(contact.handle));
        if (place === undefined) continue;
        next[place] = contact;
        keys.push(contactKey(contact.handle));
        places.push(place);
      }
      return places.length === 0 ? contacts : withReplaced(contacts, next, keys, places);
    };
    fc.assert(
      fc.property(fc.tuple(...handles.map(contactArbitrary)).chain((contacts) => fc.tuple(fc.subarray(contacts), fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 5 }))), ([initial, steps]) => {
        const first: MessengerState = { ...INITIAL_STATE, contacts: withContacts(EMPTY_CONTACTS, new Map(initial.map((contact) => [contactKey(contact.handle), contact]))) };
        let window = first;
        let current = first;
        for (const changes of steps) {
          let contacts = current.contacts;
          for (const step of changes) {
            if ('put' in step) contacts = withContacts(contacts, new Map([[contactKey(step.put.handle), step.put]]));
            else if ('remove' in step) contacts = withoutContacts(contacts, [contactKey(step.remove)]);
            else contacts = replaced(contacts, step.replace);
          }
          const next = { ...current, contacts };
          // Each flush's patch, as a window receives them, and all of them at once.
          window = applyPatch(window, diffState(current, next) ?? {});
          expect(inKeyOrder(window)).toEqual(inKeyOrder(next));
          current = next;
        }
        expect(inKeyOrder(applyPatch(first, diffState(first, current) ?? {}))).toEqual(inKeyOrder(current));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the identity of every object the change did not touch', () => {
    fc.assert(
      fc.property(statePairArbitrary, ([a, b]) => {
        const next = applyPatch(a, diffState(a, b) ?? {});
        if (a === b || diffState(a, b) === undefined) expect(next).toBe(a);
        for (const contact of b.contacts) {
          if (contactIn(a.contacts, contact.handle) === contact) expect(contactIn(next.contacts, contact.handle)).toBe(contact);
        }
        for (const [id, conversation] of Object.entries(b.conversations)) {
          const before = a.conversations[id];
          if (before === conversation) expect(next.conversations[id]).toBe(before);
          if (!before) continue;
          conversation.entries.forEach((entry, index) => {
            if (before.entries[index] === entry) expect(next.conversations[id]?.entries[index]).toBe(entry);
          });
        }
        if (a.session === b.session) expect(next.session).toBe(a.session);
      }),
      { numRuns: 500 },
    );
  });

  it('sets the record of contacts itself when the window had none (the first lists of a sign-in), not a copy', () => {
    const patch = diffState(INITIAL_STATE, state);
    expect(patch?.contacts?.set).toBe(state.contacts);
    expect(applyPatch(INITIAL_STATE, patch ?? {}).contacts).toEqual(state.contacts);
  });

  it('changes nothing when a mirror that already has the change gets the patch again', () => {
    fc.assert(
      fc.property(statePairArbitrary, ([a, b]) => {
        // After JSON, as between processes: every value in the patch is a copy.
        expect(applyPatch(b, JSON.parse(JSON.stringify(diffState(a, b) ?? {})) as StatePatch)).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
