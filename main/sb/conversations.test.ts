import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, Conversation, TranscriptEntry } from '../../shared/model';
import { ProtocolError, parseMime } from '../../protocol/index';
import { type FakeHost, fakeHost, until } from '../../test/integration/sb/fake-host';
import { type ScriptedPeer, ScriptedSwitchboard, relayed } from '../../test/integration/sb/scripted-switchboard';
import { type ConversationOptions, Conversations, DEFAULT_TYPING_EXPIRY_MS } from './conversations';
import { DEFAULT_MESSAGE_FORMAT } from './format';
import type { ConversationEvents } from './types';
import { toAppError } from '../client/errors';
import { lineText, worded } from '../../test/support/words';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const ME = 'example@hotmail.com';
const BOB = 'bob@hotmail.com';
const CAROL = 'carol@hotmail.com';
const TEXT_HEAD = 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n';

let sb: ScriptedSwitchboard;
let host: FakeHost;
let service: Conversations;
let cookies = 0;

function startService(options: ConversationOptions = {}): Conversations {
  let ids = 0;
  service = new Conversations(host, { newId: () => `id${++ids}`, ...options });
  return service;
}

beforeEach(async () => {
  sb = await ScriptedSwitchboard.start();
  host = fakeHost(() => sb.ticket(`cookie.${++cookies}`));
  host.names = { [BOB]: 'Bob', [CAROL]: 'Carol' };
  startService();
});

afterEach(async () => {
  vi.useRealTimers();
  service.closeAll();
  await sb.close();
});

/** Plays the switchboard side of USR (and CAL for each handle, answering RINGING, with JOI when asked). */
async function acceptCaller(calls: Array<{ handle: string; name: string; join: boolean }>): Promise<ScriptedPeer> {
  const peer = await sb.accept();
  const usr = await peer.next();
  expect(usr.name).toBe('USR');
  expect(usr.params.slice(1, 2)).toEqual(['example@hotmail.com']);
  peer.send(`USR ${usr.params[0]} OK example@hotmail.com Ex%C3%A9mple%20User`);
  for (const call of calls) {
    const cal = await peer.next();
    expect(cal.name).toBe('CAL');
    expect(cal.params[1]).toBe(call.handle);
    peer.send(`CAL ${cal.params[0]} RINGING 11752099`);
    if (call.join) peer.send(`JOI ${call.handle} ${encodeURIComponent(call.name)}`);
  }
  return peer;
}

async function openWithBob(): Promise<{ id: string; peer: ScriptedPeer }> {
  const id = service.open(BOB);
  const peer = await acceptCaller([{ handle: BOB, name: 'Bob', join: true }]);
  await until(service, id, (conversation) => conversation.participants[0]?.present === true);
  return { id, peer };
}

function messages(conversation: Conversation): Array<Extract<TranscriptEntry, { type: 'message' }>> {
  return conversation.entries.filter((entry) => entry.type === 'message');
}

function systemTexts(conversation: Conversation): string[] {
  return conversation.entries.flatMap((entry) => (entry.type === 'system' ? [`${entry.kind}: ${lineText(entry.event)}`] : []));
}

function delivery(id: string, messageId: string): ChatMessage['delivery'] | undefined {
  return messages(service.conversations[id]!).find((message) => message.id === messageId)?.delivery;
}

function collect<K extends keyof ConversationEvents>(event: K): Array<ConversationEvents[K]> {
  const seen: Array<ConversationEvents[K]> = [];
  service.on(event, (payload) => seen.push(payload));
  return seen;
}

