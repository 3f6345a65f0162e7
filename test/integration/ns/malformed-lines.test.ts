// Every command the session handles, fed lines with missing and garbage tokens by a scripted
// server: the session logs and reports them and stays online. The cases come from the session's own
// dispatch table, so a new handler is covered without touching this file.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAYLOAD_COMMANDS, serializeCommand } from '../../../protocol/index';
import { ListCache } from '../../../main/ns/list-cache';
import { NotificationSession } from '../../../main/ns/session';
import { ScriptedServer, type ScriptStep } from '../../support/scripted-server';
import { HANDLE, PASSWORD, SIGN_OUT, authentication, emptySyncAndOnline } from './scripts';

/** Commands that end the session whatever their tokens say (a server's OUT is always obeyed). */
const SESSION_ENDING = new Set(['OUT']);

const GARBAGE_TOKENS = [
  [],
  ['0'],
  ['0', '?', '?', '?', '?', '?'],
  ['11752317', '198.51.100.21:99999', 'CKI', '849102291.520491113', 'anotheruser@hotmail.com', 'Another%20User'],
  ['x', '[::1', ':0', '%E2%28', '%ZZ'],
];

/** Lines of `name` with missing and garbage tokens; a payload command gets a garbage payload of the right length. */
const garbage = (name: string): ScriptStep[] =>
  GARBAGE_TOKENS.map((params) =>
    PAYLOAD_COMMANDS.has(name)
      ? { raw: serializeCommand({ name, params, payload: new TextEncoder().encode('Content-Type: \r\n\r\n%%%\0') }) }
      : `S: ${[name, ...params].join(' ')}`,
  );

let dataDir: string;
let server: ScriptedServer | undefined;
let session: NotificationSession | undefined;
/** The session's list cache: its save, made a moment after the sign-in, ends before the folder is removed. */
let listCache: ListCache | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'msn-malformed-'));
});
afterEach(async () => {
  await session?.signOut();
  await server?.close();
  await listCache?.flush();
  await rm(dataDir, { recursive: true, force: true });
  server = session = listCache = undefined;
});

function sessionOn(address: string, log?: string[]): NotificationSession {
  session = new NotificationSession({
    server: address,
    handle: HANDLE,
    password: PASSWORD,
    listCache: (listCache = new ListCache(join(dataDir, 'lists'))),
    ...(log && { log: (line: string) => void log.push(line) }),
  });
  return session;
}

/** Signs in, lets the server send `lines`, then changes status: the CHG answer comes after every line. */
const script = (lines: readonly ScriptStep[]): ScriptStep[] => [
  ...authentication('MSNP3', 1),
  ...emptySyncAndOnline(5),
  ...lines,
  'C: CHG 7 AWY',
  'S: CHG 7 AWY',
  ...SIGN_OUT,
];

const handled = new NotificationSession({ server: '127.0.0.1:1', handle: HANDLE, password: PASSWORD, listCache: new ListCache(tmpdir()) })
  .handledCommands;

describe('malformed lines on a live notification session', () => {
  it('dispatches at least the commands of the reference', () => {
    expect(handled).toEqual(expect.arrayContaining(['ILN', 'NLN', 'FLN', 'CHG', 'ADD', 'REM', 'REA', 'MSG', 'RNG', 'OUT', 'XFR']));
  });

  it.each(handled.filter((name) => !SESSION_ENDING.has(name)))('survives %s lines with missing or garbage tokens', async (name) => {
    server = await ScriptedServer.start([script(garbage(name))]);
    const live = sessionOn(server.address);
    await live.start({ status: 'NLN' });
    await live.setStatus('AWY');
    expect(live.isOnline).toBe(true);
    expect(live.status).toBe('AWY');
    expect(server.failures).toEqual([]);
  });

  it.each([...SESSION_ENDING])('ends the session cleanly on %s whatever its tokens', async (name) => {
    server = await ScriptedServer.start([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...garbage(name), 'HANG']]);
    const live = sessionOn(server.address);
    const closed = live.next('closed');
    await live.start({ status: 'NLN' });
    expect((await closed).reason).toBe('error');
    expect(live.isOnline).toBe(false);
  });

  it('reports an RNG whose switchboard address is not one and rings nobody', async () => {
    const log: string[] = [];
    server = await ScriptedServer.start([
      script(['S: RNG 11752317 198.51.100.21:99999 CKI 849102291.520491113 anotheruser@hotmail.com Another%20User']),
    ]);
    const live = sessionOn(server.address, log);
    const reports: string[] = [];
    const rings: unknown[] = [];
    live.on('malformed', ({ command, reason }) => reports.push(`${command.name}: ${reason}`));
    live.on('ring', (ring) => rings.push(ring));
    await live.start({ status: 'NLN' });
    await live.setStatus('AWY');
    expect(reports).toEqual(['RNG: not a switchboard address']);
    expect(rings).toEqual([]);
    expect(log).toContain('ignored a malformed RNG from the server (not a switchboard address)');
  });

  it.each([
    ['ILN', 'ILN 0 NLN'],
    ['NLN', 'NLN NLN'],
    ['FLN', 'FLN'],
    ['CHG', 'CHG 0 SLEEPING'],
    ['ADD', 'ADD 0 XL 3 bob@example.com Bob'],
    ['REM', 'REM 0 RL 3'],
    ['REA', 'REA 0 3 bob@example.com'],
    ['XFR', 'XFR 0 NS 198.51.100.1:0'],
    ['ADD', 'ADD 0 RL 3 __proto__ Mallory'],
    ['REM', 'REM 0 FL 3 constructor'],
    ['NLN', 'NLN NLN __proto__ Mallory'],
  ])('reports a %s it cannot use as malformed', async (name, line) => {
    server = await ScriptedServer.start([script([`S: ${line}`])]);
    const live = sessionOn(server.address);
    const reports: string[] = [];
    live.on('malformed', ({ command }) => reports.push(command.name));
    await live.start({ status: 'NLN' });
    await live.setStatus('AWY');
    expect(reports).toEqual([name]);
  });

  it('leaves out a listed entry whose handle is not an address, and still finishes the sync', async () => {
    server = await ScriptedServer.start([
      [
        ...authentication('MSNP3', 1),
        'C: SYN 5 0',
        'S: SYN 5 2',
        'S: GTC 5 2 A',
        'S: BLP 5 2 AL',
        'S: LST 5 FL 2 1 2 __proto__ Mallory',
        'S: LST 5 FL 2 2 2 bob@example.com Bob',
        'S: LST 5 AL 2 0 0',
        'S: LST 5 BL 2 0 0',
        'S: LST 5 RL 2 0 0',
        'C: CHG 6 NLN',
        'S: CHG 6 NLN',
        ...SIGN_OUT,
      ],
    ]);
    const live = sessionOn(server.address);
    await live.start({ status: 'NLN' });
    expect([...live.lists.entries.keys()]).toEqual(['bob@example.com']);
  });

  it('reports a listener that fails on a line, and the session goes on', async () => {
    const log: string[] = [];
    server = await ScriptedServer.start([script(['S: NLN BSY bob@example.com Bob', 'S: NLN AWY bob@example.com Bob'])]);
    const live = sessionOn(server.address, log);
    const seen: string[] = [];
    live.on('presence', ({ status }) => {
      seen.push(status);
      throw new Error('a listener bug');
    });
    await live.start({ status: 'NLN' });
    await live.setStatus('AWY');
    expect(seen).toEqual(['BSY', 'AWY']);
    expect(log).toContain('ignored a malformed NLN from the server (handling it failed: a listener bug)');
    expect(live.isOnline).toBe(true);
  });
});
