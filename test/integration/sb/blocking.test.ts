import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../shared/model';
import { type Chat, collect, friends, lines, startChat, texts, untilConversation } from './support';
import { contactIn } from '../../../shared/contacts';

const alice = { handle: 'alice@example.com', friendlyName: 'Alice' };
const bob = { handle: 'bob@example.com', friendlyName: 'Bob' };
const carol = { handle: 'carol@example.com', friendlyName: 'Carol' };
const [aliceAccount, bobAccount, carolAccount] = friends(alice, bob, carol);

let chat: Chat;
afterEach(() => chat.cleanup());

describe('blocking someone I am talking to (§6.1)', () => {
  it('leaves the one-to-one switchboard, keeps the transcript with a line, and the other side sees me leave', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const errors = collect(a, 'error');
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'hello');
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);

    await a.block(bob.handle);
    const atAlice = a.state.conversations[id];
    expect(atAlice?.connected).toBe(false);
    expect(texts(atAlice!)).toEqual(['hello']);
    expect(lines(atAlice!)).toEqual(['You blocked Bob, so you have left this conversation.']);
    expect(contactIn(a.state.contacts, bob.handle)?.lists).toEqual(['FL', 'BL', 'RL']);
    const left = await untilConversation(b, (conversation) => !conversation.connected, atBob.id);
    expect(lines(left)).toEqual(['Alice has left the conversation.']);

    // The server now refuses Bob's invitations, so his next message cannot reach Alice.
    b.sendMessage(atBob.id, 'still there?');
    const failed = (conversation: Conversation): boolean =>
      conversation.entries.some((entry) => entry.type === 'message' && entry.delivery === 'failed');
    const refused = await untilConversation(b, failed, atBob.id);
    expect(lines(refused)).toContain('Alice is offline or not accepting instant messages right now.');
    expect(Object.keys(a.state.conversations)).toEqual([id]);
    expect(errors).toEqual([]);
  });

  it('fails the messages still waiting for the blocked contact to join, without error events', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const relay = await chat.relay();
    const a = await chat.signIn(aliceAccount, { relay });
    await chat.signIn(bobAccount);
    const errors = collect(a, 'error');
    relay.hold();
    const id = a.openConversation(bob.handle);
    const waiting = a.sendMessage(id, 'are you there?');
    await a.block(bob.handle);
    relay.release();
    const conversation = a.state.conversations[id];
    expect(conversation?.entries.find((entry) => entry.id === waiting)).toMatchObject({ delivery: 'failed', failedFor: [bob.handle] });
    expect(lines(conversation!)).toEqual(['You blocked Bob, so you have left this conversation.']);
    expect(errors).toEqual([]);
  });

  it('stays in a conversation with several people when one of them is blocked', async () => {
    chat = await startChat([aliceAccount, bobAccount, carolAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const c = await chat.signIn(carolAccount);
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'hi');
    await untilConversation(b, (conversation) => texts(conversation).length === 1);
    a.inviteToConversation(id, carol.handle);
    await untilConversation(c, (conversation) => conversation.connected);

    await a.block(bob.handle);
    expect(a.state.conversations[id]?.connected).toBe(true);
    expect(lines(a.state.conversations[id]!)).toEqual(['Carol has joined the conversation.']);
  });
});
