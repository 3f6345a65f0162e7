// A switchboard that misbehaves at each step of a conversation: silence after CAL, RINGING and then
// nobody, and the connection dropped after USR, CAL, RINGING, JOI and ACK. What the user sees: the
// message ends delivered, or failed (to resend) with an error that says so; nothing stays "sending".

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Messenger, MessengerEvents } from '../../../main/client/messenger';
import type { ChatMessage, Conversation } from '../../../shared/model';
import { type ScriptedPeer, ScriptedSwitchboard } from '../sb/scripted-switchboard';
import { lines } from '../sb/support';
import { errorText } from '../../support/words';
import { useScriptedHarness } from '../ns/harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, emptySyncAndOnline } from '../ns/scripts';

const BOB = 'bob@example.com';
const harness = useScriptedHarness('msn-misbehaving-chat-');
let switchboard: ScriptedSwitchboard | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await switchboard?.close();
  switchboard = undefined;
});

interface SignedIn {
  readonly messenger: Messenger;
  readonly errors: Array<MessengerEvents['error']>;
  /** Resolves once the client has logged a line matching `pattern` (what it read is then handled). */
  logged(pattern: RegExp): Promise<void>;
}

/** Signs in to a scripted NS whose XFR SB answers (TrIDs 7, 8, …) lead to a scripted switchboard. */
async function signedIn({ switchboards = 1, keepAlive = false } = {}): Promise<SignedIn> {
  switchboard = await ScriptedSwitchboard.start();
  const referrals = Array.from({ length: switchboards }, (_, index) => [`C: XFR ${7 + index} SB`, `S: XFR ${7 + index} SB 127.0.0.1:${switchboard?.port} CKI cookie.${index + 1}`]).flat();
  const server = await harness.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...referrals, ...(keepAlive ? ['C: PNG', 'S: QNG'] : []), ...SIGN_OUT]]);
  const waiters = new Set<{ pattern: RegExp; resolve: () => void }>();
  const messenger = harness.messenger({
    log: (line) => {
      for (const waiter of waiters) {
        if (!waiter.pattern.test(line)) continue;
        waiters.delete(waiter);
        waiter.resolve();
      }
    },
  });
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  const errors: Array<MessengerEvents['error']> = [];
  messenger.on('error', (error) => errors.push(error));
  return { messenger, errors, logged: (pattern) => new Promise((resolve) => void waiters.add({ pattern, resolve })) };
}

/** Takes the switchboard connection that opens and answers USR; returns it for the next step. */
async function admitted(cookie = 'cookie.1'): Promise<ScriptedPeer> {
  const peer = await (switchboard as ScriptedSwitchboard).accept();
  await peer.expect(`USR 1 ${HANDLE} ${cookie}`);
  peer.send(`USR 1 OK ${HANDLE} Example%20User`);
  return peer;
}

function message(messenger: Messenger, conversationId: string, messageId: string): ChatMessage | undefined {
  const entry = messenger.state.conversations[conversationId]?.entries.find((candidate) => candidate.id === messageId);
  return entry?.type === 'message' ? entry : undefined;
}

/** Resolves once the message has left "sending". */
function settled(messenger: Messenger, conversationId: string, messageId: string): Promise<ChatMessage> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const found = message(messenger, conversationId, messageId);
      if (!found || found.delivery === 'sending') return false;
      resolve(found);
      return true;
    };
    if (check()) return;
    const off = messenger.on('state', () => check() && off());
  });
}

const conversation = (messenger: Messenger, id: string): Conversation => messenger.state.conversations[id] as Conversation;

describe('a switchboard that goes quiet', () => {
  it('after CAL: the invitation fails after the request timeout, saying the switchboard did not answer, and the message fails', async () => {
    const { messenger, errors } = await signedIn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const id = messenger.openConversation(BOB);
    const sent = messenger.sendMessage(id, 'hello?');
    const peer = await admitted();
    await peer.expect(`CAL 2 ${BOB}`);
    const result = settled(messenger, id, sent);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await result).toMatchObject({ delivery: 'failed', failedFor: [BOB] });
    expect(lines(conversation(messenger, id))).toEqual([`${BOB} could not be invited: the switchboard did not answer.`]);
    expect(errors.map(errorText)).toEqual([
      `${BOB} could not be invited: the switchboard did not answer.`,
      `The following message could not be delivered to ${BOB}: "hello?"`,
    ]);
    expect(conversation(messenger, id).connected).toBe(false);
  });

  it('after RINGING: nobody joins, so after a minute the conversation says so and the message fails', async () => {
    const { messenger, errors, logged } = await signedIn({ keepAlive: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const id = messenger.openConversation(BOB);
    const sent = messenger.sendMessage(id, 'anyone?');
    const peer = await admitted();
    await peer.expect(`CAL 2 ${BOB}`);
    // A command the client does not know, after RINGING: once it is logged, RINGING has been read.
    const read = logged(/^SB: ignored unknown command QRY$/);
    peer.send('CAL 2 RINGING 11752317', 'QRY 2');
    await read;
    const result = settled(messenger, id, sent);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await result).toMatchObject({ delivery: 'failed' });
    expect(lines(conversation(messenger, id))).toEqual([`${BOB} did not join the conversation.`]);
    expect(errors.map(errorText)).toContain(`The following message could not be delivered to ${BOB}: "anyone?"`);
    await peer.expectOut();
  });
});

