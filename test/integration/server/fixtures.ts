// Accounts shaped after the reference's annotated session (§13), and a helper that signs one in.

import type { AccountSeed, MsnServer } from '../../../server/index';
import { type RawClient, signInRaw } from '../../support/raw-client';

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
