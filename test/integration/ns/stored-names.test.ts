import { afterEach, describe, expect, it } from 'vitest';
import type { Messenger } from '../../../main/client/messenger';
import { type Harness, PASSWORD, startHarness, untilState } from './harness';
import { contactIn } from '../../../shared/contacts';

const me = { handle: 'me@example.org', password: PASSWORD, friendlyName: 'Me', lists: { FL: ['bob@example.com'], AL: ['bob@example.com'] } };
const bob = { handle: 'bob@example.com', password: 'bob', friendlyName: 'Bob', lists: { FL: ['me@example.org'], AL: ['me@example.org'] } };

/** The REA requests my client sent, as wire lines without the TrID. */
const renames = (harness: Harness): string[] =>
  harness.wire.filter((line) => line.startsWith('C: REA ')).map((line) => line.replace(/^C: REA \d+ /, ''));

describe.each(['MSNP3', 'MSNP2'] as const)('stored contact names with %s (§5.6, §13.5)', (dialect) => {
  let harness: Harness;
  afterEach(() => harness.cleanup());

  async function signIn(account: { handle: string; password: string }, log = true): Promise<Messenger> {
    const messenger = log ? harness.messenger() : harness.messenger({ log: undefined });
    await messenger.signIn({ server: harness.address, handle: account.handle, password: account.password });
    return messenger;
  }

  it('stores a contact\'s new name with REA once when NLN shows it, and shows it after they sign out', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me, bob] });
    const mine = await signIn(me);
    const bobs = await signIn(bob, false);
    await untilState(mine, (state) => contactIn(state.contacts, bob.handle)?.status === 'NLN');
    expect(renames(harness)).toEqual([]);

    await bobs.setFriendlyName('Bobby (at work)');
    await untilState(mine, (state) => contactIn(state.contacts, bob.handle)?.friendlyName === 'Bobby (at work)');
    await bobs.setStatus('BSY');
    await untilState(mine, (state) => contactIn(state.contacts, bob.handle)?.status === 'BSY');
    await bobs.signOut();
    const offline = await untilState(mine, (state) => contactIn(state.contacts, bob.handle)?.status === 'FLN');
    expect(contactIn(offline.contacts, bob.handle)?.friendlyName).toBe('Bobby (at work)');
    expect(renames(harness)).toEqual(['bob@example.com Bobby%20(at%20work)']);
    expect(harness.wire).toContainEqual(expect.stringMatching(/^S: REA \d+ \d+ bob@example.com Bobby%20\(at%20work\)$/));

    // The server kept it: a fresh sign-in (version 0, full dump) lists Bob under the new name.
    await mine.signOut();
    const fresh = harness.messenger({ dataDir: `${harness.dataDir}/fresh` });
    await fresh.signIn({ server: harness.address, handle: me.handle, password: me.password });
    expect(contactIn(fresh.state.contacts, bob.handle)?.friendlyName).toBe('Bobby (at work)');
  });

  it('sends no REA for the presence burst of my sign-in, even when a stored name is out of date', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me, bob] });
    const bobs = await signIn(bob, false);
    await bobs.setFriendlyName('Robert');
    const mine = await signIn(me);
    await untilState(mine, (state) => contactIn(state.contacts, bob.handle)?.friendlyName === 'Robert');
    await mine.setStatus('AWY');
    expect(renames(harness)).toEqual([]);
  });
});
