import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Conversation, TranscriptEntry } from './model';
import { applyPatch, diffState } from './state';
import {
  TRANSCRIPT_CHUNK,
  entriesBetween,
  entryAt,
  firstChangedEntry,
  indexOfEntry,
  transcriptLength,
  withAppended,
  withReplaced,
} from './transcript';
import { INITIAL_STATE } from './model';
import { recentPart } from './window-state';

const line = (id: string, text = id): TranscriptEntry => ({
  type: 'message',
  id,
  from: 'bob@example.com',
  fromName: 'Bob',
  sentAt: 1,
  text,
  delivery: 'sending',
});

const empty: Conversation = { id: 'c1', participants: [], entries: [], typing: [], connected: true };

function built(count: number): { conversation: Conversation; plain: TranscriptEntry[] } {
  let conversation = empty;
  const plain: TranscriptEntry[] = [];
  for (let index = 0; index < count; index++) {
    const entry = line(`m${index}`);
    conversation = withAppended(conversation, entry);
    plain.push(entry);
  }
  return { conversation, plain };
}

describe('a chunked transcript', () => {
  it('keeps fewer than two chunks in entries and freezes the rest, holding every entry in order', () => {
    const { conversation, plain } = built(1000);
    expect(conversation.entries.length).toBeLessThan(2 * TRANSCRIPT_CHUNK);
    expect(conversation.olderEntries).toBe((conversation.earlier?.length ?? 0) * TRANSCRIPT_CHUNK);
    expect(transcriptLength(conversation)).toBe(1000);
    expect(entriesBetween(conversation, 0)).toEqual(plain);
    expect(entriesBetween(conversation, 130, 260)).toEqual(plain.slice(130, 260));
    expect(entryAt(conversation, 5)).toBe(plain[5]);
    expect(entryAt(conversation, 999)).toBe(plain[999]);
    expect(entryAt(conversation, 1000)).toBeUndefined();
    expect(indexOfEntry(conversation, 'm3')).toBe(3);
    expect(indexOfEntry(conversation, 'm998')).toBe(998);
    expect(indexOfEntry(conversation, 'nobody')).toBe(-1);
  });

  it('adds a message by copying the short tail: the frozen chunks stay the same objects', () => {
    const { conversation } = built(500);
    const next = withAppended(conversation, line('new'));
    expect(next.entries).not.toBe(conversation.entries);
    next.earlier?.forEach((chunk, index) => expect(chunk).toBe(conversation.earlier?.[index]));
  });

  it('replaces an old entry by copying its chunk only', () => {
    const { conversation } = built(500);
    const acked = { ...(entryAt(conversation, 10) as TranscriptEntry), text: 'changed' };
    const next = withReplaced(conversation, 10, acked);
    expect(entryAt(next, 10)).toBe(acked);
    expect(entryAt(conversation, 10)).not.toBe(acked);
    expect(next.entries).toBe(conversation.entries);
    expect(next.earlier?.[1]).toBe(conversation.earlier?.[1]);
    expect(firstChangedEntry(conversation, next)).toBe(10);
  });

  it('behaves as a plain array under any appends and replacements', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 150 }) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let conversation = empty;
        let plain: TranscriptEntry[] = [];
        let made = 0;
        for (const step of actions) {
          const before = conversation;
          const plainBefore = plain;
          if (step.kind === 'append') {
            for (let count = 0; count < step.count; count++) {
              const entry = line(`m${made++}`);
              conversation = withAppended(conversation, entry);
              plain = [...plain, entry];
            }
          } else if (plain.length > 0) {
            const at = step.at % plain.length;
            const entry = line(`r${made++}`);
            conversation = withReplaced(conversation, at, entry);
            plain = plain.map((old, index) => (index === at ? entry : old));
          }
          expect(entriesBetween(conversation, 0)).toEqual(plain);
          let first = 0;
          while (first < Math.min(plain.length, plainBefore.length) && plain[first] === plainBefore[first]) first++;
          expect(firstChangedEntry(before, conversation)).toBe(first);
          // What a window holds follows main's copy through the patch main sends it.
          const window = { ...INITIAL_STATE, conversations: { c1: recentPart(before) } };
          const patch = diffState({ ...INITIAL_STATE, conversations: { c1: before } }, { ...INITIAL_STATE, conversations: { c1: conversation } });
          const patched = patch ? applyPatch(window, patch).conversations['c1'] : window.conversations['c1'];
          const held = patched as Conversation;
          expect(held.earlier).toBeUndefined();
          expect(held.entries).toEqual(plain.slice((held.olderEntries ?? 0)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sends a window only the newest entries, never the frozen chunks', () => {
    const { conversation, plain } = built(300);
    const recent = recentPart(conversation);
    expect(recent.earlier).toBeUndefined();
    expect(recent.olderEntries).toBe(100);
    expect(recent.entries).toEqual(plain.slice(100));
    const short = built(150).conversation;
    expect(recentPart(short).earlier).toBeUndefined();
    expect(recentPart(short).olderEntries).toBeUndefined();
    expect(recentPart(short).entries).toHaveLength(150);
  });
});
