// Nothing typed is lost while the notification connection is down: a message typed while the client
// makes the connection again waits, shown as sending, and goes once the session is back (with my
// status and the open conversation restored); when reconnecting ends without a session, it is marked
// not delivered (the transcript offers Resend), with an error that says so.

import { afterEach, describe, expect, it } from 'vitest';
import type { Messenger } from '../../../main/client/messenger';
import type { ChatMessage, Conversation } from '../../../shared/model';
import { type Chat, collect, friends, startChat, texts, untilConversation } from '../sb/support';
import { untilState } from '../ns/harness';
import { worded } from '../../support/words';

const alice = { handle: 'alice@example.com', friendlyName: 'Alice' };
const bob = { handle: 'bob@example.com', friendlyName: 'Bob' };
const [aliceAccount, bobAccount] = friends(alice, bob);

let chat: Chat;
afterEach(() => chat.cleanup());

const message = (conversation: Conversation | undefined, id: string): ChatMessage | undefined =>
  conversation?.entries.find((entry): entry is ChatMessage & { type: 'message' } => entry.type === 'message' && entry.id === id);

/** Alice and Bob signed in, Alice away, in a conversation where Bob has read her first message. */
async function talking(reconnect: { baseDelayMs: number; maxAttempts?: number }): Promise<{ a: Messenger; b: Messenger; id: string }> {
  chat = await startChat([aliceAccount, bobAccount]);
  const a = await chat.signIn(aliceAccount, { reconnect: { maxDelayMs: reconnect.baseDelayMs, ...reconnect } });
  const b = await chat.signIn(bobAccount);
  await a.setStatus('AWY');
  const id = a.openConversation(bob.handle);
  a.sendMessage(id, 'before');
  await untilConversation(b, (conversation) => texts(conversation).includes('before'));
  return { a, b, id };
}

describe('a message typed while the notification connection is being made again', () => {
  it('waits as sending and is delivered once the session is back, with my status and the conversation restored', async () => {
    const { a, b, id } = await talking({ baseDelayMs: 400 });
    const errors = collect(a, 'error');
    expect(chat.server.cutConnection(alice.handle)).toBe(true);
    await untilState(a, (state) => state.session.state === 'reconnecting');

    const waiting = a.sendMessage(id, 'while the line was down');
    expect(message(a.state.conversations[id], waiting)?.delivery).toBe('sending');

    await untilConversation(a, (conversation) => message(conversation, waiting)?.delivery === 'delivered', id);
    expect(a.state.session).toMatchObject({ state: 'online', status: 'AWY' });
    expect(Object.keys(a.state.conversations)).toEqual([id]);
    const atBob = await untilConversation(b, (conversation) => texts(conversation).includes('while the line was down'));
    expect(texts(atBob)).toEqual(['before', 'while the line was down']);
    expect(errors.map(worded)).toEqual([]);
  });

  it('is marked not delivered (for Resend), saying so, when reconnecting ends without a session', async () => {
    const { a, b, id } = await talking({ baseDelayMs: 400, maxAttempts: 1 });
    const errors = collect(a, 'error');
    // The server goes away too: the one attempt allowed fails and the client stays offline.
    expect(chat.server.cutConnection(alice.handle)).toBe(true);
    await untilState(a, (state) => state.session.state === 'reconnecting');
    const waiting = a.sendMessage(id, 'lost in the gap');
    expect(message(a.state.conversations[id], waiting)?.delivery).toBe('sending');
    await chat.server.close();

    const failed = await untilConversation(a, (conversation) => message(conversation, waiting)?.delivery === 'failed', id);
    expect(message(failed, waiting)?.failedFor).toEqual([bob.handle]);
    expect(a.state.session).toMatchObject({ state: 'offline', error: { reason: 'reconnect-gave-up' } });
    expect(errors.map(worded)).toEqual([
      expect.objectContaining({ conversationId: id, messageId: waiting, message: 'The following message could not be delivered to Bob: "lost in the gap"' }),
    ]);
    expect(texts(await untilConversation(b, () => true))).toEqual(['before']);
  });
});
