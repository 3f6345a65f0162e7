// Sign-in on the notification server (§4): VER, INF, CVR, CVQ and the MD5 USR exchange, then the
// profile and mail-count messages that follow USR OK (§9.1, §9.2).

import { md5Hex } from '../../protocol/index';
import { isValidHandle, normalizeHandle } from '../accounts';
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
    return checkPassword(session, trid, { handle, challenge, response: argument }, fail);
  }
  fail(`USR ${step ?? ''} out of sequence`);
}

/**
 * Answers USR … S once the sign-in throttle allows (at once for the first attempts). A client that
 * leaves while it waits has its check given back; one whose turn is too far away gets 910.
 */
function checkPassword(
  session: NotificationSession,
  trid: string,
  { handle, challenge, response }: { handle: string; challenge: string; response: string },
  fail: (reason: string) => void,
): void {
  const { peer, context } = session;
  const throttle = context.signInThrottle;
  const keys = { account: normalizeHandle(handle), address: peer.address };
  const wait = throttle.reserve(keys);
  if (wait === undefined) {
    context.settings.log(`[${peer.label}] sign-in refused: too many recent attempts for ${handle} or from ${peer.address}`);
    peer.send('910', [trid]);
    peer.end();
    return;
  }
  let settled = false;
  const answer = (): void => {
    settled = true;
    const account = context.accounts.get(handle);
    const correct = account !== undefined && response === md5Hex(challenge + account.password);
    throttle.settle(keys, correct);
    if (!peer.isOpen) return;
    if (!account) return fail(`no account ${handle}`);
    if (!correct) return fail(`wrong password for ${handle}`);
    if (context.online.get(account.handle)?.automated) return fail(`${handle} is run by the server itself`);
    session.becomeSignedIn(account);
    peer.send('USR', [trid, 'OK', account.handle, account.wireName]);
    sendProfile(session);
    if (account.emailEnabled) sendInitialMailCount(session);
  };
  if (wait === 0) return answer();
  context.settings.log(`[${peer.label}] answering ${handle}'s password in ${wait} ms, after earlier wrong ones`);
  const timer = setTimeout(answer, wait);
  peer.onClose(() => {
    if (settled) return;
    clearTimeout(timer);
    throttle.settle(keys, undefined);
  });
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
