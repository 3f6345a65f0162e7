import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, type Conversation, type MessengerState, type TranscriptEntry } from './model';
import { reuse } from './reuse';
import { type StatePatch, applyPatch, diffState, patchFits } from './state';
import { RECENT_ENTRIES, windowPatch, windowState } from './window-state';

const entry = (index: number, text = `Message ${index}`): TranscriptEntry => ({
  type: 'message',
  id: `m${index}`,
  from: 'alice@example.com',
  fromName: 'Alice',
  sentAt: index,
  text,
  delivery: 'received',
});
const conversation = (count: number, id = 'c1'): Conversation => ({
  id,
  participants: [{ handle: 'alice@example.com', friendlyName: 'Alice' }],
  entries: Array.from({ length: count }, (_, index) => entry(index)),
  typing: [],
  connected: true,
});
const stateWith = (...conversations: Conversation[]): MessengerState => ({
  ...INITIAL_STATE,
  conversations: Object.fromEntries(conversations.map((each) => [each.id, each])),
});
const withEntries = (state: MessengerState, id: string, entries: readonly TranscriptEntry[]): MessengerState => ({
  ...state,
  conversations: { ...state.conversations, [id]: { ...(state.conversations[id] as Conversation), entries } },
});

describe('what a window holds of a long conversation', () => {
  it('gets the newest entries in its snapshot, and how many come before them', () => {
    const main = stateWith(conversation(1_000), conversation(3, 'c2'));
    const window = windowState(main);
    expect(window.conversations['c1']?.entries).toEqual(main.conversations['c1']?.entries.slice(1_000 - RECENT_ENTRIES));
    expect(window.conversations['c1']?.olderEntries).toBe(1_000 - RECENT_ENTRIES);
    expect(window.conversations['c2']).toBe(main.conversations['c2']);
    expect(windowState(stateWith(conversation(3)))).toEqual(stateWith(conversation(3)));
  });

  it('in a conversation window, gets the contacts it shows or can invite: those in its conversation, and who is online', () => {
    const contact = (handle: string, status: 'NLN' | 'FLN') => ({ handle, friendlyName: handle, status, lists: ['FL' as const] });
    const main: MessengerState = {
      ...stateWith(conversation(3)),
      contacts: [contact('alice@example.com', 'FLN'), contact('bob@example.com', 'NLN'), contact('carol@example.com', 'FLN')],
    };
    const handles = (state: MessengerState): string[] => state.contacts.map((shown) => shown.handle);
    expect(handles(windowState(main, { kind: 'conversation', account: 'a1', id: 'c1' }))).toEqual(['alice@example.com', 'bob@example.com']);
    expect(handles(windowState(main, { kind: 'conversation', account: 'a1', id: 'gone' }))).toEqual(['bob@example.com']);
    expect(windowState(main, { kind: 'contacts', account: 'a1' })).toBe(main);
    expect(windowState(main)).toBe(main);
  });

  it('gets a long conversation new to it with its newest entries only, and changes to one it has whole', () => {
    const before = stateWith(conversation(3, 'c2'));
    const c2 = before.conversations['c2'] as Conversation;
    const after = withEntries({ ...before, conversations: { c1: conversation(1_000), c2 } }, 'c2', [...c2.entries, entry(3)]);
    const patch = windowPatch(diffState(before, after) as StatePatch);
    expect(patch.conversations?.set['c1']?.entries).toHaveLength(RECENT_ENTRIES);
    expect(patch.conversations?.set['c1']?.olderEntries).toBe(1_000 - RECENT_ENTRIES);
    expect(patch.conversations?.update?.['c2']).toEqual({ entries: { from: 3, items: [entry(3)] } });
  });

  it('follows main with patches: appended and changed entries land after the older ones it does not hold', () => {
    let main = stateWith(conversation(1_000));
    let window = windowState(main);
    for (const change of [
      (entries: readonly TranscriptEntry[]) => [...entries, entry(1_000)],
      (entries: readonly TranscriptEntry[]) => [...entries.slice(0, -1), entry(1_000, 'ACKed')],
      (entries: readonly TranscriptEntry[]) => [...entries, entry(1_001), entry(1_002)],
    ]) {
      const next = withEntries(main, 'c1', change(main.conversations['c1']?.entries ?? []));
      const patch = windowPatch(diffState(main, next) as StatePatch);
      expect(patchFits(window, patch)).toBe(true);
      window = applyPatch(window, patch);
      main = next;
    }
    expect(window).toEqual(windowStateAt(main, 1_000 - RECENT_ENTRIES));
  });

  it('takes in a change older than what it holds with everything after it, and then holds from there', () => {
    const main = stateWith(conversation(1_000));
    const window = windowState(main);
    const entries = [...(main.conversations['c1']?.entries ?? [])];
    entries[500] = entry(500, 'changed');
    const patch = windowPatch(diffState(main, withEntries(main, 'c1', entries)) as StatePatch);
    const next = applyPatch(window, patch);
    expect(next.conversations['c1']?.olderEntries).toBe(500);
    expect(next.conversations['c1']?.entries).toEqual(entries.slice(500));
    // The entries it held and that did not change keep their objects.
    expect(next.conversations['c1']?.entries.at(-1)).toBe(window.conversations['c1']?.entries.at(-1));
  });

  it('needs a snapshot when a tail starts past the end of what it holds (it missed a change)', () => {
    const main = stateWith(conversation(1_000));
    const window = windowState(main);
    const patch: StatePatch = { conversations: { set: {}, update: { c1: { entries: { from: 1_001, items: [entry(1_001)] } } }, remove: [] } };
    expect(patchFits(window, patch)).toBe(false);
    expect(applyPatch(window, patch)).toBe(window);
  });
});

/** The window's copy of `state`'s conversation c1, holding from `older` on. */
function windowStateAt(state: MessengerState, older: number): MessengerState {
  const whole = state.conversations['c1'] as Conversation;
  return { ...state, conversations: { c1: { ...whole, entries: whole.entries.slice(older), olderEntries: older } } };
}

describe('reuse', () => {
  it('returns a value that shares nothing with the previous one as it came', () => {
    const next = { a: { x: 1 }, b: [1, 2] };
    expect(reuse<Record<string, unknown>>({}, next)).toBe(next);
    expect(reuse<unknown[]>([], [next])[0]).toBe(next);
  });

  it('keeps the previous objects of the equal parts, and the new ones of the rest', () => {
    const prev = { a: { x: 1 }, b: { y: 2 }, c: [{ z: 3 }, { z: 4 }] };
    const next = reuse(prev, { a: { x: 1 }, b: { y: 5 }, c: [{ z: 3 }, { z: 6 }] });
    expect(next).toEqual({ a: { x: 1 }, b: { y: 5 }, c: [{ z: 3 }, { z: 6 }] });
    expect(next.a).toBe(prev.a);
    expect(next.b).not.toBe(prev.b);
    expect(next.c[0]).toBe(prev.c[0]);
    expect(reuse(prev, structuredClone(prev))).toBe(prev);
  });
});
