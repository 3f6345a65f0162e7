// The list cache is per server and handle: a list version means nothing on another server.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import { ListCache } from '../../../main/ns/list-cache';
import { EMPTY_LISTS, withEntryOnList } from '../../../main/ns/lists';
import { ScriptedServer } from '../../support/scripted-server';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, emptySyncAndOnline } from './scripts';

let dataDir: string;
let server: ScriptedServer | undefined;
let messenger: Messenger | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'msn-list-cache-'));
});
afterEach(async () => {
  await messenger?.signOut();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
  server = messenger = undefined;
});

const cache = (): ListCache => new ListCache(join(dataDir, 'lists'));
const ALICE = withEntryOnList(EMPTY_LISTS, 'FL', 'alice@hotmail.com', 'Alice', 5);

it('keeps one cache per server for the same handle', async () => {
  await cache().save({ server: 'one.example:1863', handle: HANDLE }, ALICE);
  await cache().save({ server: 'two.example:1863', handle: HANDLE.toUpperCase() }, EMPTY_LISTS);
  expect(await cache().load({ server: 'ONE.example:1863', handle: HANDLE })).toEqual(ALICE);
  expect(await cache().load({ server: 'two.example:1863', handle: HANDLE })).toEqual(EMPTY_LISTS);
  expect(await cache().load({ server: 'three.example:1863', handle: HANDLE })).toBeUndefined();
});

it("never takes another server's cache as current: the sync starts from nothing", async () => {
  server = await ScriptedServer.start([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...SIGN_OUT]]);
  await cache().save({ server: '127.0.0.1:1', handle: HANDLE }, ALICE);
  messenger = new Messenger({ dataDir, openExternal: async () => undefined });
  await messenger.signIn({ server: server.address, handle: HANDLE, password: PASSWORD });
  expect(server.failures).toEqual([]);
  expect(messenger.state.contacts).toEqual({});
  await messenger.signOut();
  expect((await cache().load({ server: server.address, handle: HANDLE }))?.version).toBe(1);
  expect(await cache().load({ server: '127.0.0.1:1', handle: HANDLE })).toEqual(ALICE);
});
