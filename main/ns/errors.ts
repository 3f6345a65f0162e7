// Failures of the notification session that are not a numeric error from the server: an
// unsupported server, a feature the dialect lacks, input the protocol cannot carry.

import type { AppError } from '../../shared/model';
import { ProtocolError } from '../../protocol/index';
import type { SessionEnd } from './events';

export class SessionError extends Error {
  constructor(
    readonly kind: AppError['kind'],
    message: string,
    readonly field?: AppError['field'],
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

const NOT_SUPPORTED = 'This server does not support MSN Messenger 2.0';
export const UNSUPPORTED_SERVER = `${NOT_SUPPORTED} (it speaks neither MSNP3 nor MSNP2).`;
/** The refusal with what the server's upgrade check asked for (§4.2). */
export const upgradeRequested = (request: string): string => `${NOT_SUPPORTED}: ${request}.`;
export const NO_MD5 = 'This server does not offer MD5 sign-in, the only method MSN Messenger 2.0 supports.';
export const MAIL_UNAVAILABLE = 'Hotmail is not available on this server.';
/** The page a URL service opens, for when the server has none (PERSON and PASSWORD are Passport pages, not Hotmail). */
export const PAGE_UNAVAILABLE: Readonly<Record<'PERSON' | 'PASSWORD', string>> = {
  PERSON: 'The Passport profile page is not available on this server.',
  PASSWORD: 'Changing your password is not available on this server.',
};
export const NO_MAILBOX = 'Hotmail is not available for this account.';

/** A sign-in overtaken by the end of its session (a sign-out, OUT OTH, a reset): how it ended. */
export class SessionEndedError extends Error {
  constructor(readonly end: SessionEnd) {
    super(end.message ?? 'The connection to the server was lost.');
    this.name = 'SessionEndedError';
  }
}

/** An error line that answers no request of ours (its TrID names none pending, or is 0). */
export class UnsolicitedProtocolError extends ProtocolError {
  /**
   * Codes that only make sense as the answer to a request (a list change, a sign-in): unasked,
   * they say nothing about this session (a 911 here is not a wrong password).
   */
  get answersARequest(): boolean {
    return this.code < 500 || [911, 913, 923, 924, 928].includes(this.code);
  }
}
