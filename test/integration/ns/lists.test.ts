import { afterEach, describe, expect, it } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import type { Messenger } from '../../../main/client/messenger';
import { SETTABLE_STATUSES } from '../../../shared/model';
import { type Harness, PASSWORD, nextEvent, startHarness, untilState } from './harness';
import { contactIn, contactKey } from '../../../shared/contacts';

const me = { handle: 'me@example.org', password: PASSWORD, friendlyName: 'Me' };
const alice = { handle: 'alice@example.com', password: 'alice', friendlyName: 'Alice' };
const dave = { handle: 'dave@example.com', password: 'dave', friendlyName: 'Dave :)' };

const failure = (promise: Promise<unknown>): Promise<MessengerError> => promise.then(() => Promise.reject(new Error('expected a failure')), (error: MessengerError) => error);

describe.each(['MSNP3', 'MSNP2'] as const)('lists, presence and privacy with %s', (dialect) => {
  let harness: Harness;
  afterEach(async () => {
    await harness.cleanup();
    harness = undefined as unknown as Harness;
  });

  async function signedIn(seeds = [me, alice, dave], handle = me.handle, password = PASSWORD): Promise<Messenger> {
    harness ??= await startHarness({ dialects: [dialect], accounts: seeds });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle, password });
    return messenger;
  }

  it('sets every status and sees each one from a watcher', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [{ ...me, lists: { AL: [alice.handle] } }, { ...alice, lists: { FL: [me.handle], AL: [me.handle] } }],
    });
    const messenger = await signedIn();
    const watcher = await signedIn(undefined, alice.handle, alice.password);
    for (const status of SETTABLE_STATUSES.filter((code) => code !== 'NLN')) {
      await messenger.setStatus(status);
      expect(messenger.state.session.status).toBe(status);
      const seen = status === 'HDN' ? 'FLN' : status;
      await untilState(watcher, (state) => contactIn(state.contacts, me.handle)?.status === seen);
    }
    await messenger.setStatus('NLN');
    await untilState(watcher, (state) => contactIn(state.contacts, me.handle)?.status === 'NLN');
  });

  it('adds and removes contacts, with the real errors', async () => {
    const messenger = await signedIn();
    await messenger.addContact('FL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL']);
    await messenger.addContact('AL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL', 'AL']);

    expect((await failure(messenger.addContact('FL', 'ghost@example.com'))).appError).toMatchObject({ reason: 'server-error', code: 205 });
    expect((await failure(messenger.addContact('FL', alice.handle))).appError).toMatchObject({ code: 215 });
    // Adding to BL is blocking, the one action every caller shares: off AL, onto BL (a bare ADD BL
    // would be refused with 219), and removing from BL puts her back on AL.
    await messenger.addContact('BL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL', 'BL']);
    await messenger.removeContact('BL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL', 'AL']);
    expect((await failure(messenger.addContact('FL', 'not-an-address'))).appError).toMatchObject({ kind: 'input' });

    await messenger.removeContact('FL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['AL']);
    await messenger.removeContact('AL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)).toBeUndefined();
  });

  it('keeps a contact\'s status only while they are on my forward list: added back while offline, they show offline', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [{ ...me, lists: { FL: [alice.handle], AL: [alice.handle] } }, { ...alice, lists: { FL: [me.handle], AL: [me.handle] } }],
    });
    const messenger = await signedIn();
    const aliceOnline = await signedIn(undefined, alice.handle, alice.password);
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.status === 'NLN');
    await messenger.removeContact('FL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)).toMatchObject({ lists: ['AL', 'RL'], status: 'FLN' });
    // She signs out: no FLN comes, as she is not on my forward list.
    await aliceOnline.signOut();
    await messenger.addContact('FL', alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)).toMatchObject({ lists: ['FL', 'AL', 'RL'], status: 'FLN' });
    await expect(messenger.setStatus('BSY')).resolves.toBeUndefined();
  });

  it('blocks and unblocks by moving between AL and BL, and a blocked contact sees me offline', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [{ ...me, lists: { FL: [alice.handle], AL: [alice.handle] } }, { ...alice, lists: { FL: [me.handle], AL: [me.handle] } }],
    });
    const messenger = await signedIn();
    const watcher = await signedIn(undefined, alice.handle, alice.password);
    await untilState(watcher, (state) => contactIn(state.contacts, me.handle)?.status === 'NLN');

    await messenger.block(alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL', 'BL', 'RL']);
    await untilState(watcher, (state) => contactIn(state.contacts, me.handle)?.status === 'FLN');

    await messenger.unblock(alice.handle);
    expect(contactIn(messenger.state.contacts, alice.handle)?.lists).toEqual(['FL', 'AL', 'RL']);
    await untilState(watcher, (state) => contactIn(state.contacts, me.handle)?.status === 'NLN');
  });

  it('renames me in UTF-8 up to the protocol limit', async () => {
    const messenger = await signedIn();
    await messenger.setFriendlyName('Exémple User ☕');
    expect(messenger.state.session.friendlyName).toBe('Exémple User ☕');
    expect((await failure(messenger.setFriendlyName('é'.repeat(100)))).appError).toMatchObject({ kind: 'input', reason: 'name-too-long', detail: { maxBytes: 387 } });
    expect((await failure(messenger.setFriendlyName('   '))).appError).toMatchObject({ kind: 'input' });

    const again = harness.messenger();
    await messenger.signOut();
    await again.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    expect(again.state.session.friendlyName).toBe('Exémple User ☕');
  });

  it('changes the privacy mode and the added-you alert', async () => {
    const messenger = await signedIn();
    await messenger.setPrivacyMode('BL');
    await messenger.setAddedAlert('N');
    expect(messenger.state.privacy).toEqual({ mode: 'BL', addedAlert: 'N' });
    await messenger.setPrivacyMode('BL');
    expect(messenger.state.privacy.mode).toBe('BL');
  });

  it('asks about someone who added me at sign-in, and allowing adds them to AL (and FL, under their own name)', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me, { ...dave, lists: { FL: [me.handle] } }] });
    const messenger = harness.messenger();
    const asked = nextEvent(messenger, 'addedBy');
    await messenger.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    expect(await asked).toEqual({ handle: dave.handle, friendlyName: 'Dave :)' });
    expect(messenger.state.addedBy).toEqual([{ handle: dave.handle, friendlyName: 'Dave :)' }]);

    await messenger.answerAddedBy(dave.handle, { allow: true, addToContacts: true });
    expect(contactIn(messenger.state.contacts, dave.handle)?.lists).toEqual(['FL', 'AL', 'RL']);
    expect(contactIn(messenger.state.contacts, dave.handle)?.friendlyName).toBe('Dave :)');
    expect(messenger.state.addedBy).toEqual([]);
  });

  it('asks when someone adds me while I am online, and blocking puts them on BL', async () => {
    const messenger = await signedIn();
    const other = await signedIn(undefined, dave.handle, dave.password);
    const asked = nextEvent(messenger, 'addedBy');
    await other.addContact('FL', me.handle);
    expect(await asked).toEqual({ handle: dave.handle, friendlyName: 'Dave :)' });
    await messenger.answerAddedBy(dave.handle, { allow: false, addToContacts: false });
    expect(contactIn(messenger.state.contacts, dave.handle)?.lists).toEqual(['BL', 'RL']);
    expect(messenger.state.addedBy).toEqual([]);
  });

  it('does not ask with GTC N: the newcomer is silently allowed', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [{ ...me, addedAlert: 'N' }, dave] });
    const messenger = await signedIn();
    const other = await signedIn(undefined, dave.handle, dave.password);
    let asked = false;
    messenger.on('addedBy', () => (asked = true));
    await other.addContact('FL', me.handle);
    await untilState(messenger, (state) => contactIn(state.contacts, dave.handle)?.lists.join() === 'AL,RL');
    expect(asked).toBe(false);
    expect(messenger.state.addedBy).toEqual([]);
  });

  it('keeps showing my contacts, offline, while I sign in again to the same account, and not another account\'s', async () => {
    harness = await startHarness({
      dialects: [dialect],
      accounts: [{ ...me, lists: { FL: [alice.handle, dave.handle], AL: [alice.handle] } }, { ...alice, lists: { FL: [me.handle], AL: [me.handle] } }, dave],
    });
    const messenger = await signedIn();
    await signedIn(undefined, alice.handle, alice.password);
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.status === 'NLN');
    await messenger.signOut();
    expect(contactIn(messenger.state.contacts, alice.handle)?.status).toBe('FLN');
    const seen: number[] = [];
    const off = messenger.on('state', (state) => seen.push(state.contacts.map((contact) => contactKey(contact.handle)).length));
    await messenger.signIn({ server: harness.address, handle: me.handle.toUpperCase(), password: PASSWORD });
    await untilState(messenger, (state) => contactIn(state.contacts, alice.handle)?.status === 'NLN');
    off();
    expect(new Set(seen)).toEqual(new Set([2]));
    expect(contactIn(messenger.state.contacts, dave.handle)).toMatchObject({ lists: ['FL'], status: 'FLN' });

    await messenger.signOut();
    await messenger.signIn({ server: harness.address, handle: dave.handle, password: dave.password });
    expect(messenger.state.contacts.map((contact) => contactKey(contact.handle))).toEqual([me.handle]);
  });

  it('keeps the state object when a change changes nothing', async () => {
    const messenger = await signedIn();
    await messenger.setStatus('BSY');
    const before = messenger.state;
    let emitted = 0;
    messenger.on('state', () => emitted++);
    await messenger.setStatus('BSY');
    expect(messenger.state).toBe(before);
    expect(emitted).toBe(0);
  });
});
