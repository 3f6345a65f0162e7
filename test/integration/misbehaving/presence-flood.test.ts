// A server that floods presence lines: 20,000 NLN/FLN lines toggling forty contacts, and 5,000 for
// people on none of my lists, in one burst. What the user sees: each contact with the status of its
// last line, nobody added who is not on a list, a few window updates rather than thousands, at most
// one "has just signed in" alert per contact, and a session that goes on.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MessengerApp } from '../../../main/app/app-core';
import { MemorySecretStore } from '../../../main/app/secret-store';
import { Messenger } from '../../../main/client/messenger';
import { FIRST_ACCOUNT } from '../../../shared/accounts';
import type { Notice, StatePatch } from '../../../shared/ipc';
import { ScriptedServer } from '../../support/scripted-server';
import { HANDLE, PASSWORD, SIGN_OUT, authentication } from '../ns/scripts';
import { contactIn, contactKey } from '../../../shared/contacts';

const CONTACTS = Array.from({ length: 40 }, (_, index) => `contact${index}@example.com`);
const ROUNDS = 500;

/** Round by round, every contact signs in and out; at the end even ones are Busy and odd ones offline. */
function flood(): Buffer {
  const lines: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    CONTACTS.forEach((handle, index) => {
      const last = round === ROUNDS - 1;
      lines.push(last ? (index % 2 === 0 ? `NLN BSY ${handle} Contact%20${index}` : `FLN ${handle}`) : round % 2 === 0 ? `NLN NLN ${handle} Contact%20${index}` : `FLN ${handle}`);
      if (index % 4 === 0) lines.push(`NLN NLN stranger${round}-${index}@example.com Stranger`);
    });
  }
  return Buffer.from(lines.map((line) => `${line}\r\n`).join(''));
}

let dataDir: string;
let server: ScriptedServer;
let app: MessengerApp;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'msn-misbehaving-flood-'));
});
afterEach(async () => {
  await app?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('shows the last status of each contact after a flood of presence lines, with few updates and alerts, and goes on', async () => {
  server = await ScriptedServer.start([
    [
      ...authentication('MSNP3', 1),
      'C: SYN 5 0',
      'S: SYN 5 1',
      'S: GTC 5 1 A',
      'S: BLP 5 1 AL',
      ...CONTACTS.map((handle, index) => `S: LST 5 FL 1 ${index + 1} ${CONTACTS.length} ${handle} Contact%20${index}`),
      'S: LST 5 AL 1 0 0',
      'S: LST 5 BL 1 0 0',
      'S: LST 5 RL 1 0 0',
      'C: CHG 6 NLN',
      'S: CHG 6 NLN',
      { raw: flood() },
      'C: CHG 7 AWY',
      'S: CHG 7 AWY',
      ...SIGN_OUT,
    ],
  ]);
  app = new MessengerApp({
    dataDir,
    secrets: new MemorySecretStore(),
    shell: { showConversation: vi.fn(), showContactList: vi.fn(), showConsole: vi.fn(), showHistory: vi.fn(), openExternal: vi.fn(), openLink: vi.fn() },
    demo: { address: async () => server.address },
    createMessenger: (options) => new Messenger(options),
  });
  const notices: Notice[] = [];
  const patches: StatePatch[] = [];
  app.on('notice', ({ notice }) => notices.push(notice));
  app.on('patch', ({ patch }) => patches.push(patch));
  const request = { server: server.address, handle: HANDLE, password: PASSWORD, status: 'NLN' as const, rememberPassword: false, autoSignIn: false };
  expect(await app.dispatch('signIn', [FIRST_ACCOUNT, request])).toEqual({ ok: true, value: undefined });
  const flooded = patches.length;
  // The answer to this CHG comes after the whole flood: by then every line has been handled.
  expect(await app.dispatch('setStatus', [FIRST_ACCOUNT, 'AWY'])).toEqual({ ok: true, value: undefined });
  await new Promise((resolve) => setImmediate(resolve));

  const { contacts, session } = app.snapshot().state;
  expect(session).toMatchObject({ state: 'online', status: 'AWY' });
  expect(contacts.map((contact) => contactKey(contact.handle)).sort()).toEqual([...CONTACTS].sort());
  for (const [index, handle] of CONTACTS.entries()) expect(contactIn(contacts, handle)?.status).toBe(index % 2 === 0 ? 'BSY' : 'FLN');
  expect(patches.length - flooded).toBeLessThan(200);
  const alerts = notices.filter((notice) => notice.kind === 'online');
  expect(alerts.length).toBeGreaterThan(0);
  expect(alerts.length).toBeLessThanOrEqual(CONTACTS.length);
  expect(new Set(alerts.map((alert) => (alert.kind === 'online' ? alert.handle : ''))).size).toBe(alerts.length);
  expect(server.failures).toEqual([]);
});
