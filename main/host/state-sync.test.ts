import { describe, expect, it } from 'vitest';
import type { StatePatch } from '../../shared/ipc';
import { INITIAL_STATE, type Contact, type MessengerState } from '../../shared/model';
import { diffState, StateSync } from './state-sync';

function contact(handle: string, status: Contact['status'] = 'NLN'): Contact {
  return { handle, friendlyName: handle, status, lists: ['FL'] };
}

/** A sync whose flushes run only when the test says so. */
function manualSync(initial: MessengerState = INITIAL_STATE) {
  const flushes: (() => void)[] = [];
  const sync = new StateSync({ initial, schedule: (flush) => flushes.push(flush) });
  const patches: StatePatch[] = [];
  sync.on('patch', (patch) => patches.push(patch));
  const runScheduled = () => flushes.splice(0).forEach((flush) => flush());
  return { sync, patches, runScheduled, scheduledCount: () => flushes.length };
}

describe('diffState', () => {
  it('finds nothing between identical states', () => {
    expect(diffState(INITIAL_STATE, INITIAL_STATE)).toBeUndefined();
    expect(diffState(INITIAL_STATE, { ...INITIAL_STATE })).toBeUndefined();
  });

  it('carries only the top-level slices whose identity changed', () => {
    const after = { ...INITIAL_STATE, session: { ...INITIAL_STATE.session, state: 'connecting' as const } };
    expect(diffState(INITIAL_STATE, after)).toEqual({ session: after.session });
  });

  it('sets changed contacts and removes missing ones by key', () => {
    const alice = contact('alice@x.com');
    const bob = contact('bob@x.com');
    const before = { ...INITIAL_STATE, contacts: { [alice.handle]: alice, [bob.handle]: bob } };
    const carol = contact('carol@x.com');
    const after = { ...before, contacts: { [alice.handle]: alice, [carol.handle]: carol } };
    expect(diffState(before, after)).toEqual({ contacts: { set: { [carol.handle]: carol }, remove: [bob.handle] } });
  });

  it('sends null when the profile goes away', () => {
    const before = { ...INITIAL_STATE, profile: { emailEnabled: true, receivedAt: 1 } };
    expect(diffState(before, INITIAL_STATE)).toEqual({ profile: null });
  });
});

describe('StateSync', () => {
  it('coalesces 5000 contact changes into one patch', () => {
    const { sync, patches, runScheduled, scheduledCount } = manualSync();
    let state = INITIAL_STATE;
    for (let i = 0; i < 5000; i += 1) {
      const added = contact(`user${i}@example.com`);
      state = { ...state, contacts: { ...state.contacts, [added.handle]: added } };
      sync.update(state);
    }
    expect(scheduledCount()).toBe(1);
    runScheduled();
    expect(patches).toHaveLength(1);
    expect(Object.keys(patches[0]?.contacts?.set ?? {})).toHaveLength(5000);
    expect(patches[0]?.session).toBeUndefined();
  });

  it('sends no patch when the state did not change', () => {
    const { sync, patches, runScheduled } = manualSync();
    sync.update(INITIAL_STATE);
    sync.update({ ...INITIAL_STATE });
    runScheduled();
    expect(patches).toEqual([]);
  });

  it('sends no patch when a change is undone before the flush', () => {
    const { sync, patches, runScheduled } = manualSync();
    sync.update({ ...INITIAL_STATE, privacy: { mode: 'BL', addedAlert: 'A' } });
    sync.update(INITIAL_STATE);
    runScheduled();
    expect(patches).toEqual([]);
  });

  it('flushes on the next turn of the event loop by default', async () => {
    const sync = new StateSync({ initial: INITIAL_STATE });
    const next = sync.next('patch');
    sync.update({ ...INITIAL_STATE, privacy: { mode: 'BL', addedAlert: 'N' } });
    await expect(next).resolves.toEqual({ privacy: { mode: 'BL', addedAlert: 'N' } });
  });

  it('carries whole values, so a patch also fits a snapshot taken in the middle of a burst', () => {
    const { sync, patches, runScheduled } = manualSync();
    const first = contact('first@x.com', 'FLN');
    sync.update({ ...INITIAL_STATE, contacts: { [first.handle]: first } });
    runScheduled();
    const midSnapshot = sync.state;
    const busy = contact('first@x.com', 'BSY');
    const second = contact('second@x.com');
    sync.update({ ...midSnapshot, contacts: { [busy.handle]: busy, [second.handle]: second } });
    expect(sync.state.contacts[busy.handle]).toBe(busy);
    runScheduled();
    expect(patches[1]).toEqual({ contacts: { set: { [busy.handle]: busy, [second.handle]: second }, remove: [] } });
  });

  it('leaves untouched contacts and slices out of the patch', () => {
    const { sync, patches, runScheduled } = manualSync();
    const alice = contact('alice@x.com');
    const bob = contact('bob@x.com');
    const before: MessengerState = { ...INITIAL_STATE, contacts: { [alice.handle]: alice, [bob.handle]: bob } };
    sync.update(before);
    runScheduled();
    const away = contact(bob.handle, 'AWY');
    sync.update({ ...before, contacts: { ...before.contacts, [bob.handle]: away } });
    runScheduled();
    expect(patches[1]).toEqual({ contacts: { set: { [bob.handle]: away }, remove: [] } });
  });
});
