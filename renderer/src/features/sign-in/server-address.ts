// What a server address may look like: `demo`, or host[:port] with a port from 1 to 65535.

import type { AccountSettings, ServerPreset } from '../../../../shared/ipc';
import { strings } from '../../strings';

const HOST_PORT = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** The problem with an address, or undefined when it is usable. */
export function serverAddressProblem(address: string): string | undefined {
  const trimmed = address.trim();
  const problem = strings.error({ kind: 'input', reason: 'invalid-server' });
  const match = HOST_PORT.exec(trimmed);
  if (!trimmed || !match) return problem;
  const port = match[1] === undefined ? 1863 : Number(match[1]);
  return port >= 1 && port <= 65535 ? undefined : problem;
}

/** The server the forms start with: the account's last one, else the first preset (the Local demo). */
export function defaultServer(account: AccountSettings | undefined, presets: readonly ServerPreset[]): string {
  return account?.lastServer || presets[0]?.address || 'demo';
}
