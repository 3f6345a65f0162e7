// A scripted transcript server for protocol tests (STYLE.md "Tests"): each accepted connection
// plays one script of `C:`/`S:` lines on a loopback port 0. `C:` lines must match what the client
// sends (a `*` token matches anything); `S:` lines are sent as soon as every earlier `C:` line has
// arrived. `{port}` in a server line becomes the server's own port, so a script can refer the
// client back to the same server (DS → NS). `CLOSE` drops the connection; `HANG` stops answering.
// `NEXT-READ` holds the lines after it until the client has read the ones before: two turns of the
// event loop (the client reads in the turn after they were written), so they reach it in a read of
// their own, in the turn after, as a burst the kernel hands over in pieces does. A script with it
// is sent with Nagle's algorithm off, or the kernel would hold the later lines and join them up.
// With `byteDelayMs`, the server is a slow link: each byte it sends waits that long after the one
// before (on setTimeout, so fake timers drive it), and CLOSE waits for the last one.

import { type Server, type Socket, createServer } from 'node:net';
import { TypedEmitter } from '../../shared/emitter';
import { type MsnpCommand, MsnpFramer } from '../../protocol/index';

export type ScriptStep = string | { readonly raw: Uint8Array };

/** `S: MSG sender name length` followed by the payload, with the length counted in bytes. */
export function serverMessage(sender: string, name: string, payload: string): ScriptStep {
  const body = Buffer.from(payload, 'utf8');
  return { raw: Buffer.concat([Buffer.from(`MSG ${sender} ${name} ${body.byteLength}\r\n`), body]) };
}

export interface ScriptedServerOptions {
  /** Sends one byte per this many milliseconds instead of each line at once. */
  readonly byteDelayMs?: number;
}

interface ScriptedEvents {
  line: { readonly connection: number; readonly line: string };
  closed: number;
}

export class ScriptedServer extends TypedEmitter<ScriptedEvents> {
  /** Client lines per connection, in arrival order (MSG payloads are not included). */
  readonly received: string[][] = [];
  /** Lines that did not match the script, and connections the script did not expect. */
  readonly failures: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly scripts: readonly (readonly ScriptStep[])[],
    private readonly options: ScriptedServerOptions,
  ) {
    super();
  }

  static async start(scripts: readonly (readonly ScriptStep[])[], options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
    const server = createServer();
    const scripted = new ScriptedServer(server, scripts, options);
    server.on('connection', (socket) => scripted.play(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return scripted;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get connections(): number {
    return this.received.length;
  }

  /** Resolves when a client line starting with `prefix` arrives (or has arrived) on any connection. */
  waitForLine(prefix: string): Promise<string> {
    const seen = this.received.flat().find((line) => line.startsWith(prefix));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const off = this.on('line', ({ line }) => {
        if (!line.startsWith(prefix)) return;
        off();
        resolve(line);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private play(socket: Socket): void {
    const index = this.received.length;
    const lines: string[] = [];
    this.received.push(lines);
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.emit('closed', index);
    });
    socket.on('error', () => undefined);
    const script = this.scripts[index];
    if (!script) {
      this.failures.push(`connection ${index + 1} was not expected`);
      socket.destroy();
      return;
    }
    let position = 0;
    let hung = false;
    if (script.includes('NEXT-READ')) socket.setNoDelay(true);
    const link = slowLink(socket, this.options.byteDelayMs);
    const advance = (): void => {
      for (; position < script.length && !hung; position++) {
        const step = script[position] as ScriptStep;
        if (typeof step !== 'string') link.write(step.raw);
        else if (step === 'CLOSE') return void link.close();
        else if (step === 'HANG') hung = true;
        else if (step === 'NEXT-READ') {
          position++;
          return void setImmediate(() => setImmediate(advance));
        }
        else if (step.startsWith('S: ')) link.write(Buffer.from(step.slice(3).replaceAll('{port}', String(this.port)) + '\r\n'));
        else if (step.startsWith('C: ')) return;
        else throw new Error(`Bad script step: ${step}`);
      }
    };
    const framer = new MsnpFramer({
      command: (command: MsnpCommand) => {
        const line = [command.name, ...command.params].join(' ');
        lines.push(line);
        this.emit('line', { connection: index, line });
        const step = script[position];
        if (hung || typeof step !== 'string' || !step.startsWith('C: ')) return;
        if (!matches(step.slice(3), line)) {
          this.failures.push(`connection ${index + 1}: expected "${step.slice(3)}", got "${line}"`);
          socket.destroy();
          return;
        }
        position++;
        advance();
      },
      malformed: (error) => this.failures.push(`connection ${index + 1}: malformed "${error.line}"`),
      fatal: (error) => this.failures.push(`connection ${index + 1}: ${error.message}`),
    });
    socket.on('data', (chunk: Buffer) => framer.push(chunk));
    advance();
  }
}

/** Writes to `socket` at once, or one byte per `byteDelayMs`; `close` destroys it after what is queued. */
function slowLink(socket: Socket, byteDelayMs: number | undefined): { write(bytes: Uint8Array): void; close(): void } {
  if (byteDelayMs === undefined) return { write: (bytes) => void socket.write(bytes), close: () => void socket.destroy() };
  // Without it, Nagle's algorithm would hold each byte until the client's delayed ACK of the one before.
  socket.setNoDelay(true);
  const queue: number[] = [];
  let closing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pump = (): void => {
    timer = undefined;
    const byte = queue.shift();
    if (byte !== undefined && !socket.destroyed) socket.write(Uint8Array.of(byte));
    if (queue.length > 0) timer = setTimeout(pump, byteDelayMs);
    else if (closing) socket.destroy();
  };
  socket.on('close', () => clearTimeout(timer));
  return {
    write(bytes) {
      queue.push(...bytes);
      timer ??= setTimeout(pump, byteDelayMs);
    },
    close() {
      closing = true;
      if (timer === undefined) socket.destroy();
    },
  };
}

function matches(expected: string, actual: string): boolean {
  const want = expected.split(' ');
  const got = actual.split(' ');
  return want.length === got.length && want.every((token, index) => token === '*' || token === got[index]);
}
