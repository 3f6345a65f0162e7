import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_FORMAT } from '../../../main/sb/index';
import type { Conversation, MessageFormat } from '../../../shared/model';
import { type Chat, collect, friends, lines, startChat, texts, untilConversation } from './support';
import { worded } from '../../support/words';

const alice = { handle: 'alice@example.com', friendlyName: 'Alice Ä' };
const bob = { handle: 'bob@example.com', friendlyName: 'Bob' };
const carol = { handle: 'carol@example.com', friendlyName: 'Carol' };
const [aliceAccount, bobAccount, carolAccount] = friends(alice, bob, carol);

let chat: Chat;
afterEach(() => chat.cleanup());

const deliveries = (conversation: Conversation): string[] =>
  conversation.entries.flatMap((entry) => (entry.type === 'message' && entry.from === alice.handle ? [entry.delivery] : []));
const present = (conversation: Conversation): string[] =>
  conversation.participants.filter((participant) => participant.present).map((participant) => participant.handle);

describe('conversations over the project server', () => {
  it('chats one-to-one in both directions, each side keeping one conversation', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const bobReceived = collect(b, 'message');

    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'Hi Bob!');
    let atBob = await untilConversation(b, (c) => texts(c).length === 1);
    expect(bobReceived).toEqual([expect.objectContaining({ conversationId: atBob.id, from: alice.handle, fromName: 'Alice Ä', text: 'Hi Bob!' })]);
    expect(atBob.participants).toEqual([{ handle: alice.handle, friendlyName: 'Alice Ä', present: true }]);
    await untilConversation(a, (c) => deliveries(c).join() === 'delivered');

    b.sendMessage(atBob.id, 'Hello Alice');
    const atAlice = await untilConversation(a, (c) => texts(c).length === 2, id);
    expect(texts(atAlice)).toEqual(['Hi Bob!', 'Hello Alice']);
    expect(atAlice.entries[1]).toMatchObject({ from: bob.handle, fromName: 'Bob', delivery: 'received' });
    atBob = await untilConversation(b, (c) => c.entries.every((entry) => entry.type !== 'message' || entry.delivery !== 'sending'));
    expect(Object.keys(a.state.conversations)).toEqual([id]);
    expect(Object.keys(b.state.conversations)).toEqual([atBob.id]);
  });

  it('sends the messages typed before the contact joined, in order', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const id = a.openConversation(bob.handle);
    for (const text of ['one', 'two', 'three']) a.sendMessage(id, text);
    expect(a.state.conversations[id]?.participants[0]?.present).toBe(false);
    const atBob = await untilConversation(b, (c) => texts(c).length === 3);
    expect(texts(atBob)).toEqual(['one', 'two', 'three']);
    await untilConversation(a, (c) => deliveries(c).join() === 'delivered,delivered,delivered', id);
  });

  it('runs a three-person conversation: CAL brings Carol in, everyone sees JOI, and BYE takes Bob out', async () => {
    chat = await startChat([aliceAccount, bobAccount, carolAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const c = await chat.signIn(carolAccount);
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'hi Bob');
    await untilConversation(b, (conversation) => texts(conversation).length === 1);

    a.inviteToConversation(id, carol.handle);
    await untilConversation(a, (conversation) => present(conversation).length === 2, id);
    const atCarol = await untilConversation(c, (conversation) => conversation.connected);
    expect(atCarol.participants.map((participant) => participant.handle).sort()).toEqual([alice.handle, bob.handle]);
    const atBob = await untilConversation(b, (conversation) => present(conversation).length === 2);
    expect(lines(atBob)).toEqual(['Carol has joined the conversation.']);

    c.sendMessage(atCarol.id, 'hello both');
    await untilConversation(a, (conversation) => texts(conversation).includes('hello both'), id);
    await untilConversation(b, (conversation) => texts(conversation).includes('hello both'));

    b.closeConversation(atBob.id);
    const atAlice = await untilConversation(a, (conversation) => conversation.participants.length === 1, id);
    expect(atAlice.participants).toEqual([{ handle: carol.handle, friendlyName: 'Carol', present: true }]);
    expect(lines(atAlice)).toEqual(['Carol has joined the conversation.', 'Bob has left the conversation.']);
    await untilConversation(c, (conversation) => conversation.participants.length === 1);
    expect(b.state.conversations).toEqual({});

    a.sendMessage(id, 'just us now');
    await untilConversation(c, (conversation) => texts(conversation).includes('just us now'));
    await untilConversation(a, (conversation) => deliveries(conversation).every((state) => state === 'delivered'), id);
  });

  it('marks a message NAKed by the switchboard as not delivered, names the message, and resends it', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const relay = await chat.relay();
    const a = await chat.signIn(aliceAccount, { relay });
    const b = await chat.signIn(bobAccount);
    const errors = collect(a, 'error');
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'first');
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);
    await untilConversation(a, (conversation) => deliveries(conversation).join() === 'delivered', id);

    // Bob leaves while Alice has not heard of it yet: the switchboard NAKs what she sends.
    relay.hold();
    b.closeConversation(atBob.id);
    await relay.untilHeld(`BYE ${bob.handle}`);
    const lost = a.sendMessage(id, 'anyone there?');
    relay.release();
    const atAlice = await untilConversation(a, (conversation) => deliveries(conversation).includes('failed'), id);
    expect(atAlice.entries.find((entry) => entry.id === lost)).toMatchObject({ text: 'anyone there?', delivery: 'failed', failedFor: [bob.handle] });
    expect(errors.map(worded)).toContainEqual(
      expect.objectContaining({ conversationId: id, messageId: lost, message: 'The following message could not be delivered to Bob: "anyone there?"' }),
    );

    a.resendMessage(id, lost);
    await untilConversation(a, (conversation) => deliveries(conversation).join() === 'delivered,delivered', id);
    expect(texts(await untilConversation(b, (conversation) => texts(conversation).length === 1))).toEqual(['anyone there?']);
  });

  it('re-opens a dropped switchboard on the next send, in the same conversation on both sides', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const relay = await chat.relay();
    const a = await chat.signIn(aliceAccount, { relay });
    const b = await chat.signIn(bobAccount);
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'before the drop');
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);

    await untilConversation(a, (conversation) => deliveries(conversation).join() === 'delivered', id);

    relay.cut();
    await untilConversation(a, (conversation) => !conversation.connected, id);
    await untilConversation(b, (conversation) => !conversation.connected);

    a.sendMessage(id, 'after the drop');
    const reopened = await untilConversation(b, (conversation) => texts(conversation).length === 2, atBob.id);
    expect(texts(reopened)).toEqual(['before the drop', 'after the drop']);
    expect(Object.keys(b.state.conversations)).toEqual([atBob.id]);
    const atAlice = await untilConversation(a, (conversation) => deliveries(conversation).join() === 'delivered,delivered', id);
    expect(atAlice.connected).toBe(true);
  });

  it('carries multi-byte text intact and splits a long message at the 1664-byte limit', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const received = collect(b, 'message');
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'Ça va? Coffee at the café 😀');
    const long = 'Größe '.repeat(200) + '日本語のテキスト'.repeat(40) + '👩‍👩‍👧'.repeat(30);
    a.sendMessage(id, long);
    await untilConversation(a, (conversation) => deliveries(conversation).join() === 'delivered,delivered', id);
    await untilConversation(b, (conversation) => texts(conversation).length >= 3);
    expect(received[0]?.text).toBe('Ça va? Coffee at the café 😀');
    const parts = received.slice(1).map((message) => message.text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(long);
    for (const part of parts) expect(part).not.toContain('\uFFFD');
    expect(a.state.conversations[id]?.entries.filter((entry) => entry.type === 'message')).toHaveLength(2);
  });

  it('round-trips MSN 2.0 formatting between two clients', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const format: MessageFormat = {
      ...DEFAULT_MESSAGE_FORMAT,
      font: 'Comic Sans MS',
      bold: true,
      italic: true,
      strikethrough: true,
      color: '#000080',
      pitchFamily: '42',
    };
    const id = a.openConversation(bob.handle);
    a.sendMessage(id, 'in style', format);
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);
    expect(atBob.entries[0]).toMatchObject({ text: 'in style', format });
    b.sendMessage(atBob.id, 'plain default');
    const atAlice = await untilConversation(a, (conversation) => texts(conversation).length === 2, id);
    expect(atAlice.entries[1]).toMatchObject({ text: 'plain default', format: DEFAULT_MESSAGE_FORMAT });
  });

  it("emits each received message with its transcript entry's id and the sender's formatting", async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const received = collect(b, 'message');
    const format: MessageFormat = { ...DEFAULT_MESSAGE_FORMAT, font: 'Arial', underline: true, color: '#800000' };
    a.sendMessage(a.openConversation(bob.handle), 'underlined', format);
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);
    expect(received).toStrictEqual([
      { conversationId: atBob.id, messageId: atBob.entries[0]?.id, from: alice.handle, fromName: 'Alice Ä', text: 'underlined', format },
    ]);
  });

  it('emits a message from an MSNP2 sender without a format', async () => {
    chat = await startChat([aliceAccount, bobAccount], { dialects: ['MSNP2'] });
    const a = await chat.signIn(aliceAccount);
    const b = await chat.signIn(bobAccount);
    const received = collect(b, 'message');
    a.sendMessage(a.openConversation(bob.handle), 'plain', { ...DEFAULT_MESSAGE_FORMAT, bold: true });
    const atBob = await untilConversation(b, (conversation) => texts(conversation).length === 1);
    expect(received).toStrictEqual([
      { conversationId: atBob.id, messageId: atBob.entries[0]?.id, from: alice.handle, fromName: 'Alice Ä', text: 'plain' },
    ]);
  });

  it('shows "offline or not accepting" as a line when the contact cannot be called, keeping the message', async () => {
    chat = await startChat([aliceAccount, bobAccount]);
    const a = await chat.signIn(aliceAccount);
    const id = a.openConversation(bob.handle);
    const messageId = a.sendMessage(id, 'are you there?');
    const conversation = await untilConversation(a, (c) => deliveries(c).join() === 'failed', id);
    expect(lines(conversation)).toEqual(['Bob is offline or not accepting instant messages right now.']);
    expect(conversation.entries.find((entry) => entry.id === messageId)).toMatchObject({ text: 'are you there?', failedFor: [bob.handle] });
  });
});
