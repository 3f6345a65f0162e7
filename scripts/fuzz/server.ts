// The fuzzer's scripted server, on loopback: a notification server and a switchboard that answer
// the client as a real one would (sign-in, SYN, CHG, PNG; USR, CAL + JOI, MSG A + ACK), and into
// whose connections a case's lines are written: between replies of a sign-in or a switchboard's
// set-up (with a drop there instead of the reply), or into a live session. A case whose bytes leave
// the client's framer mid-line or mid-payload is followed by padding (CR LF up to the largest
// payload), so the next case finds the stream in step: that is checked on a framer of our own fed
// the same bytes, which is also how every case reaches the framer one byte at a time.

import { type Server, type Socket, createServer } from 'node:net';
import { MAX_PAYLOAD_BYTES, type MsnpCommand, MsnpFramer, serializeCommand } from '../../protocol/index';
import { SEED_PROFILE } from '../../test/fixtures/seed';
import { type FuzzCase, type FuzzLine, encodeLines } from './generate';

export const ME = { handle: 'example@hotmail.com', name: 'Example%20User' };
export const FRIEND = { handle: 'friend@example.com', name: 'Friend' };

const encoder = new TextEncoder();
const SYNC_PROBE = encoder.encode('PNG\r\n');
const PADDING = encoder.encode('\r\n'.repeat(Math.ceil(MAX_PAYLOAD_BYTES / 2) + 1));

/** What a case puts into a connection, and where. */
export interface Injection {
  readonly lines: readonly FuzzLine[];
  readonly drop: boolean;
  readonly chunking: FuzzCase['chunking'];
  /** For a set-up: before which of the server's replies (counted from 0). */
  readonly step?: number;
}

/** What feeding a case's bytes to a framer of our own showed. */
export interface FramerReport {
  /** The bytes end the connection (a line too long, a bad MSG length). */
  readonly fatal: boolean;
  /** The framer threw: a defect in the framer itself. */
  readonly threw?: string;
}

