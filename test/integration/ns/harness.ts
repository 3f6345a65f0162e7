// Shared setup for the notification-session integration tests: the project's server on loopback
// port 0, a Messenger with a private data directory and recorded browser openings, and cleanup.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Messenger, type MessengerEvents, type MessengerOptions } from '../../../main/client/messenger';
import type { MessengerState } from '../../../shared/model';
import { type AccountSeed, type MsnServer, startServer } from '../../../server/index';

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
