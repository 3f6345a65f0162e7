// (e) Two signed-in clients on the project's server: the round trip of a message through the
// switchboard (A sends, B's client echoes it on arrival, A receives the echo) and the throughput of a
// burst of messages from A to B.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Messenger } from '../../main/client/messenger';
import { startServer } from '../../server/index';
import { formatNumber, milliseconds, percentile, printTable } from './measure';

const WARMUP = 20;
const ROUND_TRIPS = 200;
const BURST = 2000;

const alice = { handle: 'alice@bench.example', password: 'alice' };
const bob = { handle: 'bob@bench.example', password: 'bob' };

export async function benchSwitchboard(): Promise<void> {
  const server = await startServer({
    accounts: [
      { ...alice, friendlyName: 'Alice', lists: { FL: [bob.handle], AL: [bob.handle] } },
      { ...bob, friendlyName: 'Bob', lists: { FL: [alice.handle], AL: [alice.handle] } },
    ],
  });
  const root = await mkdtemp(join(tmpdir(), 'msn-bench-sb-'));
  const a = new Messenger({ dataDir: join(root, 'alice'), openExternal: () => undefined });
  const b = new Messenger({ dataDir: join(root, 'bob'), openExternal: () => undefined });
  try {
    const address = `${server.host}:${server.dispatchPort}`;
    await a.signIn({ server: address, handle: alice.handle, password: alice.password });
    await b.signIn({ server: address, handle: bob.handle, password: bob.password });

    let echo = true;
    let receivedByBob = 0;
    b.on('message', ({ conversationId, text }) => {
      receivedByBob++;
      if (echo) b.sendMessage(conversationId, text);
    });
    let echoed: ((text: string) => void) | undefined;
    a.on('message', ({ text }) => echoed?.(text));
    const conversation = a.openConversation(bob.handle);
    const roundTrip = async (index: number): Promise<number> => {
      const text = `ping ${index}`;
      const started = performance.now();
      const back = new Promise<void>((resolve) => (echoed = (received) => received === text && resolve()));
      a.sendMessage(conversation, text);
      await back;
      return performance.now() - started;
    };
    for (let index = 0; index < WARMUP; index++) await roundTrip(index);
    const samples: number[] = [];
    for (let index = 0; index < ROUND_TRIPS; index++) samples.push(await roundTrip(WARMUP + index));

    echo = false;
    receivedByBob = 0;
    const delivered = (): number =>
      (a.state.conversations[conversation]?.entries ?? []).filter((entry) => entry.type === 'message' && entry.delivery === 'delivered').length;
    const deliveredBefore = delivered();
    const burstStarted = performance.now();
    const allReceived = new Promise<void>((resolve) => {
      const off = b.on('message', () => receivedByBob === BURST && (off(), resolve()));
    });
    for (let index = 0; index < BURST; index++) a.sendMessage(conversation, `burst ${index} ${'lorem ipsum '.repeat(4)}`);
    await allReceived;
    const receivedMs = performance.now() - burstStarted;
    await new Promise<void>((resolve) => {
      const check = (): boolean => delivered() - deliveredBefore === BURST && (off(), resolve(), true);
      const off = a.on('state', check);
      check();
    });
    const acknowledgedMs = performance.now() - burstStarted;

    printTable(`(e) Switchboard between two signed-in clients over loopback`, ['measure', 'figure'], [
      [`round trip A → B → A, p50 (${ROUND_TRIPS} after ${WARMUP} warm-up)`, milliseconds(percentile(samples, 0.5))],
      ['round trip p95', milliseconds(percentile(samples, 0.95))],
      ['round trip max', milliseconds(Math.max(...samples))],
      [`burst of ${formatNumber(BURST)} messages: all received by B`, `${milliseconds(receivedMs)} (${formatNumber(BURST / (receivedMs / 1000))} messages/s)`],
      ['same burst: all ACKed at A (delivered)', `${milliseconds(acknowledgedMs)} (${formatNumber(BURST / (acknowledgedMs / 1000))} messages/s)`],
    ]);
  } finally {
    await Promise.all([a.signOut(), b.signOut()]);
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
