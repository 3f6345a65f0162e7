// The list cache is per server and handle: a list version means nothing on another server.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { ListCache } from '../../../main/ns/list-cache';
import { EMPTY_LISTS, withEntryOnList } from '../../../main/ns/lists';
import { nextEvent, useScriptedHarness } from './harness';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, emptySyncAndOnline } from './scripts';
import { contactIn } from '../../../shared/contacts';

const scripted = useScriptedHarness('msn-list-cache-');
const cache = (): ListCache => new ListCache(join(scripted.dataDir, 'lists'));
const ALICE = withEntryOnList(EMPTY_LISTS, 'FL', 'alice@hotmail.com', 'Alice', 5);
/** The lists as versions 1 and 2 of the file held them: the entries as an object keyed by handle. */
const ALICE_AS_OBJECT = { ...ALICE, entries: Object.fromEntries(ALICE.entries) };

it('keeps one cache per server for the same handle', async () => {
  await cache().save({ server: 'one.example:1863', handle: HANDLE }, ALICE);
  await cache().save({ server: 'two.example:1863', handle: HANDLE.toUpperCase() }, EMPTY_LISTS);
  expect(await cache().load({ server: 'ONE.example:1863', handle: HANDLE })).toEqual(ALICE);
  expect(await cache().load({ server: 'two.example:1863', handle: HANDLE })).toEqual(EMPTY_LISTS);
  expect(await cache().load({ server: 'three.example:1863', handle: HANDLE })).toBeUndefined();
});

it('names each account its own file when one cache is asked about several in turn', async () => {
  const one = cache();
  const first = { server: 'one.example:1863', handle: HANDLE };
  const otherServer = { server: 'two.example:1863', handle: HANDLE };
  const otherHandle = { server: 'one.example:1863', handle: 'bob@hotmail.com' };
  expect(new Set([first, otherServer, otherHandle].map((account) => one.fileOf(account))).size).toBe(3);
  // Asked again, in another order, each account still gets the file a new cache names for it.
  for (const account of [otherHandle, first, first, otherServer, otherHandle]) expect(one.fileOf(account)).toBe(cache().fileOf(account));
  await one.save(first, ALICE);
  expect(await one.load(otherServer)).toBeUndefined();
  expect(await one.load(first)).toEqual(ALICE);
});

it("never takes another server's cache as current: the sync starts from nothing", async () => {
  const server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...SIGN_OUT]]);
  await cache().save({ server: '127.0.0.1:1', handle: HANDLE }, ALICE);
  const messenger = scripted.messenger();
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(server.failures).toEqual([]);
  expect(messenger.state.contacts).toEqual([]);
  await messenger.signOut();
  expect((await cache().load({ server: server.address, handle: HANDLE }))?.version).toBe(1);
  expect(await cache().load({ server: '127.0.0.1:1', handle: HANDLE })).toEqual(ALICE);
});

it('sets a damaged cache aside, syncs the lists whole and tells whoever listens', async () => {
  const server = await scripted.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...SIGN_OUT]]);
  const account = { server: server.address, handle: HANDLE };
  await mkdir(join(scripted.dataDir, 'lists'), { recursive: true });
  await writeFile(cache().fileOf(account), '{"schemaVersion":2,"lists":{"version":"five"}}');
  const messenger = scripted.messenger();
  const recovered = nextEvent(messenger, 'fileRecovered');
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(server.failures).toEqual([]);
  const { backup } = await recovered;
  expect(backup).toMatch(/^.*lists-.+\.bak$/);
  expect(await readFile(backup as string, 'utf8')).toBe('{"schemaVersion":2,"lists":{"version":"five"}}');
  await messenger.signOut();
  expect((await cache().load(account))?.version).toBe(1);
});

it('reads the cache while the sign-in waits for the server, not once it is signed in', async () => {
  // The server never answers VER: the sign-in gets no further than its first request.
  const server = await scripted.serve([['C: VER 1 MSNP3 MSNP2 CVR0', 'HANG']]);
  await mkdir(join(scripted.dataDir, 'lists'), { recursive: true });
  await writeFile(cache().fileOf({ server: server.address, handle: HANDLE }), 'not JSON');
  const messenger = scripted.messenger();
  const recovered = nextEvent(messenger, 'fileRecovered');
  const signIn = messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD }).catch(() => undefined);
  expect(await recovered).toMatchObject({ file: 'contact-list' });
  await messenger.signOut();
  await signIn;
});

it('reads a cache of version 1 (the lists alone, before schema versions) and offers its list version', async () => {
  const server = await scripted.serve([[...authentication('MSNP3', 1), 'C: SYN 5 5', 'S: SYN 5 5', 'C: CHG 6 NLN', 'S: CHG 6 NLN', ...SIGN_OUT]]);
  const account = { server: server.address, handle: HANDLE };
  await mkdir(join(scripted.dataDir, 'lists'), { recursive: true });
  await writeFile(cache().fileOf(account), JSON.stringify({ ...ALICE_AS_OBJECT, version: 5 }));
  const messenger = scripted.messenger();
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(server.failures).toEqual([]);
  expect(contactIn(messenger.state.contacts, 'alice@hotmail.com')).toMatchObject({ friendlyName: 'Alice' });
  await messenger.signOut();
  // Nothing changed, so nothing was written; and nothing was set aside.
  expect(await readdir(join(scripted.dataDir, 'lists'))).toEqual([basename(cache().fileOf(account))]);
});

it('reads a cache of version 2 (an object per entry) and writes rows from then on', async () => {
  const account = { server: 'one.example:1863', handle: HANDLE };
  await mkdir(join(scripted.dataDir, 'lists'), { recursive: true });
  await writeFile(cache().fileOf(account), JSON.stringify({ schemaVersion: 2, lists: ALICE_AS_OBJECT }));
  expect(await cache().load(account)).toEqual(ALICE);
  await cache().save(account, ALICE);
  expect(JSON.parse(await readFile(cache().fileOf(account), 'utf8'))).toEqual({
    schemaVersion: 3,
    version: 5,
    addedAlert: 'A',
    privacy: 'AL',
    entries: [['alice@hotmail.com', 'Alice', null, null, null]],
  });
});

it('sets aside a cache whose row holds a name that is not text', async () => {
  const account = { server: 'one.example:1863', handle: HANDLE };
  await mkdir(join(scripted.dataDir, 'lists'), { recursive: true });
  await writeFile(cache().fileOf(account), '{"schemaVersion":3,"version":5,"addedAlert":"A","privacy":"AL","entries":[["alice@hotmail.com","Alice",7,null,null]]}');
  const damaged: string[] = [];
  expect(await new ListCache(join(scripted.dataDir, 'lists'), ({ problem }) => damaged.push(problem)).load(account)).toBeUndefined();
  expect(damaged).toEqual(['not a contact list']);
});

it('writes the newest of the saves that come close together once, and at once when flushed', async () => {
  const account = { server: 'one.example:1863', handle: HANDLE };
  const lists = new ListCache(join(scripted.dataDir, 'lists'));
  const BOB = withEntryOnList(ALICE, 'FL', 'bob@hotmail.com', 'Bob', 6);
  const first = lists.save(account, ALICE);
  const second = lists.save(account, BOB);
  expect(second).toBe(first);
  // Read back at once from the cache that saved it, and from the file once flushed.
  expect(await lists.load(account)).toBe(BOB);
  await lists.flush();
  expect(await cache().load(account)).toEqual(BOB);
  await first;
});
