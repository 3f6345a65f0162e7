// The account the client-side benchmarks sign in to: 5000 contacts on FL and AL, the first 300
// signed in as raw clients with varied statuses, on the project's server in this process. Those
// online contacts can also change status and open conversations with the account, as people do.

import { type MsnServer, startServer } from '../../server/index';
import { RawClient, signInRaw } from '../../test/support/raw-client';

export const CONTACTS = 5000;
export const ONLINE = 300;
export const ME = { handle: 'me@bench.example', password: 'bench' };
export const contactHandle = (index: number): string => `contact${index}@bench.example`;
const STATUSES = ['NLN', 'BSY', 'AWY', 'IDL', 'BRB', 'PHN', 'LUN'];

/** An online contact: its notification connection and its next TrID there. */
export interface OnlineContact {
  readonly handle: string;
  readonly client: RawClient;
  trid: number;
  status: string;
}

export interface BenchWorld {
  readonly server: MsnServer;
  readonly online: readonly OnlineContact[];
  /** `host:port` of the dispatch server. */
  readonly address: string;
  close(): Promise<void>;
}

export async function startBenchWorld(): Promise<BenchWorld> {
  const all = Array.from({ length: CONTACTS }, (_, index) => contactHandle(index));
  const server = await startServer({
    listLimits: { FL: CONTACTS, AL: CONTACTS },
    accounts: [
      { ...ME, friendlyName: 'Bench Me', lists: { FL: all, AL: all } },
      ...all.slice(0, ONLINE).map((handle, index) => ({ handle, password: 'contact', friendlyName: `Contact ${index} ☕` })),
    ],
  });
  const online: OnlineContact[] = [];
  for (let index = 0; index < ONLINE; index += 25) {
    const batch = all.slice(index, Math.min(ONLINE, index + 25));
    const signedIn = await Promise.all(
      batch.map(async (handle, offset) => {
        const { client, trid } = await signInRaw(server.notificationPort, handle, 'contact');
        const status = STATUSES[(index + offset) % STATUSES.length] as string;
        client.send(`CHG ${trid} ${status}`);
        await client.expect(`CHG ${trid} ${status}`);
        return { handle, client, trid: trid + 1, status };
      }),
    );
    online.push(...signedIn);
  }
  return {
    server,
    online,
    address: `${server.host}:${server.dispatchPort}`,
    close: async () => {
      await Promise.all(online.map(({ client }) => client.close()));
      await server.close();
    },
  };
}

/** Moves the contact on to the next status (never the one it has, never offline), as a person would. */
export function changeStatus(contact: OnlineContact): void {
  contact.status = STATUSES[(STATUSES.indexOf(contact.status) + 1) % STATUSES.length] as string;
  contact.client.send(`CHG ${contact.trid++} ${contact.status}`);
}

const TEXT_HEADERS = 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nX-MMS-IM-Format: FN=Arial; EF=; CO=0; CS=0; PF=22\r\n\r\n';

/**
 * `contact` opens a switchboard with `to` and sends `count` messages of varied length (some of
 * several lines, as people write); resolves once the server has ACKed them all. The switchboard
 * stays open (closing it would end the conversation), and is returned to be closed later.
 */
export async function sendMessages(server: MsnServer, contact: OnlineContact, to: string, count: number): Promise<RawClient> {
  contact.client.send(`XFR ${contact.trid} SB`);
  const xfr = await contact.client.waitFor((command) => command.name === 'XFR' && command.params[0] === String(contact.trid), 10_000);
  contact.trid++;
  const switchboard = await RawClient.connect(Number(xfr.params[2]?.split(':')[1]), server.host);
  switchboard.send(`USR 1 ${contact.handle} ${xfr.params[4]}`);
  await switchboard.expectMatch(/^USR 1 OK /);
  switchboard.send(`CAL 2 ${to}`);
  await switchboard.waitFor('JOI', 10_000);
  for (let index = 0; index < count; index++) {
    const lines = 1 + (index % 4 === 0 ? index % 3 : 0);
    const text = Array.from({ length: lines }, (_, line) => `Message ${index}.${line}: ${'see you at eight? '.repeat(1 + ((index * 7 + line) % 9))}`).join('\r\n');
    switchboard.sendCommand('MSG', [String(3 + index), 'A'], TEXT_HEADERS + text);
  }
  await switchboard.waitFor((command) => command.name === 'ACK' && command.params[0] === String(2 + count), 60_000);
  return switchboard;
}
