import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation, TranscriptEntry } from '../../../shared/model';
import type { HistoryRecord } from './records';
import { HistoryRecorder } from './recorder';
import { withAppended, withReplaced } from '../../../shared/transcript';

/** The records for going from `before` (already recorded) to `after`. */
const historyRecords = (before: Record<string, Conversation>, after: Record<string, Conversation>, now: number): HistoryRecord[] =>
  new HistoryRecorder(before).next(after, now);

const message = (id: string, delivery: ChatMessage['delivery'], text = id): TranscriptEntry => ({
  type: 'message',
  id,
  from: delivery === 'received' ? 'bob@example.com' : 'me@example.com',
  fromName: delivery === 'received' ? 'Bob' : 'Me',
  sentAt: 5_000,
  text,
  delivery,
  format: { font: 'Arial', bold: true, italic: false, underline: false, strikethrough: false, color: '#0000ff', charset: '0', pitchFamily: '22' },
});

const bob = { handle: 'bob@example.com', friendlyName: 'Bob', present: true };

function conversation(entries: TranscriptEntry[], participants = [bob]): Conversation {
  return { id: 'c1', participants, entries, typing: [], connected: true };
}

describe('HistoryRecorder', () => {
  it('records a new conversation, then each message as it is shown, in order', () => {
    const first = conversation([message('m1', 'sending')]);
    expect(historyRecords({}, { c1: first }, 9_000)).toEqual([
      { kind: 'conversation', id: 'c1', participants: [{ handle: 'bob@example.com', name: 'Bob' }], at: 5_000 },
      expect.objectContaining({ kind: 'message', id: 'm1', conversationId: 'c1', from: 'me@example.com', fromName: 'Me', delivery: 'sending', format: 'FN=Arial; EF=B; CO=ff0000; CS=0; PF=22' }),
    ]);
  });

  it('records a message again when it is ACKed, and nothing for a typing notice', () => {
    const before = conversation([message('m1', 'sending')]);
    const typing = { ...before, typing: ['bob@example.com'] };
    expect(historyRecords({ c1: before }, { c1: typing }, 9_000)).toEqual([]);
    const acked = { ...typing, entries: [message('m1', 'delivered'), message('m2', 'received')] };
    expect(historyRecords({ c1: typing }, { c1: acked }, 9_000).map((record) => [record.id, record.kind === 'message' && record.delivery])).toEqual([
      ['m1', 'delivered'],
      ['m2', 'received'],
    ]);
  });

  it('records the conversation again when someone joins, before what they say', () => {
    const before = conversation([message('m1', 'received')]);
    const carol = { handle: 'carol@example.com', friendlyName: 'Carol', present: true };
    const after = { ...before, participants: [bob, carol], entries: [...before.entries, message('m2', 'received')] };
    expect(historyRecords({ c1: before }, { c1: after }, 9_000).map((record) => record.kind)).toEqual(['conversation', 'message']);
  });

  it('follows a long conversation change by change: ACKs anywhere, resends, new lines, a transcript that shrank', () => {
    const recorder = new HistoryRecorder({});
    const lines = Array.from({ length: 50 }, (_, index) => message(`m${index}`, index === 3 ? 'sending' : 'received'));
    const first = conversation(lines);
    expect(recorder.next({ c1: first }, 9_000)).toHaveLength(51);
    const acked = { ...first, entries: first.entries.map((entry, index) => (index === 3 ? message('m3', 'failed') : entry)) };
    expect(recorder.next({ c1: acked }, 9_000)).toEqual([expect.objectContaining({ id: 'm3', delivery: 'failed' })]);
    const resent = { ...acked, entries: [...acked.entries.map((entry, index) => (index === 3 ? message('m3', 'sending') : entry)), message('m50', 'received')] };
    expect(recorder.next({ c1: resent }, 9_000).map((record) => record.kind === 'message' && [record.id, record.delivery])).toEqual([
      ['m3', 'sending'],
      ['m50', 'received'],
    ]);
    const delivered = { ...resent, entries: resent.entries.map((entry, index) => (index === 3 ? message('m3', 'delivered') : entry)) };
    expect(recorder.next({ c1: delivered }, 9_000)).toEqual([expect.objectContaining({ id: 'm3', delivery: 'delivered' })]);
    const shorter = { ...delivered, entries: [message('x1', 'received')] };
    expect(recorder.next({ c1: shorter }, 9_000)).toEqual([expect.objectContaining({ id: 'x1' })]);
  });

  it('ignores system lines and unchanged conversations', () => {
    const before = conversation([]);
    const after = { ...before, entries: [{ type: 'system', id: 's1', kind: 'joined', event: { type: 'joined', name: 'Bob' }, at: 1 } as TranscriptEntry] };
    expect(historyRecords({ c1: before }, { c1: after }, 9_000)).toEqual([]);
    expect(historyRecords({ c1: after }, { c1: after }, 9_000)).toEqual([]);
  });

  it('records an ACK for a message already frozen into an older chunk of a long transcript', () => {
    let long = conversation([message('m0', 'sending')]);
    for (let index = 1; index < 300; index++) long = withAppended(long, message(`m${index}`, 'received'));
    expect(long.earlier?.length).toBeGreaterThan(0);
    const recorder = new HistoryRecorder({ c1: long });
    const acked = withReplaced(long, 0, message('m0', 'delivered'));
    const grown = withAppended(acked, message('m300', 'received'));
    expect(recorder.next({ c1: grown }, 9_000).map((record) => record.kind === 'message' && [record.id, record.delivery])).toEqual([
      ['m0', 'delivered'],
      ['m300', 'received'],
    ]);
  });
});
