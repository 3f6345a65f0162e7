// The floor beside the sign-in figures: a raw-socket script doing the client's exchange against the
// same server, line for line (VER, INF, USR with the XFR referral, SYN, the list dump, CHG, the ILN
// burst), waiting where the client waits and reading nothing it does not need to.

import { performance } from 'node:perf_hooks';
import { type RawLine, rawAuthenticate } from './raw-peer';

/** The last line of a list dump: the RL's final LST (`LST trid RL version index total …`). */
function endsDump(line: RawLine): boolean {
  const [name, , list, , index, total] = line.tokens;
  return name === 'LST' && list === 'RL' && index === total;
}

export interface RawSignIn {
  readonly ms: number;
  /** Until signed in on the notification server (VER, INF, USR, the XFR referral, again). */
  readonly authenticatedMs: number;
  /** Until the answer to CHG: the lists synchronised (SYN, the dump) and the status set. */
  readonly onlineMs: number;
  /** The list version the server reported, for a sign-in with the cache current. */
  readonly listVersion: number;
}

/** Signs in with SYN `listVersion` and waits until `online` contacts have been announced by ILN. */
export async function rawSignIn(dispatchPort: number, handle: string, password: string, listVersion: number, online: number): Promise<RawSignIn> {
  const started = performance.now();
  const { peer, trid } = await rawAuthenticate(dispatchPort, handle, password);
  const authenticatedMs = performance.now() - started;
  peer.send(`SYN ${trid} ${listVersion}`);
  const syn = await peer.reply('SYN');
  const serverVersion = Number(syn.tokens[2]);
  if (serverVersion !== listVersion) await peer.next(endsDump);
  let announced = 0;
  let onlineMs = Number.NaN;
  const allOnline = new Promise<void>((resolve) => {
    peer.onLine = (line) => {
      if (line.tokens[0] === 'CHG' && Number.isNaN(onlineMs)) onlineMs = performance.now() - started;
      if (line.tokens[0] === 'ILN' && ++announced === online) resolve();
    };
  });
  peer.send(`CHG ${trid + 1} NLN`);
  await allOnline;
  const ms = performance.now() - started;
  peer.send('OUT');
  await peer.reply('OUT');
  peer.close();
  return { ms, authenticatedMs, onlineMs, listVersion: serverVersion };
}
