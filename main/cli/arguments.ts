// The CLI's command line: `--server HOST:PORT --user HANDLE [--status CODE] [--no-browser] [--history]`.
// The password never comes from an argument (it would show in `ps` and shell history).

import { parseArgs } from 'node:util';
import type { SettableStatus } from '../../shared/model';
import { isSettableStatus } from '../ns/presence';

export interface CliArguments {
  readonly server: string;
  readonly handle: string;
  readonly status: SettableStatus;
  /** False with --no-browser: forms are printed, never opened. */
  readonly openBrowser: boolean;
  /** --history: keep the account's chat history (in MSN_DATA_DIR) and answer `history` commands. */
  readonly history: boolean;
}

export const USAGE = 'usage: npm run --silent cli -- --server HOST:PORT --user HANDLE [--status CODE] [--no-browser] [--history]';

export class UsageError extends Error {}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  let values: { server?: string; user?: string; status?: string; 'no-browser'?: boolean; history?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        server: { type: 'string' },
        user: { type: 'string' },
        status: { type: 'string' },
        'no-browser': { type: 'boolean' },
        history: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.server || !values.user) throw new UsageError(`--server and --user are required. ${USAGE}`);
  const status = values.status?.toUpperCase() ?? 'NLN';
  if (!isSettableStatus(status)) throw new UsageError(`--status must be one of NLN BSY IDL BRB AWY PHN LUN HDN, not "${values.status}".`);
  return { server: values.server, handle: values.user, status, openBrowser: !values['no-browser'], history: values.history === true };
}
