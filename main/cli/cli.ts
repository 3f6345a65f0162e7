// The headless CLI over the same Messenger core (`npm run cli`): commands on stdin, one JSON event
// per line on stdout. For scripting, bots, and trying the core against any server. See README.md.

import { createInterface } from 'node:readline';
import { Messenger } from '../client/messenger';
import { toAppError } from '../client/errors';
import { type CliArguments, UsageError, parseCliArguments } from './arguments';
import { parseCliCommand, runCliCommand } from './commands';
import { type CliEvent, errorEvent, printEvents, usageEvent } from './events';
import { cliDataDir, openWithPlatform, promptPassword } from './system';
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

async function run(options: CliArguments, password: string): Promise<void> {
  const messenger = new Messenger({
    dataDir: cliDataDir(),
    openExternal: options.openBrowser ? openWithPlatform : async () => undefined,
    ...(options.trace && { trace: { enabled: () => true, line: (line) => void process.stderr.write(`${traceText(line)}\n`) } }),
  });
  printEvents(messenger, print);
  // The session ends for good on a user sign-out or OUT OTH; other losses reconnect on their own.
  messenger.on('signedOut', ({ reason }) => {
    if (reason === 'user' || reason === 'elsewhere') exit(reason === 'user' ? 0 : 1);
  });
  try {
    const proxy = proxyOf(options);
    await messenger.signIn({ server: options.server, handle: options.handle, password, status: options.status, ...(proxy && { proxy }) });
  } catch (error) {
    print(errorEvent(toAppError(error)));
    print({ event: 'signed-out', reason: 'error' });
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
        await runCliCommand(messenger, command, options.openBrowser);
      } catch (error) {
        const command = line.trim().split(/\s+/)[0];
        print(error instanceof UsageError ? usageEvent(error.message, { command }) : errorEvent(toAppError(error), { command }));
      }
    });
  });
  lines.on('close', quit);
}

async function main(): Promise<void> {
  let options: CliArguments;
  let password: string;
  try {
    options = parseCliArguments(process.argv.slice(2));
    password = await readPassword();
  } catch (error) {
    print(error instanceof UsageError ? usageEvent(error.message) : errorEvent(toAppError(error)));
    return exit(2);
  }
  await run(options, password);
}

void main();
