// The headless CLI over the same Messenger core (`npm run cli`): commands on stdin, one JSON event
// per line on stdout. For scripting, bots, and trying the core against any server. See README.md.

import { createInterface } from 'node:readline';
import { Messenger } from '../client/messenger';
import { HistoryService } from '../app/history/service';
import { SOURCE_HISTORY_WORKER } from '../app/history/source-worker';
import { toAppError } from '../client/errors';
import { type AppLog, openLog } from '../app/app-log';
import { openWithPlatform } from '../app/open-with-platform';
import { logSessionActivity } from '../app/session-log';
import { type CliArguments, UsageError, parseCliArguments } from './arguments';
import { parseCliCommand, runCliCommand } from './commands';
import { type CliEvent, errorEvent, printEvents, usageEvent } from './events';
import { printHistoryEvents, runHistoryCommand } from './history-commands';
import { signInAdviceText } from './sentences';
import { cliDataDir, promptPassword } from './system';
import { traceText } from './trace';
import type { ProxyCredentials } from '../../shared/proxy';

const print = (event: CliEvent): void => void process.stdout.write(`${JSON.stringify(event)}\n`);

function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.MSN_PASSWORD;
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!process.stdin.isTTY) throw new UsageError('Set MSN_PASSWORD (or run on a terminal to be asked for the password).');
  return promptPassword('Password: ');
}

/** The proxy with its password: the URL's, else MSN_PROXY_PASSWORD when the URL names a user. */
function proxyOf(options: CliArguments): ProxyCredentials | undefined {
  const { proxy } = options;
  const fromEnvironment = process.env.MSN_PROXY_PASSWORD;
  if (!proxy || proxy.password !== undefined || proxy.username === undefined || fromEnvironment === undefined) return proxy;
  return { ...proxy, password: fromEnvironment };
}

function createMessenger(options: CliArguments, log: AppLog | undefined): Messenger {
  return new Messenger({
    dataDir: cliDataDir(),
    openExternal: options.openBrowser ? openWithPlatform : async () => undefined,
    ...(log && { log: (line: string) => log.info(line), logMessageText: () => options.logMessageText }),
    ...(options.trace && { trace: { enabled: () => true, line: (line) => void process.stderr.write(`${traceText(line)}\n`) } }),
  });
}

async function run(messenger: Messenger, options: CliArguments, password: string, log: AppLog | undefined): Promise<void> {
  const dataDir = cliDataDir();
  if (log) logSessionActivity(messenger, log);
  printEvents(messenger, print);
  const history = options.history
    ? new HistoryService(messenger, { dataDir, worker: SOURCE_HISTORY_WORKER, keepsHistory: () => true })
    : undefined;
  if (history) printHistoryEvents(history, print);
  // The session ends for good on a user sign-out or OUT OTH; other losses reconnect on their own.
  messenger.on('signedOut', ({ reason }) => {
    // What history still holds is committed before the process goes.
    if (reason === 'user' || reason === 'elsewhere') void (history?.close() ?? Promise.resolve()).finally(() => exit(reason === 'user' ? 0 : 1));
  });
  try {
    const proxy = proxyOf(options);
    await messenger.signIn({ server: options.server, handle: options.handle, password, status: options.status, ...(proxy && { proxy }) });
  } catch (error) {
    const appError = toAppError(error);
    const advice = signInAdviceText(appError, options.server);
    print(errorEvent(appError, advice === undefined ? {} : { advice }));
    print({ event: 'signed-out', reason: 'error' });
    await history?.close();
    return exit(1);
  }

  const lines = createInterface({ input: process.stdin, terminal: false });
  let queue = Promise.resolve();
  const quit = (): void => {
    queue = queue.then(() => messenger.signOut());
  };
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    queue = queue.then(async () => {
      try {
        const command = parseCliCommand(line);
        if (command.name === 'quit') return quit();
        if (command.name === 'history') return await runHistoryCommand(history, command, print);
        await runCliCommand(messenger, command, options.openBrowser);
      } catch (error) {
        const command = line.trim().split(/\s+/)[0];
        print(error instanceof UsageError ? usageEvent(error.message, { command }) : errorEvent(toAppError(error), { command }));
      }
    });
  });
  lines.on('close', quit);
}

/** A log file that cannot be written is a bad command line, said before anything else happens. */
function openCliLog(file: string): AppLog {
  try {
    return openLog({ file });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(): Promise<void> {
  let options: CliArguments;
  let messenger: Messenger;
  let password: string;
  let log: AppLog | undefined;
  try {
    options = parseCliArguments(process.argv.slice(2));
    if (options.logFile !== undefined) log = openCliLog(options.logFile);
    // Before the password prompt: a data folder that cannot be used is said at once.
    messenger = createMessenger(options, log);
    password = await readPassword();
  } catch (error) {
    print(error instanceof UsageError ? usageEvent(error.message) : errorEvent(toAppError(error)));
    return exit(2);
  }
  await run(messenger, options, password, log);
}

void main();
