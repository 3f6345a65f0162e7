import { describe, expect, it, vi } from 'vitest';
import type { StatePatch } from '../../../shared/ipc';
import type { Conversation } from '../../../shared/model';
import { FakeMsn, contact, signedInState } from '../testing/fake-msn';
import { createMessengerStore } from './store';
import { PATCH_INTERVAL_MS, SNAPSHOT_WAIT_MS, connectStore } from './sync';
import { contactIn } from '../../../shared/contacts';

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
  it('takes the snapshot main pushes without asking for one, and follows the patches after it', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    const { store, disconnect } = await connected(fake);
    fake.emit('patch', typingInC1);
    expect(store.getState().conversations['c1']?.typing).toEqual(['bob@x.com']);
    expect(fake.callsOf('getSnapshot')).toEqual([]);
    disconnect();
  });

  it('asks for a fresh snapshot when an update names a conversation the mirror missed', async () => {
    const fake = new FakeMsn(signedInState());
    const { store, disconnect } = await connected(fake);
    fake.state = { ...fake.state, conversations: { c1: { ...conversation, typing: ['bob@x.com'] } } };
    fake.emit('patch', typingInC1);
    fake.emit('patch', typingInC1);
    await vi.waitFor(() => expect(store.getState().conversations['c1']?.typing).toEqual(['bob@x.com']));
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    disconnect();
  });

  it('asks for the snapshot when none has come a while after it started listening', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    fake.pushesSnapshot = false;
    window.msn = fake.api;
    const waits: Array<{ run: () => void; delayMs: number }> = [];
    const store = createMessengerStore();
    const disconnect = connectStore(store, { schedule: (run, delayMs) => (waits.push({ run, delayMs }), () => undefined) });
    expect(fake.callsOf('getSnapshot')).toEqual([]);
    expect(waits.map(({ delayMs }) => delayMs)).toEqual([SNAPSHOT_WAIT_MS]);
    waits[0]?.run();
    await vi.waitFor(() => expect(store.getState().ready).toBe(true));
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    disconnect();
  });

  it('does not take an asked-for snapshot on top of one main pushed meanwhile', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    fake.pushesSnapshot = false;
    window.msn = fake.api;
    const store = createMessengerStore();
    const disconnect = connectStore(store, { intervalMs: 0 });
    // An update before any snapshot cannot be followed: the window asks.
    fake.emit('patch', typingInC1);
    fake.emit('snapshot', { state: fake.state, settings: fake.settings });
    fake.emit('patch', typingInC1);
    const afterPatch = store.getState().conversations;
    await vi.waitFor(() => expect(fake.callsOf('getSnapshot')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.getState().conversations).toBe(afterPatch);
    expect(afterPatch['c1']?.typing).toEqual(['bob@x.com']);
    disconnect();
  });

  describe('taking patches in at most once per frame', () => {
    const alice = (status: 'NLN' | 'BSY' | 'AWY' | 'BRB') => contact('alice@x.com', 'Alice', status);
    const aliceIs = (status: 'NLN' | 'BSY' | 'AWY' | 'BRB'): StatePatch => ({ contacts: { set: [alice(status)], remove: [] } });

    async function paced(fake: FakeMsn) {
      window.msn = fake.api;
      let now = 1000;
      const scheduled: Array<{ apply: () => void; delayMs: number; cancelled: boolean }> = [];
      const snapshotWait = { cancelled: false };
      const store = createMessengerStore();
      const disconnect = connectStore(store, {
        now: () => now,
        schedule: (apply, delayMs) => {
          if (delayMs === SNAPSHOT_WAIT_MS) return () => void (snapshotWait.cancelled = true);
          const entry = { apply, delayMs, cancelled: false };
          scheduled.push(entry);
          return () => void (entry.cancelled = true);
        },
      });
      await vi.waitFor(() => expect(store.getState().ready).toBe(true));
      const updates: string[] = [];
      store.subscribe((state) => updates.push(contactIn(state.contacts, 'alice@x.com')?.status ?? 'none'));
      return { store, disconnect, scheduled, updates, advance: (ms: number) => void (now += ms) };
    }

    it('applies a patch after a quiet spell at once, and those that keep coming together when the frame is over', async () => {
      const fake = new FakeMsn(signedInState([alice('NLN')]));
      const { disconnect, scheduled, updates, advance } = await paced(fake);
      fake.emit('patch', aliceIs('BSY'));
      expect(updates).toEqual(['BSY']);
      advance(5);
      fake.emit('patch', aliceIs('AWY'));
      fake.emit('patch', aliceIs('BRB'));
      expect(updates).toEqual(['BSY']);
      expect(scheduled.map(({ delayMs }) => delayMs)).toEqual([PATCH_INTERVAL_MS - 5]);
      advance(PATCH_INTERVAL_MS - 5);
      scheduled[0]?.apply();
      expect(updates).toEqual(['BSY', 'BRB']);
      advance(1000);
      fake.emit('patch', aliceIs('NLN'));
      expect(updates).toEqual(['BSY', 'BRB', 'NLN']);
      expect(scheduled).toHaveLength(1);
      disconnect();
    });

    it('takes in the waiting patches before a snapshot, which is newer than they are', async () => {
      const fake = new FakeMsn(signedInState([alice('NLN')]));
      const { store, disconnect, scheduled, updates } = await paced(fake);
      fake.emit('patch', aliceIs('BSY'));
      fake.emit('patch', aliceIs('AWY'));
      fake.emit('snapshot', { state: signedInState([alice('BRB')]), settings: fake.settings });
      expect(updates).toEqual(['BSY', 'AWY', 'BRB']);
      expect(scheduled[0]?.cancelled).toBe(true);
      expect(contactIn(store.getState().contacts, 'alice@x.com')?.status).toBe('BRB');
      disconnect();
    });
  });
});