/** Feeds `bytes` to a fresh framer in the case's chunks; says whether it is in step afterwards. */
export function checkFraming(bytes: Uint8Array, chunking: FuzzCase['chunking']): FramerReport & { inStep: boolean } {
  let fatal = false;
  let synced = false;
  const framer = new MsnpFramer({
    command: (command) => void (synced ||= command.name === 'PNG' && command.params.length === 0),
    malformed: () => undefined,
    fatal: () => void (fatal = true),
  });
  try {
    for (const chunk of chunks(bytes, chunking)) framer.push(chunk);
    if (!fatal) framer.push(SYNC_PROBE);
  } catch (error) {
    return { fatal: true, inStep: false, threw: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  return { fatal, inStep: fatal || synced };
}

function* chunks(bytes: Uint8Array, chunking: FuzzCase['chunking']): Generator<Uint8Array> {
  if (chunking === 'whole') return yield bytes;
  if (chunking === 'bytes') {
    // One byte at a time for the first 512; the rest of a giant line would only cost time.
    const cut = Math.min(bytes.byteLength, 512);
    for (let index = 0; index < cut; index++) yield bytes.subarray(index, index + 1);
    if (cut < bytes.byteLength) yield bytes.subarray(cut);
    return;
  }
  const cuts = [...new Set(chunking.map((fraction) => Math.floor(fraction * bytes.byteLength)))].sort((a, b) => a - b);
  let start = 0;
  for (const cut of cuts) {
    if (cut <= start) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

/** One client connection on the fuzz server. */
export class FuzzPeer {
  /** The highest transaction id the client has used, for `{next}` and `{last}`. */
  lastTrid = 0;
  /** Replies sent in the set-up order (sign-in or switchboard), for an injection's `step`. */
  private replies = 0;
  private closedFlag = false;
  /**
   * While a case is written in pieces, the server's own replies wait: written between the pieces
   * they would cut a payload in two, and the stream would be out of step through nobody's fault.
   */
  private held: Uint8Array[] | undefined;
  private injections: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly role: 'ns' | 'sb',
    /** The injection armed for this connection's set-up, if any. */
    private readonly setUp: Injection | undefined,
    private readonly onFramer: (report: FramerReport) => void,
  ) {
    const framer = new MsnpFramer(
      { command: (command) => this.receive(command), malformed: () => undefined, fatal: () => this.drop() },
      { peer: 'the client' },
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => framer.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => (this.closedFlag = true));
  }

  get closed(): boolean {
    return this.closedFlag || this.socket.destroyed;
  }

  /** Writes a case's lines (and padding when they leave the stream out of step); drops after them if asked. */
  inject(injection: Injection): Promise<void> {
    // One at a time: a set-up's injection and a live case's may fall due together.
    const turn = this.injections.then(() => this.writeCase(injection));
    this.injections = turn.catch(() => undefined);
    return turn;
  }

  private async writeCase({ lines, drop, chunking }: Injection): Promise<void> {
    const bytes = encodeLines(lines, { next: this.lastTrid + 1, last: this.lastTrid });
    const report = checkFraming(bytes, chunking);
    this.onFramer(report);
    this.held = [];
    try {
      for (const chunk of chunks(bytes, chunking)) {
        if (this.closed) return;
        this.socket.write(chunk);
        if (chunking !== 'whole') await new Promise((resolve) => setImmediate(resolve));
      }
      if (drop) return this.drop();
      if (!report.inStep && !this.closed) this.socket.write(PADDING);
    } finally {
      const held = this.held;
      this.held = undefined;
      for (const reply of held) this.write(reply);
    }
  }

  drop(): void {
    this.closedFlag = true;
    this.socket.destroy();
  }

  private send(line: string, payload?: string): void {
    if (payload === undefined) return this.write(encoder.encode(`${line}\r\n`));
    const [name, ...params] = line.split(' ');
    this.write(serializeCommand({ name: name as string, params, payload: encoder.encode(payload) }));
  }

  private write(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.held) this.held.push(bytes);
    else this.socket.write(bytes);
  }

  /** A set-up reply, with the armed injection before it (and a drop instead of it) when its step comes. */
  private async reply(lines: Array<string | [string, string]>): Promise<void> {
    const step = this.replies++;
    const injection = this.setUp;
    if (injection && injection.step === step) {
      await this.inject({ ...injection, drop: false });
      if (injection.drop) return this.drop();
    }
    for (const line of lines) {
      if (typeof line === 'string') this.send(line);
      else this.send(line[0], line[1]);
    }
  }

  private receive(command: MsnpCommand): void {
    const trid = Number(command.params[0]);
    if (Number.isInteger(trid) && trid > this.lastTrid) this.lastTrid = trid;
    if (this.role === 'ns') void this.answerNotification(command, trid);
    else void this.answerSwitchboard(command, trid);
  }

  private async answerNotification({ name, params }: MsnpCommand, trid: number): Promise<void> {
    switch (name) {
      case 'VER':
        return this.reply([`VER ${trid} MSNP3`]);
      case 'INF':
        return this.reply([`INF ${trid} MD5`]);
      case 'USR':
        if (params[2] === 'I') return this.reply([`USR ${trid} MD5 S 1234567890.123456789`]);
        return this.reply([`USR ${trid} OK ${ME.handle} ${ME.name}`, ['MSG Hotmail Hotmail', SEED_PROFILE]]);
      case 'SYN':
        return this.reply([
          `SYN ${trid} 1`,
          `GTC ${trid} 1 A`,
          `BLP ${trid} 1 AL`,
          `LST ${trid} FL 1 1 2 anotheruser@hotmail.com Another%20User`,
          `LST ${trid} FL 1 2 2 ${FRIEND.handle} ${FRIEND.name}`,
          `LST ${trid} AL 1 1 2 anotheruser@hotmail.com Another%20User`,
          `LST ${trid} AL 1 2 2 ${FRIEND.handle} ${FRIEND.name}`,
          `LST ${trid} BL 1 0 0`,
          `LST ${trid} RL 1 1 1 anotheruser@hotmail.com Another%20User`,
        ]);
      case 'CHG':
        return this.reply([`CHG ${trid} ${params[1] ?? 'NLN'}`, `ILN ${trid} NLN ${FRIEND.handle} ${FRIEND.name}`]);
      case 'PNG':
        return this.send('QNG');
      case 'OUT':
        return this.drop();
      default:
        // Background requests (privacy review, stored names): refused, which the client must take.
        return this.send(`500 ${trid}`);
    }
  }

  private async answerSwitchboard({ name, params }: MsnpCommand, trid: number): Promise<void> {
    switch (name) {
      case 'USR':
        return this.reply([`USR ${trid} OK ${ME.handle} ${ME.name}`]);
      case 'CAL':
        await this.reply([`CAL ${trid} RINGING 11752317`]);
        return this.reply([`JOI ${params[1]} ${FRIEND.name}`]);
      case 'MSG':
        if (params[1] === 'A') return this.reply([`ACK ${trid}`]);
        return;
      case 'OUT':
        this.send('OUT');
        return this.drop();
      default:
        return this.send(`500 ${trid}`);
    }
  }
}

/**
 * One lane's server: a notification listener and a switchboard listener. The lane arms what goes
 * into the set-up of its next connection of each kind, and writes into the newest one.
 */
export class FuzzServer {
  private readonly armed = new Map<'ns' | 'sb', Injection>();
  private readonly latest = new Map<'ns' | 'sb', FuzzPeer>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly notification: Server,
    private readonly switchboard: Server,
    onFramer: (report: FramerReport) => void,
  ) {
    const accept = (role: 'ns' | 'sb') => (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      const injection = this.armed.get(role);
      this.armed.delete(role);
      this.latest.set(role, new FuzzPeer(socket, role, injection, onFramer));
    };
    notification.on('connection', accept('ns'));
    switchboard.on('connection', accept('sb'));
  }

  static async start(onFramer: (report: FramerReport) => void): Promise<FuzzServer> {
    const listen = (): Promise<Server> =>
      new Promise((resolve) => {
        const server = createServer();
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    return new FuzzServer(await listen(), await listen(), onFramer);
  }

  get notificationAddress(): string {
    return `127.0.0.1:${port(this.notification)}`;
  }

  get switchboardPort(): number {
    return port(this.switchboard);
  }

  /** `injection` goes into the set-up of the next connection of that kind. */
  arm(role: 'ns' | 'sb', injection: Injection): void {
    this.armed.set(role, injection);
  }

  /** The newest connection of that kind. */
  peer(role: 'ns' | 'sb'): FuzzPeer | undefined {
    return this.latest.get(role);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([this.notification, this.switchboard].map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function port(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
