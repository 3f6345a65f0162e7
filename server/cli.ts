// `npm run server -- --port 1863 [--host 127.0.0.1] [--accounts file.json] [--dialects MSNP3,MSNP2] [--quiet-demo]`
// Runs the server in the foreground for the offline demo; Ctrl+C signs everyone out and exits.

import { parseArgs } from 'node:util';
import { loadAccountsFile } from './accounts';
import type { Dialect } from './context';
import { DEMO_SIGN_IN, startServer } from './index';

const USAGE = `Usage: npm run server -- [--port 1863] [--host 127.0.0.1] [--ns-port N] [--sb-port N]
                         [--accounts accounts.json] [--dialects MSNP3,MSNP2] [--quiet-demo] [--quiet]`;

function portOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number (0–65535)`);
  return port;
}

function dialectsOption(value: string | undefined): Dialect[] | undefined {
  if (value === undefined) return undefined;
  const dialects = value.split(',').map((token) => token.trim().toUpperCase());
  for (const dialect of dialects) {
    if (dialect !== 'MSNP2' && dialect !== 'MSNP3') throw new Error(`--dialects accepts MSNP3 and MSNP2, not "${dialect}"`);
  }
  return dialects as Dialect[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'ns-port': { type: 'string' },
      'sb-port': { type: 'string' },
      accounts: { type: 'string' },
      dialects: { type: 'string' },
      quiet: { type: 'boolean' },
      'quiet-demo': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const server = await startServer({
    host: values.host ?? '127.0.0.1',
    port: portOption(values.port, 'port', 1863),
    notificationPort: portOption(values['ns-port'], 'ns-port', 0),
    switchboardPort: portOption(values['sb-port'], 'sb-port', 0),
    dialects: dialectsOption(values.dialects),
    accounts: values.accounts ? loadAccountsFile(values.accounts) : undefined,
    // The demo's timeline plays to the demo accounts only.
    demoActivity: !values.accounts && !values['quiet-demo'],
    log: values.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`MSN server listening on ${server.host}:`);
  console.log(`  dispatch      ${server.host}:${server.dispatchPort}   (point the client here)`);
  console.log(`  notification  ${server.host}:${server.notificationPort}`);
  console.log(`  switchboard   ${server.host}:${server.switchboardPort}`);
  if (!values.accounts) console.log(`Demo sign-in: ${DEMO_SIGN_IN.handle} / ${DEMO_SIGN_IN.password}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Shutting down…');
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
