import { describe, expect, it, vi } from 'vitest';
import type { StatePatch } from '../../../shared/ipc';
import type { Conversation } from '../../../shared/model';
import { FakeMsn, signedInState } from '../testing/fake-msn';
import { createMessengerStore } from './store';
import { connectStore } from './sync';

const conversation: Conversation = { id: 'c1', participants: [], entries: [], typing: [], connected: true };
const typingInC1: StatePatch = { conversations: { set: {}, update: { c1: { typing: ['bob@x.com'] } }, remove: [] } };

async function connected(fake: FakeMsn) {
  window.msn = fake.api;
  const store = createMessengerStore();
  const disconnect = connectStore(store);
  await vi.waitFor(() => expect(store.getState().ready).toBe(true));
  return { store, disconnect };
}

describe('connectStore', () => {
  it('applies a conversation update the mirror can follow without asking for another snapshot', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    const { store, disconnect } = await connected(fake);
    fake.emit('patch', typingInC1);
    expect(store.getState().conversations['c1']?.typing).toEqual(['bob@x.com']);
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    disconnect();
  });

  it('asks for a fresh snapshot when an update names a conversation the mirror missed', async () => {
    const fake = new FakeMsn(signedInState());
    const { store, disconnect } = await connected(fake);
    fake.state = { ...fake.state, conversations: { c1: { ...conversation, typing: ['bob@x.com'] } } };
    fake.emit('patch', typingInC1);
    fake.emit('patch', typingInC1);
    await vi.waitFor(() => expect(store.getState().conversations['c1']?.typing).toEqual(['bob@x.com']));
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    disconnect();
  });

  it('keeps the snapshot main pushes when the page is ready, and does not take the asked-for one again', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    window.msn = fake.api;
    const store = createMessengerStore();
    const disconnect = connectStore(store);
    fake.emit('snapshot', { state: fake.state, settings: fake.settings });
    fake.emit('patch', typingInC1);
    const afterPatch = store.getState().conversations;
    await vi.waitFor(() => expect(fake.callsOf('getSnapshot')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.getState().conversations).toBe(afterPatch);
    expect(afterPatch['c1']?.typing).toEqual(['bob@x.com']);
    disconnect();
  });

  it('asks once while a snapshot is on its way, even for an update that arrives before the first', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    window.msn = fake.api;
    const store = createMessengerStore();
    const disconnect = connectStore(store);
    fake.emit('patch', typingInC1);
    await vi.waitFor(() => expect(store.getState().ready).toBe(true));
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    disconnect();
  });
});
