// What a conversation records when something happens on the switchboard that is not a message:
// events with the names and causes they need (shared/errors.ts), worded by the renderer.

import type { AppError, TranscriptEvent } from '../../shared/errors';
import { ProtocolError, RequestTimeoutError } from '../../protocol/index';
import { toAppError } from '../client/errors';

/** The inner failure as `cause` (and `code`) of a conversation error. */
function causeOf(error: unknown): { code?: number; detail: Record<string, string | number> } {
  if (error instanceof ProtocolError) return { code: error.code, detail: { cause: 'server-error' } };
  if (error instanceof RequestTimeoutError) return { detail: { cause: 'no-answer' } };
  return { detail: { cause: toAppError(error).reason } };
}

/** Why a `CAL` for `name` failed (§6.3, §6.10). */
export function callFailure(name: string, handle: string, error: unknown): AppError {
  const { code, detail } = causeOf(error);
  return { kind: code === undefined ? 'network' : 'protocol', reason: 'call-failed', ...(code !== undefined && { code }), detail: { ...detail, name, handle } };
}

/** `name` never joined after being called. */
export function noAnswer(name: string): AppError {
  return { kind: 'timeout', reason: 'no-answer-from', detail: { name } };
}

/** A message waits in a conversation that has nobody left in it to call. */
export function nobodyToCall(): AppError {
  return { kind: 'input', reason: 'nobody-to-call' };
}

/** Why no switchboard could be opened (XFR SB refused, unreachable, USR refused). */
export function startFailure(error: unknown): AppError {
  const { code, detail } = causeOf(error);
  return { kind: code === undefined ? 'network' : 'protocol', reason: 'conversation-start-failed', ...(code !== undefined && { code }), detail };
}

/** A message that did not reach `names` (its text is kept for the preview and for resending). */
export function undelivered(text: string, names: readonly string[]): AppError {
  return { kind: 'network', reason: 'undelivered', detail: { text, names } };
}

export const joined = (name: string): TranscriptEvent => ({ type: 'joined', name });
export const left = (name: string): TranscriptEvent => ({ type: 'left', name });
export const leftBlocked = (name: string): TranscriptEvent => ({ type: 'left-blocked', name });

export function invitationDeclined(name: string, application: string | undefined): TranscriptEvent {
  return { type: 'invitation-declined', name, ...(application && { application }) };
}
