// (e) Two signed-in clients on the project's server: the round trip of a message through the
// switchboard (A sends, B's client echoes it on arrival, A receives the echo) and a burst of
// messages from A until every one is ACKed, each beside two raw-socket scripts doing the same on
// the same server in alternate rounds.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Messenger } from '../../main/client/messenger';
import { createConversationService } from '../../main/sb/index';
import { DEFAULT_INVITATION_LIMITS } from '../../main/sb/invitation-policy';
import { startServer } from '../../server/index';
import { formatNumber, median, milliseconds, percentile, printTable } from './measure';
import { type BenchResult, judge } from './results';
import { RawConversation } from './switchboard-floor';
import { entriesBetween } from '../../shared/transcript';

/**
 * Round trips before the measured ones, in both pairs. V8 runs new code in its interpreter and
 * baseline tiers first and optimises it after enough calls; with 50 the measured round trips were
 * mostly that climb, for the server as much as for either side (the raw pair measured 0.12–0.15 ms,
 * against 0.07 ms once warm), which says how fast V8 warms up rather than how the design performs
 * in a conversation that lasts. A thousand takes about a quarter of a second.
 */
const WARMUP = 1000;
const ROUND_TRIPS = 1000;
const BURST = 2000;
const BURST_WARMUP = 1;
const BURST_ROUNDS = 11;

const alice = { handle: 'alice@bench.example', password: 'alice' };
const bob = { handle: 'bob@bench.example', password: 'bob' };
const carol = { handle: 'carol@bench.example', password: 'carol' };
const dave = { handle: 'dave@bench.example', password: 'dave' };

const burstText = (index: number): string => `burst ${index} ${'lorem ipsum '.repeat(4)}`;

/** A's and B's Messengers in one conversation; B echoes while `echo` is on. */
class ClientConversation {
  echo = true;
  private echoed: ((text: string) => void) | undefined;

  private constructor(
    private readonly a: Messenger,
    private readonly b: Messenger,
    private conversation: string,
  ) {
    b.on('message', ({ conversationId, text }) => {
      if (this.echo) b.sendMessage(conversationId, text);
    });
    a.on('message', ({ text }) => this.echoed?.(text));
  }

  static async open(address: string, root: string): Promise<ClientConversation> {
    const a = new Messenger({ dataDir: join(root, 'alice'), openExternal: () => undefined });
    // Each burst round opens a fresh conversation, so A invites B more often than a person would:
    // B answers every one of them (its other limits stay as they are).
    const invitations = { ...DEFAULT_INVITATION_LIMITS, perInviterBurst: 2 + BURST_WARMUP + BURST_ROUNDS };
    const b = new Messenger({
      dataDir: join(root, 'bob'),
      openExternal: () => undefined,
      conversations: (host) => createConversationService(host, { invitations }),
    });
    await a.signIn({ server: address, handle: alice.handle, password: alice.password });
    await b.signIn({ server: address, handle: bob.handle, password: bob.password });
    return new ClientConversation(a, b, a.openConversation(bob.handle));
  }

  async roundTrip(text: string): Promise<number> {
    const started = performance.now();
    const back = new Promise<void>((resolve) => (this.echoed = (received) => received === text && resolve()));
    this.a.sendMessage(this.conversation, text);
    await back;
    return performance.now() - started;
  }

  /**
   * Leaves the conversation on both sides and starts another, its switchboard up and a first
   * message delivered: every burst round then starts from the same place, as the raw scripts do.
   */
  async startAfresh(): Promise<void> {
    this.echo = false;
    this.a.closeConversation(this.conversation);
    for (const id of Object.keys(this.b.state.conversations)) this.b.closeConversation(id);
    this.conversation = this.a.openConversation(bob.handle);
    const hello = this.a.sendMessage(this.conversation, 'hello');
    await new Promise<void>((resolve) => {
      const check = (): boolean => this.deliveredLast(hello) && (off(), resolve(), true);
      const off = this.a.on('state', check);
      check();
    });
  }

