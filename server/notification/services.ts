// The remaining notification-server commands: XFR SB (§5.10), SND (§5.13), IMS (§5.15),
// PNG (§5.16) and OUT (§5.17).

import { isValidHandle } from '../accounts';
import type { CommandSpec } from './session';

export const serviceCommands: Record<string, CommandSpec> = {
  XFR: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      if (command.params[1] !== 'SB') return session.peer.send('201', [trid]);
      if (session.status === undefined || session.status === 'HDN') return session.peer.send('913', [trid]);
      const ticket = session.context.switchboards.issueCookie(session.account.handle);
      // 713: too many requests; it holds the most unused switchboard cookies one may.
      if (!ticket) return session.peer.send('713', [trid]);
      session.peer.send('XFR', [trid, 'SB', ticket.address, 'CKI', ticket.cookie]);
    },
  },
  SND: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      const [, address, ...rest] = command.params as [string, string, ...string[]];
      if (session.dialect === 'MSNP2' && rest.length > 0) {
        session.peer.send('503', [trid]);
        session.peer.end();
        return;
      }
      if (!isValidHandle(address)) return session.peer.send('201', [trid]);
      session.context.settings.log(`[${session.peer.label}] ${session.account.handle} invites ${address} by e-mail`);
      session.peer.send('SND', [trid, 'OK']);
    },
  },
  IMS: {
    phases: ['signed-in'],
    dialects: ['MSNP3'],
    minParams: 1,
    handle(session, command, trid) {
      const mode = command.params[1];
      if (mode !== 'ON' && mode !== 'OFF') return session.peer.send('715', [trid]);
      session.acceptsInvitations = mode === 'ON';
      session.peer.send('IMS', [trid, '0', mode]);
    },
  },
  PNG: {
    phases: ['signed-in'],
    withoutTrid: true,
    handle: (session) => session.peer.send('QNG', []),
  },
  OUT: {
    phases: ['versioned', 'challenged', 'signed-in'],
    withoutTrid: true,
    // Offline at once: by the time the client sees the echo, watchers have had their FLN.
    handle(session) {
      session.signOut();
    },
  },
};
