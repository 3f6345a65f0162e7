import { describe, expect, it } from 'vitest';
import type { ConversationUpdate, StatePatch } from '../../../shared/ipc';
import { INITIAL_STATE, type Contact, type Conversation, type MessengerState, type TranscriptEntry } from '../../../shared/model';
import { applyPatch, patchFits } from './apply-patch';

const alice: Contact = { handle: 'alice@example.com', friendlyName: 'Alice', status: 'NLN', lists: ['FL', 'AL'] };
const bob: Contact = { handle: 'bob@example.com', friendlyName: 'Bob', status: 'FLN', lists: ['FL', 'AL'] };
const conversation: Conversation = {
  id: 'c1',
  participants: [{ handle: alice.handle, friendlyName: 'Alice' }],
  entries: [{ type: 'system', id: 's1', kind: 'joined', text: 'Alice has joined the conversation.', at: 1 }],
  typing: [],
  connected: true,
};
const state: MessengerState = {
  ...INITIAL_STATE,
  contacts: { [alice.handle]: alice, [bob.handle]: bob },
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
      contacts: { set: { [alice.handle]: { ...alice, lists: [...alice.lists] } }, remove: ['nobody@example.com'] },
      conversations: { set: { c1: structuredClone(conversation) }, remove: [] },
    };
    expect(applyPatch(state, patch)).toBe(state);
  });

  it('replaces a changed contact and keeps every other contact object', () => {
    const next = applyPatch(state, { contacts: { set: { [alice.handle]: { ...alice, status: 'BSY' } }, remove: [] } });
    expect(next).not.toBe(state);
    expect(next.contacts[alice.handle]?.status).toBe('BSY');
    expect(next.contacts[bob.handle]).toBe(bob);
    expect(next.session).toBe(state.session);
    expect(next.conversations).toBe(state.conversations);
  });

  it('keeps the unchanged lists array of a changed contact', () => {
    const next = applyPatch(state, { contacts: { set: { [alice.handle]: { ...alice, lists: ['FL', 'AL'], status: 'AWY' } }, remove: [] } });
    expect(next.contacts[alice.handle]?.lists).toBe(alice.lists);
  });

  it('adds and removes contacts', () => {
    const carol: Contact = { handle: 'carol@example.com', friendlyName: 'Carol', status: 'NLN', lists: ['FL'] };
    const next = applyPatch(state, { contacts: { set: { [carol.handle]: carol }, remove: [bob.handle] } });
    expect(Object.keys(next.contacts).sort()).toEqual([alice.handle, carol.handle]);
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

