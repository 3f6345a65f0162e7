// Connections are capped per remote address and over the whole server (all three listeners), so
// one client, or many, cannot use up the server's file descriptors and shut everyone else out.
// A connection over the cap is closed at once, before a byte is read.

export interface ConnectionLimits {
  readonly maxConnections: number;
  readonly maxConnectionsPerAddress: number;
}

export class ConnectionLimit {
  private total = 0;
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: ConnectionLimits) {}

  /** Counts a new connection from `address`; returns why it is refused instead, when it is. */
  admit(address: string): string | undefined {
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (this.total >= this.limits.maxConnections) return `the server already has ${this.total} connections`;
    if (fromAddress >= this.limits.maxConnectionsPerAddress) return `${address} already has ${fromAddress} connections`;
    this.total++;
    this.perAddress.set(address, fromAddress + 1);
    return undefined;
  }

  /** A connection `admit` counted has closed. */
  release(address: string): void {
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress === 0) return;
    this.total--;
    if (fromAddress === 1) this.perAddress.delete(address);
    else this.perAddress.set(address, fromAddress - 1);
  }
}
