// `npm run web`: MSN Messenger in a web browser. Runs the same client as the desktop app in this
// Node process and serves its windows as pages on 127.0.0.1 (see web-host.ts).
//
//   npm run web [-- --demo] [--quiet-demo] [--port N] [--data-dir DIR] [--log FILE] [--rebuild] [--verbose]

import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_SIGN_IN, startServer } from '../../server/index';
import { Messenger } from '../client/messenger';
import { MessengerApp } from '../app/app-core';
import { openLog } from '../app/app-log';
import { openWithPlatform } from '../app/open-with-platform';
import { DemoServer } from '../app/demo-server';
import { SOURCE_HISTORY_WORKER } from '../app/history/source-worker';
import { MemorySecretStore } from '../app/secret-store';
import { DEMO_SERVER } from '../app/settings-store';
import { ensureRendererBundle } from './bundle';
import { WebHost } from './web-host';

const USAGE = `Usage: npm run web [-- options]
  --demo           also start the built-in demo server now (sign in as you@demo.msn / demo)
  --quiet-demo     the demo's contacts stay as they are: only Messenger Buddy is online and nobody
                   writes first (steady screenshots and end-to-end tests)
  --port N         listen on this port (default: any free port)
  --data-dir DIR   where settings, contact-list caches and chat history live (default: ~/.config/msn-messenger-web)
  --log FILE       write sign-in steps, errors and the protocol traffic to FILE (passwords hidden,
                   messages by length unless Options asks for their text; rotated at 1 MB)
  --rebuild        build the renderer even when it looks current
  --verbose        the same log on the terminal`;

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      'quiet-demo': { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      log: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port}`);
  const configHome = process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config');
  const dataDir = values['data-dir'] ?? join(configHome, 'msn-messenger-web');
  const appLog = values.log !== undefined || values.verbose ? openLog({ ...(values.log !== undefined && { file: values.log }), stderr: values.verbose }) : undefined;
  const log = appLog && ((line: string) => appLog.info(line));
  const rendererDir = ensureRendererBundle(PROJECT_ROOT, { force: values.rebuild, log: (line) => console.log(line) });

  // The one place the browser host composes the Local demo: the project's server, on loopback.
  const demo = new DemoServer(() =>
    startServer({ host: '127.0.0.1', port: 0, demoActivity: !values['quiet-demo'], ...(log ? { log } : {}) }),
  );
  if (values.demo) {
    const address = await demo.address();
    console.log(`Demo server on ${address}: sign in to "Local demo" as ${DEMO_SIGN_IN.handle} with password "${DEMO_SIGN_IN.password}".`);
  }
  const host = await WebHost.start({
    rendererDir,
    port,
    // The host's own lines (pages, refused sockets) join the log when there is one.
    log: log ?? ((line) => console.error(line)),
    createApp: (shell) =>
      new MessengerApp({
        dataDir,
        // Passwords stay in this process: "remember my password" lasts until the host stops.
        secrets: new MemorySecretStore(),
        shell: { ...shell, showFolder: openWithPlatform },
        demo,
        createMessenger: (options) => new Messenger(options),
        accountDefaults: values.demo ? { lastServer: DEMO_SERVER, lastHandle: DEMO_SIGN_IN.handle } : {},
        history: { worker: SOURCE_HISTORY_WORKER },
        ...(appLog && { log: appLog }),
      }),
  });
  console.log(`MSN Messenger is ready. Open this address in your browser (it carries the access token):\n\n  ${host.url}\n`);
  console.log('Conversations open in their own windows: allow pop-ups for this page. Press Ctrl+C to stop.');

  const stop = async (): Promise<void> => {
    await host.close();
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
