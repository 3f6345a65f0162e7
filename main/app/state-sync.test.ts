import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, type Contact, type Conversation, type MessengerState } from '../../shared/model';
import { type StatePatch, diffConversation, diffState } from '../../shared/state';
import { entryAt } from '../../shared/transcript';
import { messageEntry, newConversation, withEntry, withMessage, withTyping } from '../sb/conversation-state';
import { StateSync } from './state-sync';
import { contactIn } from '../../shared/contacts';

function contact(handle: string, status: Contact['status'] = 'NLN'): Contact {
  return { handle, friendlyName: handle, status, lists: ['FL'] };
}

/** A conversation with `count` received messages. */
function chat(id: string, count: number): Conversation {
  const conversation = newConversation(id, [{ handle: 'bob@x.com', friendlyName: 'Bob', present: true }]);
  return { ...conversation, entries: Array.from({ length: count }, (_, i) => message(`m${i}`, 'received')) };
}

function message(id: string, delivery: 'sending' | 'delivered' | 'received') {
  return messageEntry({ id, from: 'bob@x.com', fromName: 'Bob', sentAt: 1, text: `text of ${id}`, delivery });
}

const withConversation = (conversation: Conversation): MessengerState => ({
  ...INITIAL_STATE,
  conversations: { ...INITIAL_STATE.conversations, [conversation.id]: conversation },
});

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
    const before = { ...INITIAL_STATE, contacts: [alice, bob] };
    const carol = contact('carol@x.com');
    const after = { ...before, contacts: [alice, carol] };
    expect(diffState(before, after)).toEqual({ contacts: { set: [carol], remove: [bob.handle] } });
  });

  it('sends null when the profile goes away', () => {
    const before = { ...INITIAL_STATE, profile: { emailEnabled: true, receivedAt: 1 } };
    expect(diffState(before, INITIAL_STATE)).toEqual({ profile: null });
  });
});

describe('diffState of conversations', () => {
  it('sends a new conversation whole in set', () => {
    const fresh = chat('c1', 3);
    expect(diffState(INITIAL_STATE, withConversation(fresh))).toEqual({ conversations: { set: { c1: fresh }, remove: [] } });
  });

  it('sends a typing change without any transcript entry', () => {
    const before = chat('c1', 5000);
    const after = withTyping(before, 'bob@x.com', true);
    expect(diffState(withConversation(before), withConversation(after))).toEqual({
      conversations: { set: {}, update: { c1: { typing: ['bob@x.com'] } }, remove: [] },
    });
  });

  it('sends only the last entry when an ACK changes the last message\'s delivery', () => {
    const sent = withEntry(chat('c1', 5000), { ...message('mine', 'sending'), from: 'me@x.com' });
    const acked = withMessage(sent, 'mine', (entry) => ({ ...entry, delivery: 'delivered' }));
    const patch = diffState(withConversation(sent), withConversation(acked));
    expect(patch?.conversations?.update).toEqual({ c1: { entries: { from: 5000, items: [entryAt(acked, 5000)] } } });
    expect(patch?.conversations?.update?.['c1']?.entries?.items[0]).toBe(entryAt(acked, 5000));
  });

  it('sends only the appended entry for a new message', () => {
    const before = chat('c1', 5000);
    const after = { ...withEntry(before, message('new', 'received')), lastReceivedAt: 7 };
    expect(diffConversation(before, after)).toEqual({ lastReceivedAt: 7, entries: { from: 5000, items: [message('new', 'received')] } });
  });

  it('sends the tail from the first changed entry when an earlier message changes', () => {
    const before = chat('c1', 10);
    const after = withMessage(before, 'm7', (entry) => ({ ...entry, delivery: 'delivered' }));
    expect(diffConversation(before, after)?.entries).toEqual({ from: 7, items: after.entries.slice(7) });
  });

  it('sends an empty tail when the transcript gets shorter', () => {
    const before = chat('c1', 4);
    expect(diffConversation(before, { ...before, entries: before.entries.slice(0, 2) })).toEqual({ entries: { from: 2, items: [] } });
  });

  it('sends null for an optional field that went away', () => {
    const before = { ...chat('c1', 1), lastReceivedAt: 5 };
    const { lastReceivedAt: _gone, ...after } = before;
    expect(diffConversation(before, after)).toEqual({ lastReceivedAt: null });
  });

  it('sends nothing for a new conversation object that changed nothing', () => {
    const before = chat('c1', 3);
    const copy = { ...before, entries: [...before.entries] };
    expect(diffState(withConversation(before), withConversation(copy))).toBeUndefined();
  });

  it('removes a closed conversation by id and leaves untouched ones out', () => {
    const kept = chat('c1', 2);
    const closed = chat('c2', 2);
    const before = { ...INITIAL_STATE, conversations: { c1: kept, c2: closed } };
    expect(diffState(before, { ...before, conversations: { c1: kept } })).toEqual({ conversations: { set: {}, remove: ['c2'] } });
  });
});

describe('StateSync', () => {
  it('coalesces 5000 contact changes into one patch', () => {
    const { sync, patches, runScheduled, scheduledCount } = manualSync();
    // One growing record (a copy per change would make the test itself quadratic): only the state
    // at the flush is diffed against what the window has.
    const contacts: Contact[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const added = contact(`user${i}@example.com`);
      contacts.push(added);
      sync.update({ ...INITIAL_STATE, contacts });
    }
    expect(scheduledCount()).toBe(1);
    runScheduled();
    expect(patches).toHaveLength(1);
    expect(patches[0]?.contacts?.set).toHaveLength(5000);
    expect(patches[0]?.session).toBeUndefined();
  });

  it('coalesces a typing flag, a new message and its ACK into one update carrying one entry', () => {
    const start = chat('c1', 5000);
    const { sync, patches, runScheduled } = manualSync(withConversation(start));
    const typing = withTyping(start, 'bob@x.com', true);
    sync.update(withConversation(typing));
    const sending = withEntry(typing, { ...message('mine', 'sending'), from: 'me@x.com' });
    sync.update(withConversation(sending));
    const delivered = withMessage(sending, 'mine', (entry) => ({ ...entry, delivery: 'delivered' }));
    sync.update(withConversation(delivered));
    runScheduled();
    const update = { typing: ['bob@x.com'], entries: { from: 5000, items: [entryAt(delivered, 5000)] } };
    expect(patches).toEqual([{ conversations: { set: {}, update: { c1: update }, remove: [] } }]);
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
    sync.update({ ...INITIAL_STATE, contacts: [first] });
    runScheduled();
    const midSnapshot = sync.state;
    const busy = contact('first@x.com', 'BSY');
    const second = contact('second@x.com');
    sync.update({ ...midSnapshot, contacts: [busy, second] });
    expect(contactIn(sync.state.contacts, busy.handle)).toBe(busy);
    runScheduled();
    expect(patches[1]).toEqual({ contacts: { set: [busy, second], remove: [] } });
  });

  it('leaves untouched contacts and slices out of the patch', () => {
    const { sync, patches, runScheduled } = manualSync();
    const alice = contact('alice@x.com');
    const bob = contact('bob@x.com');
    const before: MessengerState = { ...INITIAL_STATE, contacts: [alice, bob] };
    sync.update(before);
    runScheduled();
    const away = contact(bob.handle, 'AWY');
    sync.update({ ...before, contacts: [alice, away] });
    runScheduled();
    expect(patches[1]).toEqual({ contacts: { set: [away], remove: [] } });
  });
});
