// One client connection on any of the three listeners: frames bytes with the project's codec, hands
// each command to a handler, and turns every failure (bad bytes, a throwing handler, socket errors)
// into a logged close of this connection only — never a crash of the server.

import type { Socket } from 'node:net';
import { type MsnpCommand, MsnpFramer, serializeCommand } from '../protocol/index';

export type Log = (line: string) => void;

export class Peer {
  private readonly framer: MsnpFramer;
  private closed = false;
  private finished = false;
  private readonly closeListeners: Array<() => void> = [];
  /** Set by the owner; commands that arrive before it is set are impossible (it is set right away). */
  onCommand: (command: MsnpCommand) => void = () => undefined;
  readonly label: string;
  /** The client's IP address, for per-address limits. */
  readonly address: string;

  constructor(
    private readonly socket: Socket,
    kind: string,
    private readonly log: Log,
  ) {
    this.address = socket.remoteAddress ?? '?';
    this.label = `${kind} ${this.address}:${socket.remotePort ?? '?'}`;
    this.framer = new MsnpFramer({
      command: (command) => this.dispatch(command),
      malformed: (error) => this.drop(`malformed line "${error.line.slice(0, 80)}": ${error.message}`),
      fatal: (error) => this.drop(error.message),
    }, { peer: 'the client' });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.framer.push(chunk));
    socket.on('error', (error) => this.log(`[${this.label}] socket error: ${error.message}`));
    socket.on('close', () => this.finish());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  onClose(listener: () => void): void {
    if (this.finished) listener();
    else this.closeListeners.push(listener);
  }

  send(name: string, params: readonly string[], payload?: Uint8Array): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(serializeCommand({ name, params, payload }));
  }

  /** Drops the connection after `ms` unless the returned function is called first (sign-in deadlines). */
  deadline(ms: number, reason: string): () => void {
    const timer = setTimeout(() => this.drop(reason), ms);
    timer.unref?.();
    const cancel = (): void => clearTimeout(timer);
    this.onClose(cancel);
    return cancel;
  }

  /** Closes after everything already written has been sent. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.end();
    this.socket.setTimeout(2000, () => this.socket.destroy());
  }

  /** Closes at once without an error line, as the real servers did for invalid commands (§2.7). */
  drop(reason: string): void {
    if (this.closed) return;
    this.log(`[${this.label}] closing: ${reason}`);
    this.closed = true;
    this.socket.destroy();
  }

  private dispatch(command: MsnpCommand): void {
    if (this.closed) return;
    try {
      this.onCommand(command);
    } catch (error) {
      this.drop(`internal error while handling ${command.name}: ${(error as Error).stack ?? String(error)}`);
    }
  }

  private finish(): void {
    this.closed = true;
    this.finished = true;
    for (const listener of this.closeListeners.splice(0)) {
      try {
        listener();
      } catch (error) {
        this.log(`[${this.label}] error while cleaning up: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }
}
