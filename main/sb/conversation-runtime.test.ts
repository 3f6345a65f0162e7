import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../../shared/model';
import { fakeHost } from '../../test/integration/sb/fake-host';
import { ConversationRuntime, type RuntimeContext } from './conversation-runtime';
import { messageEntry, newConversation } from './conversation-state';
import type { ConversationEvents } from './types';
import { lineText, worded } from '../../test/support/words';

const WAITING: ChatMessage = { id: 'm1', from: 'example@hotmail.com', fromName: 'Me', sentAt: 1, text: 'anyone?', delivery: 'sending' };

/** A runtime over one record the test holds, with the events it emits. */
function runtimeOver(conversation: Conversation) {
  let record: Conversation | undefined = conversation;
  let ids = 0;
  const errors: Array<ConversationEvents['error']> = [];
  const host = fakeHost(() => ({ host: '127.0.0.1', port: 1, cookie: 'unused' }));
  const context: RuntimeContext = {
    host,
    options: { joinTimeoutMs: 60_000, typingExpiryMs: 6_000, typingIntervalMs: 5_000 },
    now: () => 2,
    newId: () => `line${++ids}`,
    record: () => record,
    update: (change) => {
      if (record) record = change(record);
    },
    emit: (event, payload) => {
      if (event === 'error') errors.push(payload as ConversationEvents['error']);
    },
    epoch: () => 0,
    closedQuietlySince: () => false,
  };
  return { runtime: new ConversationRuntime(conversation.id, context), host, errors, record: () => record };
}

describe('a conversation with nobody to call', () => {
  it('fails a waiting message at once with a line, without opening a switchboard', () => {
    const { runtime, host, errors, record } = runtimeOver({ ...newConversation('c1', []), entries: [messageEntry(WAITING)] });
    runtime.enqueue('m1');
    expect(host.switchboardRequests).toBe(0);
    const sentence = 'There is nobody in this conversation to send to. Invite someone, then send your message again.';
    const [failed, line] = record()?.entries ?? [];
    expect(failed).toMatchObject({ id: 'm1', delivery: 'failed', failedFor: [] });
    expect(line).toMatchObject({ type: 'system', id: 'line1', kind: 'error', at: 2 });
    expect(line?.type === 'system' && lineText(line.event)).toBe(sentence);
    expect(errors.map(worded)).toEqual([
      { conversationId: 'c1', message: sentence },
      { conversationId: 'c1', messageId: 'm1', message: 'The following message could not be delivered to anyone: "anyone?"' },
    ]);
  });
});
