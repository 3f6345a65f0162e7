// How a connection reads its socket: straight into slices of a larger buffer, through Node's
// `onread` option, rather than as `data` events. A `data` event costs a buffer made for each read
// and a pass through the readable stream's bookkeeping; a chat's reads are a line or a message
// each, so that overhead was a good part of what a message cost to receive.
//
// Each read lands after the one before it in the current slab and never over it: the commands
// framed from a read are views of its bytes (framer.ts), and they stay valid for as long as
// anyone holds them. A slab with too little room left is abandoned for a new one; the old one is
// freed once nothing refers to it.

/** Bytes per slab: what Node asks the kernel for in one read of a socket. */
export const SLAB_BYTES = 64 * 1024;
/** A read is never offered less room than this: a big transfer (a sign-in's list) reads in large pieces. */
export const MIN_READ_BYTES = 16 * 1024;

export class SocketReader {
  private slab = Buffer.allocUnsafe(SLAB_BYTES);
  private used = 0;
  /** The room the next read lands in (what `buffer` last handed out). */
  private room = this.slab;
  /** Where each read goes; set by the connection once it exists (nothing is read before). */
  deliver: (chunk: Buffer) => void = () => undefined;

  /** The `onread` option of `net.connect`. */
  readonly onread = {
    buffer: (): Buffer => {
      if (this.slab.byteLength - this.used < MIN_READ_BYTES) {
        this.slab = Buffer.allocUnsafe(SLAB_BYTES);
        this.used = 0;
      }
      this.room = this.slab.subarray(this.used);
      return this.room;
    },
    /** Called with the room it read into; returns true: reading goes on (false would pause the socket). */
    callback: (bytes: number): boolean => {
      this.used += bytes;
      this.deliver(this.room.subarray(0, bytes));
      return true;
    },
  };
}
