// Every failure the client can meet, as the AppError the user sees: a sentence, and for sign-in
// the form field it concerns. One mapping used by the facade, the CLI and the IPC layer.

import type { AppError } from '../../shared/model';
import { ConnectionClosedError, MsnpSyntaxError, ProtocolError, RequestTimeoutError } from '../../protocol/index';
import { SessionEndedError, SessionError, UnsolicitedProtocolError } from '../ns/errors';
import { SIGN_IN_CANCELLED } from '../ns/signin';

/** An Error that carries the AppError to show; what Messenger methods reject with. */
export class MessengerError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'MessengerError';
  }
}

/** Which sign-in field a server error points at (the sentence itself comes from the error table). */
const FIELD_OF_CODE: ReadonlyMap<number, AppError['field']> = new Map([
  [911, 'password'],
  [928, 'password'],
  [205, 'handle'],
  [206, 'handle'],
  [208, 'handle'],
  [917, 'handle'],
  [923, 'handle'],
  [924, 'handle'],
  ...[500, 501, 520, 600, 601, 604, 707, 712, 714, 910, 912, 914, 918, 919, 920, 921, 922].map(
    (code) => [code, 'server'] as [number, AppError['field']],
  ),
]);

export function toAppError(error: unknown): AppError {
  if (error instanceof MessengerError) return error.appError;
  if (error instanceof UnsolicitedProtocolError && error.answersARequest) {
    return { kind: 'protocol', code: error.code, message: `The server sent error ${error.code}, which answers nothing MSN Messenger asked; nothing was changed.` };
  }
  if (error instanceof ProtocolError) {
    const field = FIELD_OF_CODE.get(error.code);
    return { kind: 'protocol', code: error.code, message: error.message, ...(field && { field }) };
  }
  if (error instanceof RequestTimeoutError) {
    return { kind: 'timeout', message: `${error.message} The server may be down; please try again later.`, field: 'server' };
  }
  if (error instanceof ConnectionClosedError) return { kind: 'network', message: error.message, field: 'server' };
  if (error instanceof SessionEndedError) {
    const { end } = error;
    if (end.reason === 'user') return { kind: 'network', message: SIGN_IN_CANCELLED, field: 'server' };
    if (end.reason === 'elsewhere' || end.reason === 'server-shutdown') return { kind: 'protocol', message: error.message };
    return { kind: 'network', message: error.message, field: 'server' };
  }
  if (error instanceof SessionError) return { kind: error.kind, message: error.message, ...(error.field && { field: error.field }) };
  if (error instanceof MsnpSyntaxError) return { kind: 'input', message: 'That text cannot be sent to the server.' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `Something went wrong inside Messenger: ${message}` };
}

/** Errors a retry cannot fix: stop reconnecting and tell the user. */
export function isPermanent(error: AppError): boolean {
  return error.kind === 'unsupported' || error.kind === 'input' || error.field === 'password' || error.field === 'handle';
}

export function notSignedIn(): MessengerError {
  return new MessengerError({ kind: 'input', message: 'You are not signed in.' });
}
