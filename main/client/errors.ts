// Every failure the client can meet, as the AppError the user sees: a reason code with its facts
// (the renderer and the CLI word it), and for sign-in the form field it concerns. One mapping used
// by the facade, the CLI and the IPC layer.

import type { AppError, ErrorReason } from '../../shared/errors';
import { ConnectionClosedError, MsnpSyntaxError, ProtocolError, RequestTimeoutError } from '../../protocol/index';
import { ProxyError } from '../net/proxy-error';
import { SessionEndedError, SessionError, UnsolicitedProtocolError, closeError } from '../ns/errors';
import { DataFolderError } from '../storage/data-folder';

/** An Error that carries the AppError to show; what Messenger methods reject with. */
export class MessengerError extends Error {
  constructor(readonly appError: AppError) {
    super(`${appError.reason}${appError.code === undefined ? '' : ` ${appError.code}`}`);
    this.name = 'MessengerError';
  }
}

/** A MessengerError for an input the user can fix. */
export function inputError(reason: ErrorReason, field?: AppError['field'], detail?: AppError['detail']): MessengerError {
  return new MessengerError({ kind: 'input', reason, ...(field && { field }), ...(detail && { detail }) });
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
    return { kind: 'protocol', reason: 'unsolicited-server-error', code: error.code };
  }
  if (error instanceof ProtocolError) {
    const field = FIELD_OF_CODE.get(error.code);
    return { kind: 'protocol', reason: 'server-error', code: error.code, ...(field && { field }) };
  }
  if (error instanceof RequestTimeoutError) {
    return { kind: 'timeout', reason: 'no-answer', field: 'server', detail: { request: error.request, seconds: Math.round(error.timeoutMs / 1000) } };
  }
  if (error instanceof ConnectionClosedError) return closeError(error.reason, error.detail);
  if (error instanceof ProxyError) return error.appError;
  if (error instanceof SessionEndedError) {
    const { end } = error;
    if (end.reason === 'user') return { kind: 'network', reason: 'sign-in-cancelled', field: 'server' };
    if (end.reason === 'transfer') return { kind: 'network', reason: 'session-moved', field: 'server', detail: { server: end.server } };
    return end.error;
  }
  if (error instanceof SessionError) return error.appError;
  if (error instanceof DataFolderError) return error.appError;
  if (error instanceof MsnpSyntaxError) return { kind: 'input', reason: 'unsendable-text' };
  return { kind: 'internal', reason: 'internal' };
}

/** Errors a retry cannot fix: stop reconnecting and tell the user. */
export function isPermanent(error: AppError): boolean {
  if (error.reason === 'proxy-needs-credentials' || error.reason === 'proxy-credentials-refused') return true;
  return error.kind === 'unsupported' || error.kind === 'input' || error.field === 'password' || error.field === 'handle';
}

export function notSignedIn(): MessengerError {
  return inputError('not-signed-in');
}
