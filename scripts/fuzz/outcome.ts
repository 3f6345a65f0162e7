// How a case may end. Going on, or ending with a sentence, is fine; anything else is a problem.

/** A case ended in a way the client must never end: no sentence, a hang, a lost reply. */
export class FuzzProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzProblem';
  }
}

/** A sentence from whatever a request rejected with; a problem when there is none. */
export function sentenceOf(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message.trim() : '';
  if (message === '') throw new FuzzProblem(`${what} failed without a sentence (${String(error)})`);
  return message;
}

/** Resolves or rejects as `promise` does, or rejects with a problem after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzProblem(`${what} did not finish within ${ms / 1000} s (a hang)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
