// The dispatch server (§1, §4): negotiates the dialect, then refers the client to the notification
// server with XFR NS and closes. It does not check the account; the notification server does.

import type { MsnpCommand } from '../protocol/index';
import type { Dialect, ServerContext } from './context';
import { answerAuthPackages, answerUpgradeCheck, answerVersion, answerVersionReport, tridOf } from './negotiation';
import type { Peer } from './peer';

export function serveDispatch(context: ServerContext, peer: Peer): void {
  let dialect: Dialect | 'CVR0' | undefined;
  // The connection ends with the referral; one that never gets there is closed.
  peer.deadline(context.settings.signInTimeoutMs, 'no sign-in in time');
  peer.onCommand = (command: MsnpCommand) => {
    const trid = tridOf(command);
    if (trid === undefined) return peer.drop(`${command.name} without a transaction id`);
    if (command.name === 'VER' && dialect === undefined) {
      dialect = answerVersion(peer, trid, command, context.settings.dialects);
      return;
    }
    if (command.name === 'CVQ' && dialect === 'CVR0') return answerUpgradeCheck(peer, trid);
    if (dialect === undefined || dialect === 'CVR0') return peer.drop(`${command.name} before a dialect was agreed`);
    if (command.name === 'INF') return answerAuthPackages(peer, trid);
    if (command.name === 'CVR') return answerVersionReport(peer, trid, command);
    if (command.name === 'USR' && command.params[1] === 'MD5' && command.params[2] === 'I' && command.params[3]) {
      const referral = [trid, 'NS', context.notificationAddress()];
      peer.send('XFR', dialect === 'MSNP3' ? [...referral, '0'] : referral);
      peer.end();
      return;
    }
    if (command.name === 'USR') {
      peer.send('911', [trid]);
      peer.end();
      return;
    }
    peer.drop(`${command.name} is not a dispatch-server command`);
  };
}
