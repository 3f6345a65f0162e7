// How a case may end. Going on, or ending with an error the user can be told (a reason with its
// words, not "something went wrong inside"), is fine; anything else is a problem.

import { toAppError } from '../../main/client/errors';
import { describe } from '../../main/cli/sentences';
import type { AppError } from '../../shared/errors';

/** A case ended in a way the client must never end: no sentence, a hang, a lost reply. */
export class FuzzProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzProblem';
  }
}

/** The words for an error the client reported; a problem when it is an internal one or has none. */
export function wordsFor(error: AppError, what: string): string {
  const words = describe(error).trim();
  const internal = error.reason === 'internal' || error.detail?.['cause'] === 'internal';
  if (internal || words === '') throw new FuzzProblem(`${what} failed inside the client (${JSON.stringify(error)})`);
  return words;
}

/** The words for whatever a request rejected with, as the client maps it; a problem as above. */
export function sentenceOf(error: unknown, what: string): string {
  return wordsFor(toAppError(error), what);
}

/** Resolves or rejects as `promise` does, or rejects with a problem after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzProblem(`${what} did not finish within ${ms / 1000} s (a hang)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
