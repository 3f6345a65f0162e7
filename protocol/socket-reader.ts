// How a connection reads its socket: straight into slices of a larger buffer, through Node's
// `onread` option, rather than as `data` events. A `data` event costs a buffer made for each read
// and a pass through the readable stream's bookkeeping; a chat's reads are a line or a message
// each, so that overhead was a good part of what a message cost to receive.
//
// Each read lands after the one before it in the current slab and never over it: the commands
// framed from a read are views of its bytes (framer.ts), and they stay valid for as long as
// anyone holds them. A slab with too little room left is abandoned for a new one; the old one is
// freed once nothing refers to it.
//
// When a connection closes, the room left in its slab goes to the next connection made, which
// reads after what was read there (never over it): a sign-in, a reconnection, a new conversation's
// switchboard then mostly starts without allocating a slab. A slab allocated just after a garbage
// collection took 50–100 µs, against a few µs otherwise.

/** Bytes per slab: what Node asks the kernel for in one read of a socket. */
export const SLAB_BYTES = 64 * 1024;
/** A read is never offered less room than this: a big transfer (a sign-in's list) reads in large pieces. */
export const MIN_READ_BYTES = 16 * 1024;

/** The room left in the slab of a connection that closed, for the next reader. */
let spare: { readonly slab: Buffer; readonly used: number } | undefined;

export class SocketReader {
  private slab: Buffer;
  private used: number;
  /** The room the next read lands in (what `buffer` last handed out). */
  private room: Buffer;
  private released = false;
  /** Where each read goes; set by the connection once it exists (nothing is read before). */
  deliver: (chunk: Buffer) => void = () => undefined;

  constructor() {
    if (spare) {
      this.slab = spare.slab;
      this.used = spare.used;
      spare = undefined;
    } else {
      this.slab = Buffer.allocUnsafe(SLAB_BYTES);
      this.used = 0;
    }
    this.room = this.slab.subarray(this.used);
  }

  /**
   * The socket closed: nothing more is read into this slab, and the room left in it goes to the
   * next reader made (the larger room, when another closed connection left one already).
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    const room = this.slab.byteLength - this.used;
    if (room >= MIN_READ_BYTES && (!spare || room > spare.slab.byteLength - spare.used)) spare = { slab: this.slab, used: this.used };
  }

  /** The `onread` option of `net.connect`. */
  readonly onread = {
    buffer: (): Buffer => {
      // A released slab's room is another reader's now (nothing reads after a close; should it, it reads elsewhere).
      if (this.released || this.slab.byteLength - this.used < MIN_READ_BYTES) {
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
