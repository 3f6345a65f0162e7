// The list cache is per server and handle: a list version means nothing on another server.

import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ListCache } from '../../../main/ns/list-cache';
import { EMPTY_LISTS, withEntryOnList } from '../../../main/ns/lists';
import { useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, emptySyncAndOnline } from './scripts';

const scripted = useScriptedHarness('msn-list-cache-');
const cache = (): ListCache => new ListCache(join(scripted.dataDir, 'lists'));
const ALICE = withEntryOnList(EMPTY_LISTS, 'FL', 'alice@hotmail.com', 'Alice', 5);

it('keeps one cache per server for the same handle', async () => {
  await cache().save({ server: 'one.example:1863', handle: HANDLE }, ALICE);
  await cache().save({ server: 'two.example:1863', handle: HANDLE.toUpperCase() }, EMPTY_LISTS);
  expect(await cache().load({ server: 'ONE.example:1863', handle: HANDLE })).toEqual(ALICE);
  expect(await cache().load({ server: 'two.example:1863', handle: HANDLE })).toEqual(EMPTY_LISTS);
  expect(await cache().load({ server: 'three.example:1863', handle: HANDLE })).toBeUndefined();
});

it('reads a file written in the earlier format, or damaged, as nothing cached', async () => {
  const account = { server: 'one.example:1863', handle: HANDLE };
  await cache().save(account, ALICE);
  const file = join(scripted.dataDir, 'lists', readdirSync(join(scripted.dataDir, 'lists'))[0] as string);
  await writeFile(file, JSON.stringify(ALICE));
  expect(await cache().load(account)).toBeUndefined();
  await writeFile(file, '{"format":2,"version":5,"addedAlert":"A","privacy":"AL","entries":[["alice@hotmail.com","Alice",7,null,null]]}');
  expect(await cache().load(account)).toBeUndefined();
  await writeFile(file, '{"format":2,"version":5,"addedAlert":"A","privacy":"AL","entries":[["alice@hotmail.com","Alice",null,null,null]]}');
  expect(await cache().load(account)).toEqual(ALICE);
});

it("never takes another server's cache as current: the sync starts from nothing", async () => {
  const server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...SIGN_OUT]]);
  await cache().save({ server: '127.0.0.1:1', handle: HANDLE }, ALICE);
  const messenger = scripted.messenger();
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(server.failures).toEqual([]);
  expect(messenger.state.contacts).toEqual({});
  await messenger.signOut();
  expect((await cache().load({ server: server.address, handle: HANDLE }))?.version).toBe(1);
  expect(await cache().load({ server: '127.0.0.1:1', handle: HANDLE })).toEqual(ALICE);
});