describe('starting a conversation', () => {
  it('opens with XFR SB, USR and CAL, queues messages until JOI and then sends them in order', async () => {
    const id = service.open('Bob@Hotmail.com');
    expect(service.open(BOB)).toBe(id);
    const first = service.send(id, 'first');
    const second = service.send(id, 'second, with ünïcode');
    expect(service.conversations[id]).toMatchObject({ participants: [{ handle: BOB, friendlyName: 'Bob', present: false }], connected: false });

    const peer = await acceptCaller([{ handle: BOB, name: 'Bob', join: false }]);
    const joinedBefore = peer.received.length;
    expect(joinedBefore).toBe(2);
    peer.send('JOI bob@hotmail.com Bobby%20B');
    const one = await peer.expectMessage('A');
    const two = await peer.expectMessage('A');
    expect(parseMime(one.payload).body).toBe('first');
    expect(parseMime(two.payload).body).toBe('second, with ünïcode');
    expect(two.text).toContain('X-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=22\r\n');
    expect(delivery(id, first)).toBe('sending');
    peer.send(`ACK ${one.trid}`, `ACK ${two.trid}`);
    const conversation = await until(service, id, () => delivery(id, second) === 'delivered');
    expect(delivery(id, first)).toBe('delivered');
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bobby B', present: true }]);
    expect(messages(conversation).map((message) => [message.from, message.fromName, message.text])).toEqual([
      ['example@hotmail.com', 'Exémple User', 'first'],
      ['example@hotmail.com', 'Exémple User', 'second, with ünïcode'],
    ]);
    expect(host.switchboardRequests).toBe(1);
  });

  it('sends a message at once when the contact is already there, with the chosen format', async () => {
    const { id, peer } = await openWithBob();
    service.send(id, 'hi', { ...DEFAULT_MESSAGE_FORMAT, font: 'Comic Sans MS', italic: true, color: '#000080', pitchFamily: '42' });
    const message = await peer.expectMessage('A');
    expect(message.text).toBe(`${TEXT_HEAD}X-MMS-IM-Format: FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42\r\n\r\nhi`);
  });

  it('sends no format header on MSNP2 and keeps none in the transcript', async () => {
    host.dialectInUse = 'MSNP2';
    const { id, peer } = await openWithBob();
    const messageId = service.send(id, 'plain', { ...DEFAULT_MESSAGE_FORMAT, bold: true });
    expect((await peer.expectMessage('A')).text).toBe(`${TEXT_HEAD}\r\nplain`);
    expect(messages(service.conversations[id]!).find((message) => message.id === messageId)?.format).toBeUndefined();
  });

  it('turns a CAL error into a line in the conversation and fails the queued messages, keeping their text', async () => {
    const errors = collect('error');
    const id = service.open(BOB);
    const queued = service.send(id, 'are you there?');
    const peer = await sb.accept();
    const usr = await peer.next();
    peer.send(`USR ${usr.params[0]} OK example@hotmail.com Me`);
    const cal = await peer.next();
    peer.send(`217 ${cal.params[0]}`);
    await peer.expectOut();
    const conversation = await until(service, id, (c) => !c.connected && delivery(id, queued) === 'failed');
    expect(systemTexts(conversation)).toEqual(['error: Bob is offline or not accepting instant messages right now.']);
    expect(messages(conversation)[0]).toMatchObject({ text: 'are you there?', failedFor: [BOB] });
    expect(errors.map(worded)).toEqual([
      { conversationId: id, code: 217, message: 'Bob is offline or not accepting instant messages right now.' },
      { conversationId: id, messageId: queued, message: 'The following message could not be delivered to Bob: "are you there?"' },
    ]);
  });

  it('reports an XFR SB refusal (913 while appearing offline) as a line', async () => {
    host.nextSwitchboard = () => Promise.reject(new ProtocolError(913, 7, 'XFR'));
    const id = service.open(BOB);
    const conversation = await until(service, id, (c) => c.entries.length > 0);
    expect(systemTexts(conversation)).toEqual(['error: Could not start the conversation. You cannot do that while you appear offline.']);
  });

  it('gives up on a contact who never joins after the join timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    startService({ joinTimeoutMs: 60_000 });
    const id = service.open(BOB);
    const queued = service.send(id, 'hello?');
    const peer = await acceptCaller([{ handle: BOB, name: 'Bob', join: false }]);
    await host.untilLogged('SB < CAL 2 RINGING');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(peer.received.map((command) => command.name)).toEqual(['USR', 'CAL']);
    await vi.advanceTimersByTimeAsync(1);
    await peer.expectOut();
    const conversation = await until(service, id, () => delivery(id, queued) === 'failed');
    expect(systemTexts(conversation)).toEqual(['error: Bob did not join the conversation.']);
  });
});

