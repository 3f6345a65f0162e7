import { afterEach, describe, expect, it } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import type { SessionState } from '../../../shared/model';
import { type Harness, PASSWORD, startHarness, untilState } from './harness';
import { contactIn, contactKey } from '../../../shared/contacts';

const me = { handle: 'me@example.org', password: PASSWORD, friendlyName: 'Me Myself' };
const alice = { handle: 'alice@example.com', password: 'alice', friendlyName: 'Alice Ä' };
const bob = { handle: 'bob@webtv.net', password: 'bob', friendlyName: 'Bob' };

describe.each(['MSNP3', 'MSNP2'] as const)('signing in with %s', (dialect) => {
  let harness: Harness;
  afterEach(() => harness.cleanup());

  it('follows the dispatch referral, signs in on the NS and goes online with its lists', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [
        { ...me, lists: { FL: [alice.handle, bob.handle], AL: [alice.handle, bob.handle] }, inboxUnread: 3, foldersUnread: 1 },
        { ...alice, lists: { FL: [me.handle] } },
        bob,
      ],
    });
    const messenger = harness.messenger();
    const states: SessionState[] = [];
    messenger.on('state', (state) => {
      if (states.at(-1) !== state.session.state) states.push(state.session.state);
    });
    // What a listener of each event had been told of the state by then: every other event comes
    // after the state it follows from.
    let told: SessionState | undefined;
    messenger.on('state', (state) => (told = state.session.state));
    const toldAt: Record<string, SessionState | undefined> = {};
    messenger.on('signedIn', () => (toldAt.signedIn = told));
    messenger.on('signedOut', () => (toldAt.signedOut = told));
    const signedIn = new Promise((resolve) => messenger.once('signedIn', resolve));
    await messenger.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });

    expect(await signedIn).toEqual({ handle: me.handle, friendlyName: 'Me Myself', dialect });
    expect(states).toEqual(['connecting', 'authenticating', 'redirected', 'authenticating', 'syncing', 'online']);
    expect(toldAt.signedIn).toBe('online');
    const { session, contacts, privacy, mail, profile } = messenger.state;
    expect(session).toMatchObject({ state: 'online', status: 'NLN', dialect, handle: me.handle });
    expect(Object.values(contacts).map((contact) => [contact.handle, contact.lists])).toEqual(
      expect.arrayContaining([
        [alice.handle, ['FL', 'AL', 'RL']],
        [bob.handle, ['FL', 'AL']],
      ]),
    );
    expect(privacy).toEqual({ mode: 'AL', addedAlert: 'A' });
    expect(mail).toMatchObject({ inboxUnread: 3, foldersUnread: 1 });
    expect(profile?.loginTime).toBeGreaterThan(0);
    if (dialect === 'MSNP3') {
      expect(profile).toMatchObject({ emailEnabled: true, sid: '507', kv: '11', langPreference: 1033, preferredEmail: me.handle });
      expect(profile?.mspAuth).toMatch(/\$\$$/);
    } else {
      expect(profile?.mspAuth).toBeUndefined();
    }
    expect(harness.wire).toContain('C: VER 1 MSNP3 MSNP2 CVR0');
    expect(harness.wire.filter((line) => line.startsWith('C: USR')).map((line) => line.split(' ').slice(3, 5).join(' '))).toEqual([
      'MD5 I',
      'MD5 I',
      'MD5 S',
    ]);
    await messenger.signOut();
    expect(toldAt.signedOut).toBe('offline');
  });

  it('shows contacts coming online after the first CHG and their later changes', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [{ ...me, lists: { FL: [alice.handle], AL: [alice.handle] } }, { ...alice, lists: { FL: [me.handle], AL: [me.handle] } }],
    });
    const alicesMessenger = harness.messenger();
    await alicesMessenger.signIn({ server: harness.address, handle: alice.handle, password: alice.password, status: 'BSY' });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.status === 'BSY');
    expect(contactIn(messenger.state.contacts, alice.handle)?.friendlyName).toBe('Alice Ä');

    const presence = new Promise((resolve) => messenger.once('presence', resolve));
    await alicesMessenger.setStatus('LUN');
    expect(await presence).toEqual({ handle: alice.handle, status: 'LUN', friendlyName: 'Alice Ä', initial: false });

    await alicesMessenger.setFriendlyName('Alice (lunch)');
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.friendlyName === 'Alice (lunch)');

    await alicesMessenger.signOut();
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.status === 'FLN');
  });

  it('accepts handles of any domain', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [bob] });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: bob.handle, password: bob.password });
    expect(messenger.state.session.handle).toBe(bob.handle);
  });

  it('rejects a wrong password with the sentence and the field', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me] });
    const messenger = harness.messenger();
    const error = (await messenger.signIn({ server: harness.address, handle: me.handle, password: 'wrong' }).catch((e) => e)) as MessengerError;
    expect(error.appError).toEqual({ kind: 'protocol', reason: 'server-error', code: 911, field: 'password' });
    expect(messenger.state.session).toMatchObject({ state: 'offline', error: error.appError });
  });

  it('rejects an unknown account like a wrong password', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me] });
    const messenger = harness.messenger();
    const error = (await messenger.signIn({ server: harness.address, handle: 'nobody@example.org', password: 'x' }).catch((e) => e)) as MessengerError;
    expect(error.appError).toMatchObject({ code: 911, field: 'password' });
  });
});

describe('the list cache', () => {
  let harness: Harness;
  afterEach(() => harness.cleanup());

  it('makes an unchanged list cost one SYN line on the next sign-in', async () => {
    harness = await startHarness({ accounts: [{ ...me, lists: { FL: [alice.handle], AL: [alice.handle] } }, alice] });
    const first = harness.messenger();
    await first.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    await first.signOut();
    harness.wire.length = 0;

    const second = harness.messenger();
    await second.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    const synced = harness.wire.slice(harness.wire.findIndex((line) => line.startsWith('C: SYN')), harness.wire.findIndex((line) => line.startsWith('C: CHG')));
    expect(synced).toHaveLength(2);
    expect(synced[1]).toMatch(/^S: SYN \d+ \d+$/);
    expect(second.state.contacts.map((contact) => contactKey(contact.handle))).toEqual([alice.handle]);
  });
});
