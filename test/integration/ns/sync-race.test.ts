// List changes that arrive between USR OK and the SYN result (the project's own server sends
// `ADD 0 RL` to a session that has not synchronised yet) wait for the sync, so the cached lists are
// neither lost nor overwritten by a list built from nothing.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messenger } from '../../../main/client/messenger';
import { ListCache } from '../../../main/ns/list-cache';
import { type ContactLists, EMPTY_LISTS, withEntryOnList } from '../../../main/ns/lists';
import type { ScriptedServer, ScriptStep } from '../../support/scripted-server';
import { useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication } from './scripts';
import { contactIn, contactKey } from '../../../shared/contacts';

const scripted = useScriptedHarness('msn-sync-race-');
const cache = (): ListCache => new ListCache(join(scripted.dataDir, 'lists'));

/** The lists as cached at version 19: Alice on FL and AL. */
const CACHED: ContactLists = withEntryOnList(withEntryOnList(EMPTY_LISTS, 'FL', 'alice@hotmail.com', 'Alice', 19), 'AL', 'alice@hotmail.com', 'Alice', 19);

/** USR OK and, in the same TCP write, someone adding me (version 20) before I sent SYN. */
const ADDED_BEFORE_SYN: ScriptStep[] = [
  ...authentication('MSNP3', 1).slice(0, -1),
  { raw: Buffer.from(`USR 4 OK ${HANDLE} Example%20User\r\nADD 0 RL 20 stranger@hotmail.com Some%20Stranger\r\n`) },
];

async function signIn(script: ScriptStep[]): Promise<{ server: ScriptedServer; signedIn: Messenger }> {
  const server = await scripted.serve([script]);
  await cache().save({ server: server.address, handle: HANDLE }, CACHED);
  const signedIn = scripted.messenger();
  await signedIn.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  return { server, signedIn };
}

describe('a list change that arrives before the SYN result', () => {
  it('is applied on top of the cached lists when the server says the cache is current', async () => {
    const { server, signedIn } = await signIn([...ADDED_BEFORE_SYN, 'C: SYN 5 19', 'S: SYN 5 19', 'C: CHG 6 NLN', 'S: CHG 6 NLN', ...SIGN_OUT]);
    expect(server?.failures).toEqual([]);
    expect(signedIn.state.contacts.map((contact) => contactKey(contact.handle)).sort()).toEqual(['alice@hotmail.com', 'stranger@hotmail.com']);
    await signedIn.signOut();
    const saved = await cache().load({ server: server.address, handle: HANDLE });
    expect(saved?.version).toBe(20);
    expect([...(saved?.entries.keys() ?? [])].sort()).toEqual(['alice@hotmail.com', 'stranger@hotmail.com']);
  });

  it('is applied after a full dump, never to an empty list saved over the cache', async () => {
    const { server, signedIn } = await signIn([
      ...ADDED_BEFORE_SYN,
      'C: SYN 5 19',
      'S: SYN 5 20',
      'S: GTC 5 20 A',
      'S: BLP 5 20 AL',
      'S: LST 5 FL 20 1 1 alice@hotmail.com Alice',
      'S: LST 5 AL 20 1 1 alice@hotmail.com Alice',
      'S: LST 5 BL 20 0 0',
      'S: LST 5 RL 20 1 1 stranger@hotmail.com Some%20Stranger',
      'C: CHG 6 NLN',
      'S: CHG 6 NLN',
      ...SIGN_OUT,
    ]);
    expect(server?.failures).toEqual([]);
    expect(contactIn(signedIn.state.contacts, 'alice@hotmail.com')?.lists).toEqual(['FL', 'AL']);
    expect(contactIn(signedIn.state.contacts, 'stranger@hotmail.com')?.lists).toEqual(['RL']);
    expect(signedIn.state.addedBy).toEqual([{ handle: 'stranger@hotmail.com', friendlyName: 'Some Stranger' }]);
  });
});
