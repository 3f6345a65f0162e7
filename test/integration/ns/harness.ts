// Shared setup for the notification-session integration tests: the project's server (or a scripted
// one) on loopback port 0, a Messenger with a private data directory, and cleanup.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Messenger, type MessengerEvents, type MessengerOptions } from '../../../main/client/messenger';
import type { MessengerState } from '../../../shared/model';
import { type AccountSeed, type MsnServer, startServer } from '../../../server/index';
import { ScriptedServer, type ScriptedServerOptions, type ScriptStep } from '../../support/scripted-server';

export const PASSWORD = 'hunter2';

export const accounts = (...seeds: AccountSeed[]): AccountSeed[] => seeds;

export interface Harness {
  readonly server: MsnServer;
  readonly address: string;
  readonly dataDir: string;
  /** Every Messenger made here; signed out at cleanup. */
  readonly messengers: Messenger[];
  /** Paths handed to openExternal. */
  readonly opened: string[];
  /** Wire lines of every messenger (`C: …` / `S: …`). */
  readonly wire: string[];
  messenger(overrides?: Partial<MessengerOptions>): Messenger;
  cleanup(): Promise<void>;
}

export async function startHarness(options: { dialects?: ('MSNP2' | 'MSNP3')[]; accounts?: AccountSeed[] } = {}): Promise<Harness> {
  const server = await startServer({ dialects: options.dialects, accounts: options.accounts });
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-ns-test-'));
  const messengers: Messenger[] = [];
  const opened: string[] = [];
  const wire: string[] = [];
  return {
    server,
    address: `${server.host}:${server.dispatchPort}`,
    dataDir,
    messengers,
    opened,
    wire,
    messenger(overrides = {}) {
      const messenger = new Messenger({
        dataDir,
        openExternal: async (path) => void opened.push(path),
        log: (line) => wire.push(line),
        ...overrides,
      });
      messengers.push(messenger);
      return messenger;
    },
    async cleanup() {
      await Promise.all(messengers.map((messenger) => messenger.signOut()));
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Tests against a ScriptedServer: each gets its own data directory, and what it started is cleaned up after it. */
export interface ScriptedHarness {
  /** The current test's data directory. */
  readonly dataDir: string;
  /** Starts a server that plays `scripts`, one per connection; closed after the test. */
  serve(scripts: readonly (readonly ScriptStep[])[], options?: ScriptedServerOptions): Promise<ScriptedServer>;
  /** A Messenger on the test's data directory that opens nothing in a browser; signed out after the test. */
  messenger(overrides?: Partial<MessengerOptions>): Messenger;
}

/** Registers the hooks for every test of the file or describe block it is called in. */
export function useScriptedHarness(dataDirPrefix: string): ScriptedHarness {
  let dataDir = '';
  const servers: ScriptedServer[] = [];
  const messengers: Messenger[] = [];
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  });
  afterEach(async () => {
    for (const messenger of messengers.splice(0)) await messenger.signOut();
    for (const server of servers.splice(0)) await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get dataDir() {
      return dataDir;
    },
    async serve(scripts, options) {
      const server = await ScriptedServer.start(scripts, options);
      servers.push(server);
      return server;
    },
    messenger(overrides = {}) {
      const messenger = new Messenger({ dataDir, openExternal: async () => undefined, ...overrides });
      messengers.push(messenger);
      return messenger;
    },
  };
}

/** Resolves with the first payload of `event` that satisfies `predicate` (the current state counts for `state`). */
export function nextEvent<K extends keyof MessengerEvents>(
  messenger: Messenger,
  event: K,
  predicate: (payload: MessengerEvents[K]) => boolean = () => true,
): Promise<MessengerEvents[K]> {
  if (event === 'state' && predicate(messenger.state as MessengerEvents[K])) return Promise.resolve(messenger.state as MessengerEvents[K]);
  return new Promise((resolve) => {
    const off = messenger.on(event, (payload) => {
      if (!predicate(payload)) return;
      off();
      resolve(payload);
    });
  });
}

export const untilState = (messenger: Messenger, predicate: (state: MessengerState) => boolean): Promise<MessengerState> =>
  nextEvent(messenger, 'state', predicate);
