import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, type Contact, type Conversation, type MessengerState } from '../../../shared/model';
import { applyPatch } from './apply-patch';

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
