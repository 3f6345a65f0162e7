// The floors' MSNP peer: a socket, lines found with indexOf, MSG payloads stepped over by their
// length, and nothing else (no codec, no transactions, no state). The raw-socket scripts that stand
// beside the client's figures speak through it, so their cost is the server's and the kernel's.

import { createHash } from 'node:crypto';
import { type Socket, connect } from 'node:net';

/** One line as received: its text (without CR LF) split on spaces, and a MSG's payload. */
export interface RawLine {
  readonly tokens: readonly string[];
  readonly payload?: Buffer;
}

type Waiter = { readonly test: (line: RawLine) => boolean; readonly resolve: (line: RawLine) => void };

export class RawPeer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly waiters: Waiter[] = [];
  /** Called for every line, before any waiter sees it. */
  onLine: (line: RawLine) => void = () => undefined;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawPeer(socket));
      });
    });
  }

  send(line: string): void {
    this.socket.write(line + '\r\n');
  }

  /** `MSG trid mode length` with its payload, in one write. */
  sendMessage(trid: number, mode: string, payload: Buffer): void {
    this.socket.write(Buffer.concat([Buffer.from(`MSG ${trid} ${mode} ${payload.byteLength}\r\n`), payload]));
  }

  /** The next line that passes `test` (lines before it are only seen by onLine). */
  next(test: (line: RawLine) => boolean): Promise<RawLine> {
    if (this.closed) return Promise.reject(new Error('The connection is closed'));
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** The next line named `name`. */
  reply(name: string): Promise<RawLine> {
    return this.next((line) => line.tokens[0] === name);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let bytes = this.pending.byteLength > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      const lineFeed = bytes.indexOf(0x0a, offset);
      if (lineFeed < 0) break;
      const tokens = bytes.toString('latin1', offset, lineFeed - 1).split(' ');
      let next = lineFeed + 1;
      let payload: Buffer | undefined;
      if (tokens[0] === 'MSG') {
        const end = next + Number(tokens[tokens.length - 1]);
        if (end > bytes.byteLength) break;
        payload = bytes.subarray(next, end);
        next = end;
      }
      offset = next;
      this.deliver(payload ? { tokens, payload } : { tokens });
    }
    bytes = bytes.subarray(offset);
    this.pending = bytes.byteLength > 0 ? Buffer.from(bytes) : Buffer.alloc(0);
  }

  private deliver(line: RawLine): void {
    this.onLine(line);
    const index = this.waiters.findIndex((waiter) => waiter.test(line));
    if (index < 0) return;
    const [waiter] = this.waiters.splice(index, 1);
    waiter?.resolve(line);
  }
}

export const md5Hex = (text: string): string => createHash('md5').update(text).digest('hex');

/** `host:port` of an XFR line (`XFR trid NS|SB host:port …`) as a port on loopback. */
export function portOf(line: RawLine): number {
  return Number((line.tokens[3] ?? '').split(':')[1]);
}

/**
 * VER, INF, USR I, a referral when the server makes one, then USR S on the notification server:
 * the exchange every sign-in starts with. Returns the signed-in connection and the next TrID.
 */
export async function rawAuthenticate(port: number, handle: string, password: string): Promise<{ peer: RawPeer; trid: number }> {
  let trid = 1;
  let peer = await RawPeer.connect(port);
  for (;;) {
    peer.send(`VER ${trid++} MSNP3 MSNP2 CVR0`);
    await peer.reply('VER');
    peer.send(`INF ${trid++}`);
    await peer.reply('INF');
    peer.send(`USR ${trid++} MD5 I ${handle}`);
    const answer = await peer.next((line) => line.tokens[0] === 'USR' || line.tokens[0] === 'XFR');
    if (answer.tokens[0] === 'USR') {
      peer.send(`USR ${trid++} MD5 S ${md5Hex(`${answer.tokens[4]}${password}`)}`);
      await peer.reply('USR');
      return { peer, trid };
    }
    peer.close();
    peer = await RawPeer.connect(portOf(answer));
  }
}
