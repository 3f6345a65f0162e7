// Turning whatever a command threw, or its bad arguments, into the AppError a window shows.

import type { z } from 'zod';
import type { CommandName } from '../../shared/commands';
import type { AppError } from '../../shared/model';
import { MessengerError, toAppError } from '../client/errors';

/**
 * The client's own mapping (main/client/errors.ts) for everything it knows, and a MessengerError's
 * sentence as it was written; anything else is a bug, whose details go to the log, not the window.
 */
export function toCommandError(error: unknown): AppError {
  const appError = toAppError(error);
  if (error instanceof MessengerError || appError.kind !== 'internal') return appError;
  return { kind: 'internal', reason: 'internal' };
}

const SIGN_IN_FIELDS = ['handle', 'password', 'server'] as const;

/** Bad arguments from a window: a sign-in field is named so the form can point at it, with its one rule's reason. */
export function validationError(command: CommandName, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = command === 'signIn' ? SIGN_IN_FIELDS.find((name) => issue?.path.at(-1) === name) : undefined;
  if (field === 'handle') return { kind: 'input', reason: 'invalid-handle', field };
  if (field === 'server') return { kind: 'input', reason: 'invalid-server', field };
  if (field === 'password') return { kind: 'input', reason: 'password-too-long', field };
  return { kind: 'input', reason: 'invalid-arguments', detail: { command } };
}
