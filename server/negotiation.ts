// Commands shared by the dispatch and notification servers before sign-in: VER (§4.1), CVQ (§4.2),
// CVR (§4.3) and INF (§4.4).

import type { MsnpCommand } from '../protocol/index';
import type { Dialect } from './context';
import type { Peer } from './peer';

/** What the server answers to CVQ/CVR: the last MSNP3 client is recommended, nothing is forced. */
const RECOMMENDED_VERSION = '2.0.0085';
/** The CVQ answer for a client none of whose dialects is served: a version newer than any MSNP2/3 client. */
const UPGRADE_MINIMUM_VERSION = '3.0.0286';
const DOWNLOAD_URL = 'http://download.microsoft.com/download/msnmessenger/install/3.0/win98me/en-us/setupdl.exe';
const INFO_URL = 'http://messenger.msn.com';

/**
 * Answers VER. Picks the first offered dialect that this server serves; answers `CVR0` when the
 * client offered it and nothing else fits, otherwise `VER trid 0 …` and closes (§4.1, §14.2).
 */
export function answerVersion(peer: Peer, trid: string, command: MsnpCommand, served: readonly Dialect[]): Dialect | 'CVR0' | undefined {
  const offered = command.params.slice(1).map((token) => token.toUpperCase());
  const dialect = offered.find((token): token is Dialect => served.includes(token as Dialect));
  if (dialect) {
    peer.send('VER', [trid, dialect]);
    return dialect;
  }
  if (offered.includes('CVR0')) {
    peer.send('VER', [trid, 'CVR0']);
    return 'CVR0';
  }
  peer.send('VER', [trid, '0', ...served]);
  peer.end();
  return undefined;
}

/** The CVR0 upgrade check: the client cannot use this server, so it is told to upgrade; then close. */
export function answerUpgradeCheck(peer: Peer, trid: string): void {
  peer.send('CVQ', [trid, RECOMMENDED_VERSION, RECOMMENDED_VERSION, UPGRADE_MINIMUM_VERSION, DOWNLOAD_URL, INFO_URL]);
  peer.end();
}

/** CVR inside a session never forces an upgrade: the client's own version is recommended back. */
export function answerVersionReport(peer: Peer, trid: string, command: MsnpCommand): void {
  const clientVersion = command.params[6] ?? RECOMMENDED_VERSION;
  peer.send('CVR', [trid, clientVersion, clientVersion, clientVersion, INFO_URL, INFO_URL]);
}

export function answerAuthPackages(peer: Peer, trid: string): void {
  peer.send('INF', [trid, 'MD5']);
}

/** The request's transaction id as it is echoed back, or undefined when the first token is not one. */
export function tridOf(command: MsnpCommand): string | undefined {
  const first = command.params[0];
  if (first === undefined || !/^\d{1,10}$/.test(first) || Number(first) > 4294967295) return undefined;
  return String(Number(first));
}
