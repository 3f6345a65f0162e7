// Accounts shaped after the reference's annotated session (§13), the per-test server and raw clients,
// and helpers that sign one in.

import { afterEach } from 'vitest';
import { type AccountSeed, type MsnServer, type ServerOptions, startServer } from '../../../server/index';
import { RawClient, signInRaw } from '../../support/raw-client';

export const EXAMPLE: AccountSeed = {
  handle: 'example@hotmail.com',
  password: 'hunter2',
  friendlyName: 'Example User',
  lists: { FL: ['anotheruser@hotmail.com', 'carol@hotmail.com'], AL: ['anotheruser@hotmail.com', 'carol@hotmail.com'] },
  inboxUnread: 2,
};
export const ANOTHER: AccountSeed = {
  handle: 'anotheruser@hotmail.com',
  password: 'another',
  friendlyName: 'Another User',
  lists: { FL: ['example@hotmail.com'], AL: ['example@hotmail.com'] },
};
export const CAROL: AccountSeed = {
  handle: 'carol@hotmail.com',
  password: 'carol',
  friendlyName: 'Carol',
  lists: { FL: ['example@hotmail.com'] },
};
export const DAVE: AccountSeed = { handle: 'dave@hotmail.com', password: 'dave', friendlyName: 'Dave :)', lists: { FL: ['example@hotmail.com'] } };
export const NEWFRIEND: AccountSeed = { handle: 'newfriend@hotmail.com', password: 'newfriend', friendlyName: 'Café Friend' };
export const STRANGER: AccountSeed = { handle: 'stranger@hotmail.com', password: 'stranger', friendlyName: 'Some Stranger' };

export const SESSION_ACCOUNTS = [EXAMPLE, ANOTHER, CAROL, DAVE, NEWFRIEND, STRANGER];

/** What a test starts and opens; everything is closed after the test. */
export interface ServerTest {
  /** The project's `startServer`, for the current test. */
  startServer(options?: ServerOptions): Promise<MsnServer>;
  /** The current test's raw clients (`signIn` and `goOnline` add theirs). */
  readonly clients: RawClient[];
  /** Connects a raw client to `port` on loopback. */
  connect(port: number): Promise<RawClient>;
}

/** Registers, for every test of the file, the cleanup: the raw clients are closed, then the server. */
export function useServerTest(): ServerTest {
  const clients: RawClient[] = [];
  let server: MsnServer | undefined;
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server?.close();
    server = undefined;
  });
  return {
    clients,
    async startServer(options) {
      server = await startServer(options);
      return server;
    },
    async connect(port) {
      const client = await RawClient.connect(port);
      clients.push(client);
      return client;
    },
  };
}

/** A signed-in raw client; `trid()` hands out its next transaction id. */
export interface Signed {
  client: RawClient;
  trid(): number;
}

export async function signIn(server: MsnServer, seed: AccountSeed, clients: RawClient[], dialects?: string): Promise<Signed> {
  const { client, trid } = await signInRaw(server.notificationPort, seed.handle, seed.password, { dialects });
  clients.push(client);
  let next = trid;
  return { client, trid: () => next++ };
}

/** Signs in and sets a status with the first CHG; returns once the echo (and any ILN) arrived. */
export async function goOnline(server: MsnServer, seed: AccountSeed, clients: RawClient[], status = 'NLN'): Promise<Signed> {
  const signed = await signIn(server, seed, clients);
  const trid = signed.trid();
  signed.client.send(`CHG ${trid} ${status}`);
  await signed.client.expect(`CHG ${trid} ${status}`);
  return signed;
}

/** Sends PNG and returns every line that arrived before the QNG: "nothing else was sent" as an assertion. */
export async function linesBeforePong(signed: Signed): Promise<string[]> {
  signed.client.send('PNG');
  const lines: string[] = [];
  for (let command = await signed.client.next(); command.name !== 'QNG'; command = await signed.client.next()) {
    lines.push([command.name, ...command.params].join(' '));
  }
  return lines;
}
