// The Local demo's timeline, as the demo user's client sees it: the real server and the real
// Messenger over loopback, with the timeline on a fake clock that the test moves, so every step is
// played at a known moment and nothing waits for real time.

import { createClock } from '@sinonjs/fake-timers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import type { Conversation, MessengerState } from '../../../shared/model';
import { DEMO_ACCOUNTS, DEMO_SIGN_IN, type DemoSchedule, type MsnServer } from '../../../server/index';
import { TYPING_MS, LINE_PAUSE_MS } from '../../../server/demo-contact';
import { goOnline, useServerTest } from './fixtures';
import { contactIn } from '../../../shared/contacts';

const { clients, startServer } = useServerTest();

let clock: ReturnType<typeof createClock>;
let schedule: DemoSchedule;
let server: MsnServer;
let dataDir: string;
const messengers: Messenger[] = [];
const log: string[] = [];

beforeEach(async () => {
  clock = createClock(0);
  schedule = {
    after: (delayMs, action) => {
      const id = clock.setTimeout(action, delayMs);
      return () => clock.clearTimeout(id);
    },
  };
  log.length = 0;
  server = await startServer({ demoActivity: { schedule }, log: (line) => log.push(line) });
  dataDir = await mkdtemp(join(tmpdir(), 'msn-demo-activity-'));
});

afterEach(async () => {
  await Promise.all(messengers.splice(0).map((messenger) => messenger.signOut()));
  await rm(dataDir, { recursive: true, force: true });
});

async function signInAsDemoUser(): Promise<Messenger> {
  const messenger = new Messenger({ dataDir, openExternal: () => undefined });
  messengers.push(messenger);
  await messenger.signIn({ server: `${server.host}:${server.dispatchPort}`, ...DEMO_SIGN_IN });
  return messenger;
}

/**
 * Moves the demo's clock to `atMs`, then waits until the client shows what `expectation` checks,
 * running meanwhile whatever the demo schedules for that very moment (a line said on a JOI).
 */
async function at(atMs: number, expectation: () => void): Promise<void> {
  clock.tick(atMs - clock.now);
  await vi.waitFor(() => {
    clock.tick(0);
    expectation();
  });
}

function contact(messenger: Messenger, handle: string): { status: string; friendlyName: string } | undefined {
  return contactIn(messenger.state.contacts, handle);
}

function conversationWith(state: MessengerState, ...handles: string[]): Conversation | undefined {
  return Object.values(state.conversations).find(
    (conversation) =>
      conversation.participants.length === handles.length &&
      handles.every((handle) => conversation.participants.some((participant) => participant.handle === handle && participant.present !== false)),
  );
}

/** What was said in a conversation, as `from: text`, in order. */
function said(conversation: Conversation | undefined): string[] {
  return (conversation?.entries ?? []).flatMap((entry) => (entry.type === 'message' ? [`${entry.from}: ${entry.text}`] : []));
}

