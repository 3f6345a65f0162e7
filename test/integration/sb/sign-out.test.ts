import { afterEach, describe, expect, it } from 'vitest';
import type { Messenger } from '../../../main/client/messenger';
import type { Conversation } from '../../../shared/model';
import { type Chat, collect, friends, startChat, untilConversation } from './support';
import { worded } from '../../support/words';

const alice = { handle: 'alice@example.com', friendlyName: 'Alice' };
const bob = { handle: 'bob@example.com', friendlyName: 'Bob' };
const [aliceAccount, bobAccount] = friends(alice, bob);

let chat: Chat;
afterEach(() => chat.cleanup());

const deliveries = (conversation: Conversation | undefined): string[] =>
  (conversation?.entries ?? []).flatMap((entry) => (entry.type === 'message' ? [entry.delivery] : []));

/** Alice, whose switchboard answers are held back, with two messages waiting for Bob to join. */
async function aliceWaitingForBob(): Promise<{ a: Messenger; id: string; waiting: string[] }> {
  chat = await startChat([aliceAccount, bobAccount]);
  const relay = await chat.relay();
  const a = await chat.signIn(aliceAccount, { relay });
  await chat.signIn(bobAccount);
  relay.hold();
  const id = a.openConversation(bob.handle);
  const waiting = [a.sendMessage(id, 'one'), a.sendMessage(id, 'two')];
  await relay.untilHeld('USR 1 OK');
  return { a, id, waiting };
}

describe('unsent messages when the notification session ends', () => {
  it('are marked failed without a burst of error events when the user signs out', async () => {
    const { a, id } = await aliceWaitingForBob();
    const errors = collect(a, 'error');
    await a.signOut();
    expect(deliveries(a.state.conversations[id])).toEqual(['failed', 'failed']);
    expect(a.state.conversations[id]?.entries.every((entry) => entry.type === 'message' && entry.failedFor?.[0] === bob.handle)).toBe(true);
    expect(errors.map(worded)).toEqual([]);
  });

  it('are each reported as an error when the connection is lost', async () => {
    const { a, id, waiting } = await aliceWaitingForBob();
    const errors = collect(a, 'error');
    await chat.server.close();
    await untilConversation(a, (conversation) => deliveries(conversation).join() === 'failed,failed', id);
    expect(a.state.session.state).toBe('reconnecting');
    expect(errors.map(worded)).toEqual([
      expect.objectContaining({ conversationId: id, messageId: waiting[0], message: 'The following message could not be delivered to Bob: "one"' }),
      expect.objectContaining({ conversationId: id, messageId: waiting[1], message: 'The following message could not be delivered to Bob: "two"' }),
    ]);
  });
});
