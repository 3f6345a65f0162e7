// The only place that touches `window.msn`, the API the Electron preload or the browser host
// installs before the app mounts. Everything else calls `command` and `subscribe`.

import type { AccountId } from '../../shared/accounts';
import { type AccountCommandName, type CommandArgs, type CommandName, type CommandReply, isAccountCommand } from '../../shared/commands';
import type { EventName, IpcEvents, MsnApi } from '../../shared/ipc';
import { parseRoute } from '../../shared/routes';

declare global {
  interface Window {
    msn: MsnApi;
  }
}

type WithoutAccount<T> = T extends readonly [AccountId, ...infer Rest] ? Rest : never;

/** A command's arguments as the window gives them: an account command's account is the window's own. */
export type WindowArgs<K extends CommandName> = K extends AccountCommandName ? WithoutAccount<CommandArgs<K>> : CommandArgs<K>;

/** The account this window belongs to, named by its route (shared/routes.ts). */
export function windowAccount(): AccountId {
  return parseRoute(window.location.hash).account;
}

/**
 * Runs a command in main, for this window's account when the command concerns one. A transport
 * failure (the host went away) becomes an ordinary failed result, so callers handle one shape of error.
 */
export async function command<K extends CommandName>(name: K, ...args: WindowArgs<K>): Promise<CommandReply<K>> {
  const method = window.msn[name] as (...callArgs: unknown[]) => Promise<CommandReply<K>>;
  const callArgs: unknown[] = isAccountCommand(name) ? [windowAccount(), ...args] : args;
  try {
    return await method.apply(window.msn, callArgs);
  } catch (error) {
    console.error(`msn.${name} failed:`, error);
    return { ok: false, error: { kind: 'internal', reason: 'host-unreachable' } };
  }
}

/** Listens to an event from main; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
  return window.msn.on(event, listener);
}
