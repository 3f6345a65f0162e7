// A bare MSNP peer for integration tests: a loopback socket plus the project's codec. Send lines as
// text, then await the lines expected back, each with a timeout, so a test reads like a transcript.
// It knows no protocol rules; `signInRaw` below adds the one sequence nearly every server test needs.

import { type Socket, connect } from 'node:net';
import { type MsnpCommand, MsnpFramer, serializeCommand } from '../../protocol/index';
import { md5Hex } from '../../protocol/md5';

export const DEFAULT_WAIT_MS = 2000;

/** `NAME p1 p2` — a command as one line of text, without MSG's length token or payload. */
export function lineOf(command: MsnpCommand): string {
  return [command.name, ...command.params].join(' ');
}

export class RawClient {
  /** Every command received so far, in order. */
  readonly received: MsnpCommand[] = [];
  /** Every byte received so far, as it came off the wire (to check what the framer would hide). */
  private readonly wire: Buffer[] = [];
  private readonly queue: MsnpCommand[] = [];
  private waiter: (() => void) | undefined;
  private readonly framer: MsnpFramer;
  private problem: Error | undefined;
  private closedFlag = false;
  private readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.framer = new MsnpFramer(
      {
        command: (command) => {
          this.received.push(command);
          this.queue.push(command);
          this.wake();
        },
        malformed: (error) => this.fail(new Error(`Malformed line from the server: ${error.line}`)),
        fatal: (error) => this.fail(error),
      },
      { maxPayloadBytes: 64 * 1024 },
    );
    socket.on('data', (chunk: Buffer) => {
      this.wire.push(chunk);
      this.framer.push(chunk);
    });
    socket.on('error', () => undefined);
    this.closedPromise = new Promise((resolve) =>
      socket.on('close', () => {
        this.closedFlag = true;
        this.wake();
        resolve();
      }),
    );
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.setNoDelay(true);
        resolve(new RawClient(socket));
      });
    });
  }

  /** The bytes received so far. */
  receivedBytes(): Buffer {
    return Buffer.concat(this.wire);
  }

  /** Sends one line; CR LF is added. */
  send(line: string): void {
    this.socket.write(line + '\r\n');
  }

  /** Sends a command through the codec; a string payload is sent as UTF-8. */
  sendCommand(name: string, params: readonly string[], payload?: string | Uint8Array): void {
    const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
    this.socket.write(serializeCommand({ name, params, payload: bytes }));
  }

  sendBytes(bytes: Uint8Array | string): void {
    this.socket.write(bytes);
  }

  /** The next command, whatever it is. */
  async next(timeoutMs = DEFAULT_WAIT_MS): Promise<MsnpCommand> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.problem) throw this.problem;
      const command = this.queue.shift();
      if (command) return command;
      if (this.closedFlag) throw new Error(`Connection closed while waiting; received so far:\n${this.history()}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No line within ${timeoutMs} ms; received so far:\n${this.history()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  /** The next command must be exactly `line` (compared as `lineOf`); returns it for payload checks. */
  async expect(line: string, timeoutMs = DEFAULT_WAIT_MS): Promise<MsnpCommand> {
    const command = await this.next(timeoutMs);
    if (lineOf(command) !== line) throw new Error(`Expected "${line}" but got "${lineOf(command)}"`);
    return command;
  }

  /** The next command must match the pattern (tested against `lineOf`). */
  async expectMatch(pattern: RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<MsnpCommand> {
    const command = await this.next(timeoutMs);
    if (!pattern.test(lineOf(command))) throw new Error(`Expected ${pattern} but got "${lineOf(command)}"`);
    return command;
  }

  /** Skips commands until one matches (a name, or a predicate); returns it. */
  async waitFor(match: string | ((command: MsnpCommand) => boolean), timeoutMs = DEFAULT_WAIT_MS): Promise<MsnpCommand> {
    const test = typeof match === 'string' ? (command: MsnpCommand) => command.name === match : match;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const command = await this.next(Math.max(1, deadline - Date.now()));
      if (test(command)) return command;
    }
  }

  /** Resolves when the server has closed the connection; fails if a line arrives first. */
  async expectClosed(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    try {
      const command = await this.next(timeoutMs);
      throw new Error(`Expected the connection to close, but got "${lineOf(command)}"`);
    } catch (error) {
      if (!this.closedFlag) throw error;
    }
  }

  /** Closes from this side and waits for the socket to be gone. */
  async close(): Promise<void> {
    this.socket.destroy();
    await this.closedPromise;
  }

  private history(): string {
    return this.received.map((command) => '  ' + lineOf(command)).join('\n') || '  (nothing)';
  }

  private fail(error: Error): void {
    this.problem ??= error;
    this.wake();
  }

  private wake(): void {
    this.waiter?.();
  }
}

export interface RawSignIn {
  client: RawClient;
  /** Every line after USR OK up to the QNG barrier: the profile and mail messages. */
  serviceMessages: MsnpCommand[];
  /** The next free transaction id on this connection. */
  trid: number;
}

export interface RawSignInOptions {
  host?: string;
  /** What the client offers in VER; default `MSNP3 MSNP2 CVR0`. */
  dialects?: string;
}

/**
 * Signs in directly on a notification server (VER, INF, USR I, USR S) and reads the service messages
 * that follow USR OK, using PNG/QNG as a barrier so nothing is left unread.
 */
export async function signInRaw(
  notificationPort: number,
  handle: string,
  password: string,
  options: RawSignInOptions = {},
): Promise<RawSignIn> {
  const client = await RawClient.connect(notificationPort, options.host);
  client.send(`VER 1 ${options.dialects ?? 'MSNP3 MSNP2 CVR0'}`);
  await client.expectMatch(/^VER 1 MSNP[23]$/);
  client.send('INF 2');
  await client.expect('INF 2 MD5');
  client.send(`USR 3 MD5 I ${handle}`);
  const challenge = (await client.expectMatch(/^USR 3 MD5 S \S+$/)).params[3] as string;
  client.send(`USR 4 MD5 S ${md5Hex(challenge + password)}`);
  await client.expectMatch(new RegExp(`^USR 4 OK ${handle.replace(/[.+]/g, '\\$&')} \\S+$`));
  client.send('PNG');
  const serviceMessages: MsnpCommand[] = [];
  for (let command = await client.next(); command.name !== 'QNG'; command = await client.next()) {
    serviceMessages.push(command);
  }
  return { client, serviceMessages, trid: 5 };
}
