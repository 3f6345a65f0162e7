// A switchboard played by the test: a loopback server on port 0 whose connections are read and
// answered line by line, so switchboard behaviour is tested as a transcript. Waiting uses no timers
// (the test's own timeout catches a hang), so it works under fake timers.

import { type Server, type Socket, createServer } from 'node:net';
import { type MsnpCommand, MsnpFramer, serializeCommand } from '../../../protocol/index';
import type { SwitchboardRing, SwitchboardTicket } from '../../../main/sb/types';

/** `NAME p1 p2`: a command as one line, without MSG's length token. */
export function lineOf(command: MsnpCommand): string {
  return [command.name, ...command.params].join(' ');
}

const decoder = new TextDecoder();

/** The wire bytes of a relayed MSG. */
export function relayed(from: string, encodedName: string, payload: string | Uint8Array): Uint8Array {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return serializeCommand({ name: 'MSG', params: [from, encodedName], payload: bytes });
}

/** One client connection as seen by the scripted switchboard. */
export class ScriptedPeer {
  readonly received: MsnpCommand[] = [];
  private readonly queue: MsnpCommand[] = [];
  private wake: (() => void) | undefined;
  private isClosed = false;
  readonly closed: Promise<void>;

  constructor(private readonly socket: Socket) {
    const framer = new MsnpFramer({
      command: (command) => {
        this.received.push(command);
        this.queue.push(command);
        this.wake?.();
      },
      malformed: (error) => {
        throw error;
      },
      fatal: (error) => {
        throw error;
      },
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => framer.push(chunk));
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.wake?.();
        resolve();
      }),
    );
  }

  /** The next command the client sent. */
  async next(): Promise<MsnpCommand> {
    for (;;) {
      const command = this.queue.shift();
      if (command) return command;
      if (this.isClosed) throw new Error(`The client closed the switchboard; it sent:\n${this.received.map(lineOf).join('\n')}`);
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /** The next command must be `line`; returns it (with its payload). */
  async expect(line: string): Promise<MsnpCommand> {
    const command = await this.next();
    if (lineOf(command) !== line) throw new Error(`Expected "${line}" but the client sent "${lineOf(command)}"`);
    return command;
  }

  /** The next command must be a MSG with this ack mode; returns its TrID and decoded payload. */
  async expectMessage(mode: 'U' | 'N' | 'A'): Promise<{ trid: string; text: string; payload: Uint8Array }> {
    const command = await this.next();
    if (command.name !== 'MSG' || command.params[1] !== mode) throw new Error(`Expected MSG … ${mode} but got "${lineOf(command)}"`);
    const payload = command.payload ?? new Uint8Array(0);
    return { trid: command.params[0] ?? '', text: decoder.decode(payload), payload };
  }

  /** Writes lines; each gets CR LF. */
  send(...lines: string[]): void {
    this.socket.write(lines.map((line) => line + '\r\n').join(''));
  }

  /** `MSG handle name length` + payload, as the switchboard relays it. */
  relay(from: string, encodedName: string, payload: string | Uint8Array): void {
    this.socket.write(relayed(from, encodedName, payload));
  }

  /** Writes bytes as they are (several commands in one TCP write). */
  write(...chunks: Array<string | Uint8Array>): void {
    this.socket.write(Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))));
  }

  /** Closes from the switchboard's side (idle timeout, crash). */
  async drop(): Promise<void> {
    this.socket.destroy();
    await this.closed;
  }

  /** Closes after the client's OUT, as a switchboard does. */
  async expectOut(): Promise<void> {
    await this.expect('OUT');
    this.socket.end();
    await this.closed;
  }
}

export class ScriptedSwitchboard {
  private readonly waiting: ScriptedPeer[] = [];
  private readonly peers: ScriptedPeer[] = [];
  private wake: (() => void) | undefined;

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      const peer = new ScriptedPeer(socket);
      this.peers.push(peer);
      this.waiting.push(peer);
      this.wake?.();
    });
  }

  static start(): Promise<ScriptedSwitchboard> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(new ScriptedSwitchboard(server)));
    });
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('The scripted switchboard is not listening');
    return address.port;
  }

  /** How many connections were made so far. */
  get connections(): number {
    return this.peers.length;
  }

  ticket(cookie = 'cookie.1'): SwitchboardTicket {
    return { host: '127.0.0.1', port: this.port, cookie };
  }

  ring(inviter: string, inviterName: string, cookie = 'ring.cookie', sessionId = '11752317'): SwitchboardRing {
    return { ...this.ticket(cookie), sessionId, inviter, inviterName };
  }

  /** The next client connection. */
  async accept(): Promise<ScriptedPeer> {
    for (;;) {
      const peer = this.waiting.shift();
      if (peer) return peer;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.peers.map((peer) => peer.drop()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