  /** Sends `count` messages; resolves with the milliseconds until the last is ACKed (ACKs come in order). */
  async burst(count: number, text: (index: number) => string): Promise<number> {
    const started = performance.now();
    const sent: string[] = [];
    for (let index = 0; index < count; index++) sent.push(this.a.sendMessage(this.conversation, text(index)));
    const last = sent.at(-1);
    await new Promise<void>((resolve) => {
      const check = (): boolean => this.deliveredLast(last) && (off(), resolve(), true);
      const off = this.a.on('state', check);
      check();
    });
    const ms = performance.now() - started;
    const ids = new Set(sent);
    const conversation = this.a.state.conversations[this.conversation];
    const entries = conversation ? entriesBetween(conversation, 0) : [];
    const delivered = entries.filter((entry) => ids.has(entry.id) && entry.type === 'message' && entry.delivery === 'delivered').length;
    if (delivered !== count) throw new Error(`${delivered} of ${count} messages were delivered`);
    return ms;
  }

  private deliveredLast(id: string | undefined): boolean {
    const entry = this.a.state.conversations[this.conversation]?.entries.at(-1);
    return entry?.id === id && entry?.type === 'message' && entry.delivery === 'delivered';
  }

  async close(): Promise<void> {
    await Promise.all([this.a.signOut(), this.b.signOut()]);
  }
}

export async function benchSwitchboard(): Promise<BenchResult[]> {
  const server = await startServer({
    accounts: [
      { ...alice, friendlyName: 'Alice', lists: { FL: [bob.handle], AL: [bob.handle] } },
      { ...bob, friendlyName: 'Bob', lists: { FL: [alice.handle], AL: [alice.handle] } },
      { ...carol, friendlyName: 'Carol', lists: { FL: [dave.handle], AL: [dave.handle] } },
      { ...dave, friendlyName: 'Dave', lists: { FL: [carol.handle], AL: [carol.handle] } },
    ],
  });
  const root = await mkdtemp(join(tmpdir(), 'msn-bench-sb-'));
  const clients = await ClientConversation.open(`${server.host}:${server.dispatchPort}`, root);
  const raw = await RawConversation.open(server.dispatchPort, carol, dave);
  try {
    const clientTrips: number[] = [];
    const rawTrips: number[] = [];
    for (let index = 0; index < WARMUP + ROUND_TRIPS; index++) {
      const rawMs = await raw.roundTrip(`ping ${index}`);
      const clientMs = await clients.roundTrip(`ping ${index}`);
      if (index < WARMUP) continue;
      rawTrips.push(rawMs);
      clientTrips.push(clientMs);
    }
    const clientBursts: number[] = [];
    const rawBursts: number[] = [];
    for (let round = 0; round < BURST_WARMUP + BURST_ROUNDS; round++) {
      const rawMs = await raw.burst(BURST, burstText);
      await clients.startAfresh();
      const clientMs = await clients.burst(BURST, burstText);
      if (round < BURST_WARMUP) continue;
      rawBursts.push(rawMs);
      clientBursts.push(clientMs);
    }
    const rate = (ms: number): string => `${milliseconds(ms)} (${formatNumber(BURST / (ms / 1000))} messages/s)`;
    printTable(
      `(e) Switchboard over loopback: two signed-in clients, and two raw-socket scripts in alternate rounds`,
      ['measure', 'clients', 'raw scripts'],
      [
        [`round trip A → B → A, p50 (${ROUND_TRIPS} after ${WARMUP} warm-up)`, milliseconds(median(clientTrips)), milliseconds(median(rawTrips))],
        ['round trip p95', milliseconds(percentile(clientTrips, 0.95)), milliseconds(percentile(rawTrips, 0.95))],
        ['round trip max', milliseconds(Math.max(...clientTrips)), milliseconds(Math.max(...rawTrips))],
        [`burst of ${formatNumber(BURST)}: all ACKed at A, median of ${BURST_ROUNDS}`, rate(median(clientBursts)), rate(median(rawBursts))],
      ],
    );
    return [
      judge({ name: 'sb-roundtrip', value: median(clientTrips), floor: median(rawTrips), unit: 'ms' }, { maxRatio: 1.2 }),
      judge({ name: 'sb-burst', value: median(clientBursts), floor: median(rawBursts), unit: 'ms' }, { maxRatio: 1.5 }),
    ];
  } finally {
    raw.close();
    await clients.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
