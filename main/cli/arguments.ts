// The CLI's command line: `--server HOST:PORT --user HANDLE [--status CODE] [--no-browser] [--history]
// [--log FILE [--log-message-text]] [--proxy URL] [--trace]`. The password never comes from an
// argument (it would show in `ps` and shell history); a proxy's may, in its URL, but
// MSN_PROXY_PASSWORD keeps it out of both.

import { parseArgs } from 'node:util';
import type { SettableStatus } from '../../shared/model';
import { type ProxyCredentials, parseProxyUrl } from '../../shared/proxy';
import { isSettableStatus } from '../ns/presence';

export interface CliArguments {
  readonly server: string;
  readonly handle: string;
  readonly status: SettableStatus;
  /** False with --no-browser: forms are printed, never opened. */
  readonly openBrowser: boolean;
  /** --history: keep the account's chat history (in MSN_DATA_DIR) and answer `history` commands. */
  readonly history: boolean;
  /** Where to write the log (sign-in steps, errors, MSNP lines with secrets hidden). */
  readonly logFile?: string;
  /** The log shows what messages say, not only their length. */
  readonly logMessageText: boolean;
  /** Every connection goes through it; the password is the URL's, when it has one. */
  readonly proxy?: ProxyCredentials;
  /** --trace: the protocol console's masked lines on stderr. */
  readonly trace: boolean;
}

export const USAGE =
  'usage: npm run --silent cli -- --server HOST:PORT --user HANDLE [--status CODE] [--no-browser] [--history] [--log FILE [--log-message-text]] [--proxy socks5://[user@]host:port | http://[user@]host:port] [--trace]';

export class UsageError extends Error {}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  let values: {
    server?: string;
    user?: string;
    status?: string;
    'no-browser'?: boolean;
    history?: boolean;
    log?: string;
    'log-message-text'?: boolean;
    proxy?: string;
    trace?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        server: { type: 'string' },
        user: { type: 'string' },
        status: { type: 'string' },
        'no-browser': { type: 'boolean' },
        history: { type: 'boolean' },
        log: { type: 'string' },
        'log-message-text': { type: 'boolean' },
        proxy: { type: 'string' },
        trace: { type: 'boolean' },
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
  if (values.log === '') throw new UsageError(`--log needs a file name. ${USAGE}`);
  if (values['log-message-text'] && values.log === undefined) throw new UsageError(`--log-message-text goes with --log FILE. ${USAGE}`);
  const proxy = values.proxy === undefined ? undefined : parseProxyUrl(values.proxy);
  if (values.proxy !== undefined && !proxy) {
    throw new UsageError(`--proxy must be socks5://[user[:password]@]host:port or http://[user[:password]@]host:port, not "${values.proxy.replace(/:[^:@/]*@/, ':…@')}".`);
  }
  return {
    server: values.server,
    handle: values.user,
    status,
    openBrowser: !values['no-browser'],
    history: values.history === true,
    ...(values.log !== undefined && { logFile: values.log }),
    logMessageText: values['log-message-text'] ?? false,
    ...(proxy && { proxy }),
    trace: values.trace === true,
  };
}
