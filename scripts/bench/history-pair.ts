// The two clients of (h)'s round trip: A sends, B echoes, A times the echo; in the "on" pair both
// keep history as the app does. Apart from that the two pairs are made the same way.

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryService } from '../../main/app/history/service';
import { SOURCE_HISTORY_WORKER } from '../../main/app/history/source-worker';
import { Messenger } from '../../main/client/messenger';

export const alice = { handle: 'alice@bench.example', password: 'alice' };
export const bob = { handle: 'bob@bench.example', password: 'bob' };

/** The server's accounts for a pair: Alice and Bob on each other's lists. */
export const PAIR_ACCOUNTS = [
  { ...alice, friendlyName: 'Alice', lists: { FL: [bob.handle], AL: [bob.handle] } },
  { ...bob, friendlyName: 'Bob', lists: { FL: [alice.handle], AL: [alice.handle] } },
];

export interface Pair {
  /** The clients' history services; none for a pair without history. */
  readonly history: readonly HistoryService[];
  roundTrip(text: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Two signed-in clients; B echoes what A sends. With `history`, both keep history as the app does,
 * and the pair is ready once both databases are open: a worker still loading SQLite would take the
 * CPU from the first round trips of either pair, which is the sign-in's cost, not a message's.
 */
export async function signedInPair(address: string, root: string, history: boolean): Promise<Pair> {
  const a = new Messenger({ dataDir: join(root, 'a'), openExternal: () => undefined });
  const b = new Messenger({ dataDir: join(root, 'b'), openExternal: () => undefined });
  const services = history
    ? [a, b].map((messenger, index) => new HistoryService(messenger, { dataDir: join(root, `history-${index}`), worker: SOURCE_HISTORY_WORKER, keepsHistory: () => true }))
    : [];
  await a.signIn({ server: address, handle: alice.handle, password: alice.password });
  await b.signIn({ server: address, handle: bob.handle, password: bob.password });
  await Promise.all(services.map((service) => service.store()?.ready));
  b.on('message', ({ conversationId, text }) => b.sendMessage(conversationId, text));
  let echoed: ((text: string) => void) | undefined;
  a.on('message', ({ text }) => echoed?.(text));
  const conversation = a.openConversation(bob.handle);
  return {
    history: services,
    roundTrip: async (text) => {
      const started = performance.now();
      const back = new Promise<void>((resolve) => (echoed = (received) => received === text && resolve()));
      a.sendMessage(conversation, text);
      await back;
      return performance.now() - started;
    },
    close: async () => {
      await Promise.all([a.signOut(), b.signOut()]);
      await Promise.all(services.map((service) => service.close()));
    },
  };
}