describe('the Local demo timeline', () => {
  it('waits for the demo user: nothing happens before the first sign-in', async () => {
    clock.tick(10 * 60_000);
    expect(server.onlineHandles()).toEqual(['buddy@demo.msn']);
    const messenger = await signInAsDemoUser();
    await at(clock.now + 4000, () => expect(contact(messenger, 'alice@demo.msn')?.status).toBe('NLN'));
  });

  it('brings contacts online, changes their status and name, says hello, sends mail and starts a group conversation', async () => {
    const messenger = await signInAsDemoUser();
    expect(contact(messenger, 'alice@demo.msn')?.status).toBe('FLN');
    const unreadAtSignIn = messenger.state.mail.inboxUnread;

    await at(4000, () => expect(contact(messenger, 'alice@demo.msn')).toMatchObject({ status: 'NLN', friendlyName: 'Alice' }));
    await at(9000, () => expect(contact(messenger, 'bob@demo.msn')).toMatchObject({ status: 'BSY', friendlyName: 'Bob (working)' }));

    // Alice rings; once the client is in, she types, then says hello.
    await at(15_000, () => expect(conversationWith(messenger.state, 'alice@demo.msn')?.typing).toEqual(['alice@demo.msn']));
    await at(15_000 + TYPING_MS, () =>
      expect(said(conversationWith(messenger.state, 'alice@demo.msn'))).toEqual([
        'alice@demo.msn: Hi! Welcome to MSN Messenger :) Double-click anyone who is online to talk to them.',
      ]),
    );

    await at(25_000, () =>
      expect(messenger.state.mail).toMatchObject({
        inboxUnread: unreadAtSignIn + 1,
        lastNew: { from: 'Carol', fromAddress: 'carol@demo.msn', subject: 'Photos from Saturday' },
      }),
    );
    await at(32_000, () => expect(contact(messenger, 'carol@demo.msn')?.status).toBe('NLN'));

    // Carol calls Alice and the demo user: three people in one conversation, then two lines.
    await at(42_000, () => expect(conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn')).toBeDefined());
    const groupLines = [
      'carol@demo.msn: Alice and I are planning a picnic for Saturday. Are you in?',
      "alice@demo.msn: Say yes! I'm bringing cake.",
    ];
    await at(42_000 + TYPING_MS, () => expect(said(conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn'))).toEqual(groupLines.slice(0, 1)));
    await at(42_000 + 2 * TYPING_MS + LINE_PAUSE_MS, () =>
      expect(said(conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn'))).toEqual(groupLines),
    );

    // The first answer gets a reply from Carol; the second none.
    const group = conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn') as Conversation;
    messenger.sendMessage(group.id, 'Count me in!');
    await at(clock.now, () => expect(conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn')?.typing).toEqual(['carol@demo.msn']));
    const replied = clock.now + TYPING_MS;
    await at(replied, () =>
      expect(said(conversationWith(messenger.state, 'carol@demo.msn', 'alice@demo.msn')).slice(-2)).toEqual([
        'you@demo.msn: Count me in!',
        'carol@demo.msn: Great, see you there! Noon at the park.',
      ]),
    );

    await at(60_000, () => expect(contact(messenger, 'bob@demo.msn')).toMatchObject({ status: 'LUN', friendlyName: 'Bob (lunch)' }));
    await at(80_000, () => expect(contact(messenger, 'alice@demo.msn')?.status).toBe('AWY'));
    await at(110_000, () => expect(contact(messenger, 'bob@demo.msn')).toMatchObject({ status: 'NLN', friendlyName: 'Bob' }));
    await at(140_000, () => expect(contact(messenger, 'carol@demo.msn')?.status).toBe('FLN'));
    await at(180_000, () => expect(contact(messenger, 'alice@demo.msn')?.status).toBe('NLN'));
    expect(clock.countTimers()).toBe(0);
  });

  it('answers a person who starts a conversation with a demo contact once, with its busy reply', async () => {
    const messenger = await signInAsDemoUser();
    await at(4000, () => expect(contact(messenger, 'alice@demo.msn')?.status).toBe('NLN'));
    const conversationId = messenger.openConversation('alice@demo.msn');
    await at(clock.now, () => expect(conversationWith(messenger.state, 'alice@demo.msn')).toBeDefined());
    messenger.sendMessage(conversationId, 'Hi Alice');
    await at(clock.now, () => expect(messenger.state.conversations[conversationId]?.typing).toEqual(['alice@demo.msn']));
    await at(clock.now + TYPING_MS, () =>
      expect(said(messenger.state.conversations[conversationId])).toEqual([
        'you@demo.msn: Hi Alice',
        "alice@demo.msn: Can't talk right now, sorry! Messenger Buddy always has time though :)",
      ]),
    );
    messenger.sendMessage(conversationId, 'Are you there?');
    await vi.waitFor(() => expect(said(messenger.state.conversations[conversationId])).toHaveLength(3));
    clock.tick(TYPING_MS);
    expect(said(messenger.state.conversations[conversationId])).toHaveLength(3);
  });

  it("keeps a demo contact out of the way of a person signed in with its account, and skips its hello", async () => {
    const seed = DEMO_ACCOUNTS.find((account) => account.handle === 'alice@demo.msn');
    await goOnline(server, seed!, clients, 'BSY');
    const messenger = await signInAsDemoUser();
    expect(contact(messenger, 'alice@demo.msn')?.status).toBe('BSY');
    clock.tick(15_000);
    expect(log).toContain('[demo] alice@demo.msn is signed in by a person: the demo leaves the account alone');
    expect(server.onlineHandles()).toContain('alice@demo.msn');
    expect(log).toContain('[demo] alice@demo.msn does not start a conversation: alice@demo.msn is not online');
    expect(messenger.state.conversations).toEqual({});
  });

  it('skips a conversation when the demo user cannot be called (appearing offline)', async () => {
    const messenger = await signInAsDemoUser();
    await messenger.setStatus('HDN');
    clock.tick(15_000);
    expect(log).toContain('[demo] alice@demo.msn does not start a conversation: you@demo.msn cannot be called (217)');
    expect(messenger.state.conversations).toEqual({});
  });

  it('stops what is left of the timeline when the server closes', async () => {
    await signInAsDemoUser();
    expect(clock.countTimers()).toBeGreaterThan(0);
    await server.close();
    expect(clock.countTimers()).toBe(0);
  });

  it('refuses to play to a server without the demo accounts, naming who is missing', async () => {
    await expect(startServer({ accounts: DEMO_ACCOUNTS.filter((account) => account.handle !== 'bob@demo.msn'), demoActivity: true })).rejects.toThrow(
      'The demo contact bob@demo.msn has no account on this server',
    );
  });
});