describe('a switchboard that drops the connection', () => {
  /** Each step: what the switchboard does before it drops, the conversation's lines, and whom the failure names. */
  const beforeDelivery: Array<[string, (peer: ScriptedPeer) => Promise<void>, string[], string]> = [
    ['before answering USR', async () => undefined, ['Could not start the conversation. The server closed the connection.'], BOB],
    [
      'before answering CAL',
      async (peer) => {
        peer.send(`USR 1 OK ${HANDLE} Example%20User`);
        await peer.expect(`CAL 2 ${BOB}`);
      },
      [],
      BOB,
    ],
    [
      'after RINGING, before JOI',
      async (peer) => {
        peer.send(`USR 1 OK ${HANDLE} Example%20User`);
        await peer.expect(`CAL 2 ${BOB}`);
        peer.send('CAL 2 RINGING 11752317');
      },
      [],
      BOB,
    ],
    [
      'after JOI, before the ACK',
      async (peer) => {
        peer.send(`USR 1 OK ${HANDLE} Example%20User`);
        await peer.expect(`CAL 2 ${BOB}`);
        peer.send('CAL 2 RINGING 11752317', `JOI ${BOB} Bob`);
        await peer.expectMessage('A');
      },
      [],
      'Bob',
    ],
  ];

  it.each(beforeDelivery)('%s: the message fails with an error saying it was not delivered', async (_step, play, expectedLines, named) => {
    const { messenger, errors } = await signedIn();
    const id = messenger.openConversation(BOB);
    const sent = messenger.sendMessage(id, 'are you there?');
    const peer = await (switchboard as ScriptedSwitchboard).accept();
    await peer.expect(`USR 1 ${HANDLE} cookie.1`);
    await play(peer);
    await peer.drop();
    expect(await settled(messenger, id, sent)).toMatchObject({ delivery: 'failed' });
    expect(lines(conversation(messenger, id))).toEqual(expectedLines);
    expect(errors.map(errorText)).toContain(`The following message could not be delivered to ${named}: "are you there?"`);
    expect(conversation(messenger, id).connected).toBe(false);
  });

  it('after the ACK: the message stays delivered, and the next one opens a new switchboard', async () => {
    const { messenger, errors } = await signedIn({ switchboards: 2 });
    const id = messenger.openConversation(BOB);
    const first = messenger.sendMessage(id, 'one');
    const peer = await admitted();
    await peer.expect(`CAL 2 ${BOB}`);
    peer.send('CAL 2 RINGING 11752317', `JOI ${BOB} Bob`);
    const { trid } = await peer.expectMessage('A');
    peer.send(`ACK ${trid}`);
    expect(await settled(messenger, id, first)).toMatchObject({ delivery: 'delivered' });
    const disconnected = new Promise<void>((resolve) => {
      const off = messenger.on('state', () => !conversation(messenger, id).connected && (off(), resolve()));
    });
    await peer.drop();
    await disconnected;

    const second = messenger.sendMessage(id, 'two');
    const again = await admitted('cookie.2');
    await again.expect(`CAL 2 ${BOB}`);
    again.send('CAL 2 RINGING 11752318', `JOI ${BOB} Bob`);
    const next = await again.expectMessage('A');
    again.send(`ACK ${next.trid}`);
    expect(await settled(messenger, id, second)).toMatchObject({ delivery: 'delivered' });
    expect(errors).toEqual([]);
  });

  it('with its answer to USR: that message fails, and the next one opens a new switchboard that calls the contact', async () => {
    const { messenger } = await signedIn({ switchboards: 2 });
    const id = messenger.openConversation(BOB);
    const first = messenger.sendMessage(id, 'one');
    const peer = await (switchboard as ScriptedSwitchboard).accept();
    await peer.expect(`USR 1 ${HANDLE} cookie.1`);
    // The answer and a line too long to frame, in one read: the connection ends before the
    // conversation has taken the new switchboard.
    peer.write(`USR 1 OK ${HANDLE} Me\r\n${'X'.repeat(9000)}\r\n`);
    await peer.closed;
    expect(await settled(messenger, id, first)).toMatchObject({ delivery: 'failed' });
    const second = messenger.sendMessage(id, 'two');
    const again = await admitted('cookie.2');
    await again.expect(`CAL 2 ${BOB}`);
    again.send('CAL 2 RINGING 11752318', `JOI ${BOB} Bob`);
    const { trid } = await again.expectMessage('A');
    again.send(`ACK ${trid}`);
    expect(await settled(messenger, id, second)).toMatchObject({ delivery: 'delivered' });
  });
});
