// Runs a command from a form or dialog and keeps its pending flag and error for display.

import { useCallback, useState } from 'react';
import type { CommandResult } from '../../../shared/ipc';
import type { AppError } from '../../../shared/model';

export interface CommandRunner {
  readonly pending: boolean;
  readonly error: AppError | undefined;
  run<T>(action: () => Promise<CommandResult<T>>): Promise<CommandResult<T>>;
  setError(error: AppError | undefined): void;
}

export function useCommand(): CommandRunner {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const run = useCallback(async <T,>(action: () => Promise<CommandResult<T>>): Promise<CommandResult<T>> => {
    setPending(true);
    setError(undefined);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(result.error);
    return result;
  }, []);
  return { pending, error, run, setError };
}

/** An input-kind error raised by the form itself, shaped like the ones main sends. */
export function inputError(message: string, field?: AppError['field']): AppError {
  return field ? { kind: 'input', message, field } : { kind: 'input', message };
}
