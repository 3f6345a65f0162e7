// Sign-in on the notification server (§4): VER, INF, CVR, CVQ and the MD5 USR exchange, then the
// profile and mail-count messages that follow USR OK (§9.1, §9.2).

import { md5Hex } from '../../protocol/index';
import { isValidHandle } from '../accounts';
import { randomDigits } from '../random';
import { answerAuthPackages, answerUpgradeCheck, answerVersion, answerVersionReport } from '../negotiation';
import { sendInitialMailCount, sendProfile } from './mail';
import type { CommandSpec, NotificationSession } from './session';

/** Escargot-style servers accept `USR … I` directly on the NS; so does this one. */
function usr(session: NotificationSession, trid: string, params: readonly string[]): void {
  const [, method, step, argument] = params;
  const { peer, context } = session;
  const fail = (reason: string) => {
    context.settings.log(`[${peer.label}] sign-in failed: ${reason}`);
    peer.send('911', [trid]);
    peer.end();
  };
  if (method !== 'MD5' || argument === undefined) return fail(`unsupported USR ${method ?? ''} ${step ?? ''}`);
  if (step === 'I' && session.phase === 'versioned') {
    if (!isValidHandle(argument)) return fail(`invalid handle ${argument}`);
    const challenge = `${randomDigits(10)}.${randomDigits(9)}`;
    session.pendingLogin = { handle: argument, challenge };
    session.phase = 'challenged';
    peer.send('USR', [trid, 'MD5', 'S', challenge]);
    return;
  }
  if (step === 'S' && session.phase === 'challenged' && session.pendingLogin) {
    const { handle, challenge } = session.pendingLogin;
    session.pendingLogin = undefined;
    const account = context.accounts.get(handle);
    if (!account) return fail(`no account ${handle}`);
    if (argument !== md5Hex(challenge + account.password)) return fail(`wrong password for ${handle}`);
    if (context.online.get(account.handle)?.automated) return fail(`${handle} is run by the server itself`);
    session.becomeSignedIn(account);
    peer.send('USR', [trid, 'OK', account.handle, account.wireName]);
    sendProfile(session);
    if (account.emailEnabled) sendInitialMailCount(session);
    return;
  }
  fail(`USR ${step ?? ''} out of sequence`);
}


export const loginCommands: Record<string, CommandSpec> = {
  VER: {
    phases: ['connected'],
    handle(session, command, trid) {
      const answer = answerVersion(session.peer, trid, command, session.context.settings.dialects);
      if (answer === 'CVR0') session.phase = 'cvr0';
      else if (answer) {
        session.dialect = answer;
        session.phase = 'versioned';
      }
    },
  },
  CVQ: {
    phases: ['cvr0'],
    handle: (session, _command, trid) => answerUpgradeCheck(session.peer, trid),
  },
  INF: {
    phases: ['versioned', 'challenged', 'signed-in'],
    handle: (session, _command, trid) => answerAuthPackages(session.peer, trid),
  },
  CVR: {
    phases: ['versioned', 'challenged', 'signed-in'],
    handle: (session, command, trid) => answerVersionReport(session.peer, trid, command),
  },
  USR: {
    phases: ['versioned', 'challenged'],
    handle: (session, command, trid) => usr(session, trid, command.params),
  },
};
