// Failures of the notification session that are not a numeric error from the server: an
// unsupported server, a feature the dialect lacks, input the protocol cannot carry. Each names its
// reason code (shared/errors.ts); the renderer and the CLI word it.

import type { AppError, ErrorDetail, ErrorReason } from '../../shared/errors';
import { type CloseDetail, type CloseReason, ProtocolError } from '../../protocol/index';
import type { SessionEnd } from './events';

export class SessionError extends Error {
  constructor(
    readonly kind: AppError['kind'],
    readonly reason: ErrorReason,
    readonly field?: AppError['field'],
    readonly detail?: ErrorDetail,
  ) {
    super(`${reason}${detail ? ` ${JSON.stringify(detail)}` : ''}`);
    this.name = 'SessionError';
  }

  get appError(): AppError {
    return { kind: this.kind, reason: this.reason, ...(this.field && { field: this.field }), ...(this.detail && { detail: this.detail }) };
  }
}

/** A sign-in overtaken by the end of its session (a sign-out, OUT OTH, a reset): how it ended. */
export class SessionEndedError extends Error {
  constructor(readonly end: SessionEnd) {
    super(`session ended: ${end.reason}`);
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

/** A closed (or never opened) connection as the error to show; our own close reads as a plain close. */
export function closeError(reason: CloseReason, detail: CloseDetail = {}): AppError {
  const details = Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
  return {
    kind: 'network',
    reason: reason === 'closed-locally' ? 'connection-closed' : reason,
    field: 'server',
    ...(Object.keys(details).length > 0 && { detail: details }),
  };
}
