// A TCP listener that remembers its sockets, so the server can close every connection on shutdown,
// and closes at once any connection over the server's connection limits.

import { type Server, type Socket, createServer } from 'node:net';
import type { ConnectionLimit } from './connection-limit';
import { type Log, Peer } from './peer';

export class Listener {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  port = 0;

  constructor(
    private readonly kind: string,
    private readonly log: Log,
    limit: ConnectionLimit,
    onPeer: (peer: Peer) => void,
  ) {
    this.server = createServer((socket) => {
      const address = socket.remoteAddress ?? '?';
      const refusal = limit.admit(address);
      if (refusal) {
        this.log(`[${kind}] refused a connection from ${address}: ${refusal}`);
        socket.on('error', () => undefined);
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        limit.release(address);
      });
      onPeer(new Peer(socket, kind, log));
    });
  }

  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.server.on('error', (error) => this.log(`[${this.kind}] listener error: ${error.message}`));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error(`${this.kind} listener has no TCP address`);
    this.port = address.port;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
