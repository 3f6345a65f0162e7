// The only place that touches `window.msn`, the API the Electron preload or the browser host
// installs before the app mounts. Everything else calls `command` and `subscribe`.

import type { CommandName, CommandResult, EventName, IpcCommands, IpcEvents, MsnApi } from '../../shared/ipc';
import { strings } from './strings';

declare global {
  interface Window {
    msn: MsnApi;
  }
}

type Result<K extends CommandName> = CommandResult<IpcCommands[K]['result']>;

/**
 * Runs a command in main. A transport failure (the host went away) becomes an ordinary
 * failed result, so callers handle one shape of error.
 */
export async function command<K extends CommandName>(name: K, ...args: IpcCommands[K]['args']): Promise<Result<K>> {
  const method = window.msn[name] as (...callArgs: IpcCommands[K]['args']) => Promise<Result<K>>;
  try {
    return await method.apply(window.msn, args);
  } catch (error) {
    console.error(`msn.${name} failed:`, error);
    return { ok: false, error: { kind: 'internal', message: strings.commandFailed } };
  }
}

/** Listens to an event from main; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
  return window.msn.on(event, listener);
}
