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
  return { kind: 'internal', message: 'Something went wrong inside MSN Messenger. Please try again.' };
}

const SIGN_IN_FIELDS = ['handle', 'password', 'server'] as const;

/** Bad arguments from a window: a sign-in field is named so the form can point at it. */
export function validationError(command: CommandName, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = command === 'signIn' ? SIGN_IN_FIELDS.find((name) => issue?.path.at(-1) === name) : undefined;
  const message =
    field === 'handle' ? 'Please type a valid sign-in name, such as example@hotmail.com.'
    : field === 'server' ? 'Please choose a server.'
    : field === 'password' ? 'That password is too long.'
    : `The request "${command}" was not valid: ${issue?.message ?? 'unexpected arguments'}.`;
  return { kind: 'input', message, ...(field ? { field } : {}) };
}
