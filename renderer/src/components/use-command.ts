// Runs commands: from a form or dialog, keeping the pending flag and error to show there; or
// from a menu, a button or a link, showing a failure in the window's banner.

import { useCallback, useState } from 'react';
import type { CommandName, CommandReply, CommandResult } from '../../../shared/commands';
import type { AppError, ErrorReason } from '../../../shared/errors';
import { type WindowArgs, command } from '../bridge';
import { useMessenger } from '../store/context';
import { selectShowBanner } from '../store/selectors';
import { strings } from '../strings';

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

export type BannerCommand = <K extends CommandName>(name: K, ...args: WindowArgs<K>) => Promise<CommandReply<K>>;

/** `command` for actions with no form of their own: a failure goes to the banner, where the user looks. */
export function useCommandWithBanner(): BannerCommand {
  const showBanner = useMessenger(selectShowBanner);
  return useCallback<BannerCommand>(
    async (name, ...args) => {
      const result = await command(name, ...args);
      if (!result.ok) showBanner(strings.error(result.error));
      return result;
    },
    [showBanner],
  );
}

/** An input-kind error raised by the form itself, shaped like the ones main sends. */
export function inputError(reason: ErrorReason, field?: AppError['field']): AppError {
  return field ? { kind: 'input', reason, field } : { kind: 'input', reason };
}