describe('delivery', () => {
  it('marks a NAKed message failed for the people present, and resends it on request', async () => {
    const errors = collect('error');
    const { id, peer } = await openWithBob();
    const messageId = service.send(id, 'lost?');
    const first = await peer.expectMessage('A');
    peer.send(`NAK ${first.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'failed');
    expect(messages(service.conversations[id]!)[0]).toMatchObject({ text: 'lost?', failedFor: [BOB] });
    expect(errors.map(worded)).toEqual([{ conversationId: id, messageId, message: 'The following message could not be delivered to Bob: "lost?"' }]);

    service.resend(id, messageId);
    expect(messages(service.conversations[id]!)[0]).not.toHaveProperty('failedFor');
    const again = await peer.expectMessage('A');
    expect(parseMime(again.payload).body).toBe('lost?');
    peer.send(`ACK ${again.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'delivered');
    expect(messages(service.conversations[id]!)).toHaveLength(1);
  });

  it('splits a long message into 1664-byte payloads and marks it delivered when every part is ACKed', async () => {
    const { id, peer } = await openWithBob();
    const text = 'ü'.repeat(1500);
    const messageId = service.send(id, text);
    const one = await peer.expectMessage('A');
    const two = await peer.expectMessage('A');
    expect(one.payload.byteLength).toBeLessThanOrEqual(1664);
    expect(parseMime(one.payload).body + parseMime(two.payload).body).toBe(text);
    peer.send(`ACK ${one.trid}`);
    await until(service, id, (c) => c.connected);
    expect(delivery(id, messageId)).toBe('sending');
    peer.send(`ACK ${two.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'delivered');
  });

  it('resends only the parts of a split message that were not delivered', async () => {
    const { id, peer } = await openWithBob();
    const text = `${'a'.repeat(1200)}${'ü'.repeat(900)}`;
    const messageId = service.send(id, text);
    const one = await peer.expectMessage('A');
    const two = await peer.expectMessage('A');
    peer.send(`ACK ${one.trid}`, `NAK ${two.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'failed');

    service.resend(id, messageId);
    const again = await peer.expectMessage('A');
    expect(parseMime(again.payload).body).toBe(parseMime(two.payload).body);
    peer.send(`ACK ${again.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'delivered');
    service.send(id, 'next');
    expect(parseMime((await peer.expectMessage('A')).payload).body).toBe('next');
  });

  it('fails a message whose switchboard drops before the ACK', async () => {
    const { id, peer } = await openWithBob();
    const messageId = service.send(id, 'bye?');
    await peer.expectMessage('A');
    await peer.drop();
    const conversation = await until(service, id, (c) => !c.connected && delivery(id, messageId) === 'failed');
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bob', present: false }]);
  });

  it('fails a message cut off by closeAll with an error, or silently when the close is quiet (a user sign-out)', async () => {
    const errors = collect('error');
    for (const quiet of [false, true]) {
      const { id, peer } = await openWithBob();
      const messageId = service.send(id, quiet ? 'quiet' : 'loud');
      await peer.expectMessage('A');
      service.closeAll({ quiet });
      await peer.expectOut();
      await until(service, id, () => delivery(id, messageId) === 'failed');
      service.close(id);
    }
    expect(errors.map(worded)).toEqual([expect.objectContaining({ message: 'The following message could not be delivered to Bob: "loud"' })]);
  });

  it('refuses to send an empty message', () => {
    const id = service.open(BOB);
    expect(() => service.send(id, ' \n ')).toThrow('empty');
  });

  it('answers a message to a conversation that is not open as bad input, not as an internal error', () => {
    expect(() => service.send('no-such-id', 'hello')).toThrow(expect.objectContaining({ kind: 'input', reason: 'no-such-conversation' }));
    expect(toAppError(catchError(() => service.resend('no-such-id', 'm1')))).toEqual({ kind: 'input', reason: 'no-such-conversation' });
  });
});

describe('re-opening', () => {
  it('re-opens a switchboard closed by idle timeout on the next send, in the same conversation', async () => {
    const { id, peer } = await openWithBob();
    service.send(id, 'before');
    peer.send(`ACK ${(await peer.expectMessage('A')).trid}`);
    await until(service, id, (c) => messages(c)[0]?.delivery === 'delivered');
    await peer.drop();
    await until(service, id, (c) => !c.connected);

    const after = service.send(id, 'after');
    const second = await acceptCaller([{ handle: BOB, name: 'Bob', join: true }]);
    const message = await second.expectMessage('A');
    expect(parseMime(message.payload).body).toBe('after');
    second.send(`ACK ${message.trid}`);
    const conversation = await until(service, id, (c) => c.connected && delivery(id, after) === 'delivered');
    expect(messages(conversation).map((m) => m.text)).toEqual(['before', 'after']);
    expect(Object.keys(service.conversations)).toEqual([id]);
    expect(host.switchboardRequests).toBe(2);
  });

  it('leaves when the last other person says BYE, keeps them listed, and re-invites them on the next send', async () => {
    const { id, peer } = await openWithBob();
    peer.send('BYE bob@hotmail.com');
    await peer.expectOut();
    let conversation = await until(service, id, (c) => !c.connected);
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bob', present: false }]);
    expect(systemTexts(conversation)).toEqual(['left: Bob has left the conversation.']);

    service.send(id, 'come back');
    const second = await acceptCaller([{ handle: BOB, name: 'Bob', join: true }]);
    expect(parseMime((await second.expectMessage('A')).payload).body).toBe('come back');
    conversation = await until(service, id, (c) => c.participants[0]?.present === true);
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bob', present: true }]);
  });
});

describe('multi-party', () => {
  it('invites a third person with CAL, and JOI/BYE update the participants with lines', async () => {
    const { id, peer } = await openWithBob();
    service.invite(id, CAROL);
    const cal = await peer.expect(`CAL 3 ${CAROL}`);
    peer.send(`CAL ${cal.params[0]} RINGING 11752099`, 'JOI carol@hotmail.com Carol%20C');
    let conversation = await until(service, id, (c) => c.participants.length === 2);
    expect(conversation.participants.map((p) => p.friendlyName)).toEqual(['Bob', 'Carol C']);
    service.send(id, 'hi both');
    expect(parseMime((await peer.expectMessage('A')).payload).body).toBe('hi both');

    peer.send('BYE bob@hotmail.com');
    conversation = await until(service, id, (c) => c.participants.length === 1);
    expect(conversation.participants).toEqual([{ handle: CAROL, friendlyName: 'Carol C', present: true }]);
    expect(conversation.connected).toBe(true);
    expect(systemTexts(conversation)).toEqual(['joined: Carol C has joined the conversation.', 'left: Bob has left the conversation.']);
  });

  it('shows a message from someone blocked since, in a conversation with others: it reached us, so it is never dropped', async () => {
    const { id, peer } = await openWithBob();
    service.invite(id, CAROL);
    const cal = await peer.expect(`CAL 3 ${CAROL}`);
    peer.send(`CAL ${cal.params[0]} RINGING 11752099`, 'JOI carol@hotmail.com Carol');
    await until(service, id, (c) => c.participants.length === 2);
    host.blocked.add(CAROL);
    peer.relay(CAROL, 'Carol', `${TEXT_HEAD}\r\nstill here`);
    const conversation = await until(service, id, (c) => messages(c).length === 1);
    expect(messages(conversation)[0]).toMatchObject({ from: CAROL, text: 'still here', delivery: 'received' });
  });

  it('keeps the only person present listed when they leave while someone is still ringing, and re-invites them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    startService({ joinTimeoutMs: 60_000 });
    const { id, peer } = await openWithBob();
    service.invite(id, CAROL);
    peer.send(`CAL ${(await peer.expect(`CAL 3 ${CAROL}`)).params[0]} RINGING 11752099`);
    await host.untilLogged('SB < CAL 3 RINGING');
    peer.send('BYE bob@hotmail.com');
    let conversation = await until(service, id, (c) => systemTexts(c).length === 1);
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bob', present: false }]);

    await vi.advanceTimersByTimeAsync(60_000);
    await peer.expectOut();
    conversation = await until(service, id, (c) => !c.connected);
    expect(systemTexts(conversation)).toEqual(['left: Bob has left the conversation.', 'error: Carol did not join the conversation.']);

    const messageId = service.send(id, 'come back');
    const second = await acceptCaller([{ handle: BOB, name: 'Bob', join: true }]);
    const message = await second.expectMessage('A');
    expect(parseMime(message.payload).body).toBe('come back');
    second.send(`ACK ${message.trid}`);
    await until(service, id, () => delivery(id, messageId) === 'delivered');
  });

  it('puts an invitation error (already there, too many) in the conversation and keeps the session', async () => {
    const { id, peer } = await openWithBob();
    service.invite(id, CAROL);
    peer.send(`713 ${(await peer.next()).params[0]}`);
    const conversation = await until(service, id, (c) => c.entries.length > 0);
    expect(systemTexts(conversation)).toEqual([
      'error: You are inviting people too quickly, so Carol was not invited. Please wait a moment and try again.',
    ]);
    expect(conversation.connected).toBe(true);
  });

  it('leaving closes only that conversation\'s switchboard', async () => {
    const first = await openWithBob();
    const second = service.open(CAROL);
    const carolPeer = await acceptCaller([{ handle: CAROL, name: 'Carol', join: true }]);
    await until(service, second, (c) => c.participants[0]?.present === true);
    service.close(first.id);
    await first.peer.expectOut();
    expect(service.conversations[first.id]).toBeUndefined();
    expect(service.conversations[second]?.connected).toBe(true);
    service.send(second, 'still here');
    expect(parseMime((await carolPeer.expectMessage('A')).payload).body).toBe('still here');
  });
});

describe('being invited', () => {
  it('answers RNG with ANS, lists the IRO roster, and shows incoming formatted text', async () => {
    const received = collect('message');
    service.ring(sb.ring(BOB, 'Bob', '849102291.520491113'));
    const peer = await sb.accept();
    await peer.expect('ANS 1 example@hotmail.com 849102291.520491113 11752317');
    peer.write(
      'IRO 1 1 1 bob@hotmail.com Bob%20B\r\nANS 1 OK\r\n',
      relayed(BOB, 'Bob%20B', `${TEXT_HEAD}X-MMS-IM-Format: FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42\r\n\r\nCa va? caf\u00e9 \u263a`),
    );
    await vi.waitUntil(() => received.length === 1);
    const [id] = Object.keys(service.conversations);
    const conversation = service.conversations[id!]!;
    expect(conversation.participants).toEqual([{ handle: BOB, friendlyName: 'Bob B', present: true }]);
    expect(conversation.connected).toBe(true);
    expect(messages(conversation)[0]).toMatchObject({
      from: BOB,
      fromName: 'Bob B',
      text: 'Ca va? café ☺',
      delivery: 'received',
      format: { ...DEFAULT_MESSAGE_FORMAT, font: 'Comic Sans MS', italic: true, color: '#000080', pitchFamily: '42' },
    });
    expect(received[0]).toMatchObject({ conversationId: id, from: BOB, fromName: 'Bob B', text: 'Ca va? café ☺' });
    expect(conversation.lastReceivedAt).toBe(messages(conversation)[0]!.sentAt);
  });

  it('does not answer an invitation from a blocked contact, or while invitations are off', async () => {
    host.blocked.add(BOB);
    service.ring(sb.ring(BOB, 'Bob'));
    host.blocked.clear();
    host.invitationsOn = false;
    service.ring(sb.ring(BOB, 'Bob'));
    expect(host.logged).toEqual([
      'SB: not answering an invitation from bob@hotmail.com, who is blocked',
      'SB: not answering an invitation from bob@hotmail.com while invitations are off',
    ]);
    const id = service.open(CAROL);
    const peer = await sb.accept();
    expect((await peer.next()).name).toBe('USR');
    expect(sb.connections).toBe(1);
    expect(Object.keys(service.conversations)).toEqual([id]);
  });

  it('re-invites the inviter with CAL on the same switchboard when they left before the answer', async () => {
    service.ring(sb.ring(BOB, 'Bob'));
    const peer = await sb.accept();
    await peer.expect('ANS 1 example@hotmail.com ring.cookie 11752317');
    peer.send('ANS 1 OK');
    const id = await vi.waitUntil(() => Object.keys(service.conversations)[0]);
    await until(service, id, (c) => c.connected);
    expect(service.conversations[id]!.participants).toEqual([{ handle: BOB, friendlyName: 'Bob', present: false }]);
    service.send(id, 'wait for me');
    await peer.expect(`CAL 2 ${BOB}`);
    peer.send('CAL 2 RINGING 11752317', 'JOI bob@hotmail.com Bob');
    expect(parseMime((await peer.expectMessage('A')).payload).body).toBe('wait for me');
    expect(sb.connections).toBe(1);
  });

  it('takes a new invitation from the same person into the existing, closed conversation', async () => {
    const { id, peer } = await openWithBob();
    await peer.drop();
    await until(service, id, (c) => !c.connected);
    service.ring(sb.ring(BOB, 'Bob'));
    const second = await sb.accept();
    await second.expect('ANS 1 example@hotmail.com ring.cookie 11752317');
    second.send('IRO 1 1 1 bob@hotmail.com Bob', 'ANS 1 OK');
    await until(service, id, (c) => c.connected);
    expect(Object.keys(service.conversations)).toEqual([id]);
  });
});

describe('typing and other content', () => {
  it('shows who is typing until a few seconds pass or their message arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    startService({ typingExpiryMs: 6000 });
    const { id, peer } = await openWithBob();
    const typing = `MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: ${BOB}\r\n\r\n\r\n`;
    peer.relay(BOB, 'Bob', typing);
    await until(service, id, (c) => c.typing.includes(BOB));
    await vi.advanceTimersByTimeAsync(5999);
    expect(service.conversations[id]!.typing).toEqual([BOB]);
    await vi.advanceTimersByTimeAsync(1);
    expect(service.conversations[id]!.typing).toEqual([]);

    peer.relay(BOB, 'Bob', typing);
    await until(service, id, (c) => c.typing.includes(BOB));
    peer.relay(BOB, 'Bob', `${TEXT_HEAD}\r\ndone`);
    const conversation = await until(service, id, (c) => messages(c).length === 1);
    expect(conversation.typing).toEqual([]);
  });

  it('sends typing notifications with mode U at most once per interval', async () => {
    let now = 1_000_000;
    startService({ typingIntervalMs: 5000, now: () => now });
    const { id, peer } = await openWithBob();
    service.typing(id);
    service.typing(id);
    now += 4999;
    service.typing(id);
    now += 1;
    service.typing(id);
    service.send(id, 'marker');
    const typed = [await peer.expectMessage('U'), await peer.expectMessage('U')];
    expect(typed.map((message) => message.text)).toEqual([
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: example@hotmail.com\r\n\r\n\r\n',
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: example@hotmail.com\r\n\r\n\r\n',
    ]);
    expect(parseMime((await peer.expectMessage('A')).payload).body).toBe('marker');
  });

  it('keeps the receiver\'s "is typing" on while I type continuously, every keystroke passed on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    startService();
    const { id, peer } = await openWithBob();
    const bobHost = fakeHost(() => sb.ticket('cookie.bob'), BOB, 'Bob');
    const receiver = new Conversations(bobHost, { newId: () => 'at.bob' });
    try {
      const atBob = receiver.open(ME);
      const bobPeer = await sb.accept();
      const usr = await bobPeer.next();
      bobPeer.send(`USR ${usr.params[0]} OK ${BOB} Bob`);
      const cal = await bobPeer.next();
      bobPeer.send(`CAL ${cal.params[0]} RINGING 11752099`, `JOI ${ME} Me`);
      await until(receiver, atBob, (c) => c.participants[0]?.present === true);

      const relayed = (): number => bobHost.logged.filter((line) => line.startsWith('SB < MSG')).length;
      let sent = 0;
      // Twenty seconds of typing, a key every 300 ms, each passed on by the composer.
      for (let key = 0; key < 66; key++) {
        service.typing(id);
        if (host.logged.filter((line) => / MSG \d+ U /.test(line)).length > sent) {
          bobPeer.relay(ME, 'Me', (await peer.expectMessage('U')).payload);
          sent++;
          while (relayed() < sent) await new Promise((resolve) => setImmediate(resolve));
        }
        expect(receiver.conversations[atBob]!.typing).toEqual([ME]);
        await vi.advanceTimersByTimeAsync(300);
      }
      expect(sent).toBe(4);
      await vi.advanceTimersByTimeAsync(DEFAULT_TYPING_EXPIRY_MS);
      expect(receiver.conversations[atBob]!.typing).toEqual([]);
    } finally {
      receiver.closeAll();
    }
  });

  it('declines an application invitation politely and ignores unknown content without breaking the session', async () => {
    const { id, peer } = await openWithBob();
    peer.relay(BOB, 'Bob', 'MIME-Version: 1.0\r\nContent-Type: text/x-clientcaps\r\n\r\nClient-Name: Future');
    peer.relay(
      BOB,
      'Bob',
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\nApplication-Name: File Transfer\r\nInvitation-Command: INVITE\r\nInvitation-Cookie: 8872\r\n\r\n',
    );
    const decline = await peer.expectMessage('N');
    expect(decline.text).toContain('Invitation-Command: CANCEL\r\nInvitation-Cookie: 8872\r\nCancel-Code: REJECT_NOT_INSTALLED\r\n');
    peer.relay(BOB, 'Bob', `${TEXT_HEAD}\r\nstill talking`);
    const conversation = await until(service, id, (c) => messages(c).length === 1);
    expect(messages(conversation)[0]!.text).toBe('still talking');
    expect(systemTexts(conversation)).toEqual([
      'info: Bob sent an invitation to "File Transfer", which this version of MSN Messenger cannot accept. It was declined.',
    ]);
    expect(host.logged).toContain('SB: ignored a text/x-clientcaps message from bob@hotmail.com');
  });
});

describe('state', () => {
  it('emits a new record on every change and keeps unchanged conversations and entries by identity', async () => {
    const changes = collect('change');
    const { id, peer } = await openWithBob();
    const other = service.open(CAROL);
    await acceptCaller([{ handle: CAROL, name: 'Carol', join: true }]);
    await until(service, other, (c) => c.participants[0]?.present === true);
    const before = service.conversations;
    service.send(id, 'one');
    peer.send(`ACK ${(await peer.expectMessage('A')).trid}`);
    await until(service, id, (c) => messages(c)[0]?.delivery === 'delivered');
    const after = service.conversations;
    expect(after).not.toBe(before);
    expect(after[other]).toBe(before[other]);
    expect(changes.at(-1)).toBe(after);
    const firstEntry = after[id]!.entries[0];
    service.send(id, 'two');
    expect(service.conversations[id]!.entries[0]).toBe(firstEntry);
    expect(service.conversations[id]!.participants).toBe(after[id]!.participants);
  });
});
