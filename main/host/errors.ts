// Turning whatever a command threw, or its bad arguments, into the AppError a window shows.

import type { z } from 'zod';
import type { CommandName } from '../../shared/ipc';
import type { AppError } from '../../shared/model';
import { toAppError } from '../client/errors';

/** A failure the app raises itself, already worded for the user. */
export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppFailure';
  }
}

function carriesAppError(error: unknown): error is { appError: AppError } {
  if (typeof error !== 'object' || error === null || !('appError' in error)) return false;
  const { appError } = error as { appError: unknown };
  return typeof appError === 'object' && appError !== null && typeof (appError as AppError).message === 'string';
}

/**
 * The client's own mapping (main/client/errors.ts) for everything it knows; what it does not know
 * is a bug, and its details go to the log, not to the window.
 */
export function toCommandError(error: unknown): AppError {
  if (carriesAppError(error)) return error.appError;
  const appError = toAppError(error);
  if (appError.kind !== 'internal') return appError;
  return { kind: 'internal', message: 'Something went wrong inside MSN Messenger. Please try again.' };
}

const SIGN_IN_FIELDS = ['handle', 'password', 'server'] as const;

/** Bad arguments from a window: a sign-in field is named so the form can point at it. */
export function validationError(command: CommandName, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = command === 'signIn' ? SIGN_IN_FIELDS.find((name) => issue?.path[1] === name) : undefined;
  const message =
    field === 'handle' ? 'Please type a valid sign-in name, such as example@hotmail.com.'
    : field === 'server' ? 'Please choose a server.'
    : field === 'password' ? 'That password is too long.'
    : `The request "${command}" was not valid: ${issue?.message ?? 'unexpected arguments'}.`;
  return { kind: 'input', message, ...(field ? { field } : {}) };
}
