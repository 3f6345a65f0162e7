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
// A connection's first slab is small, a slice of Node's shared buffer pool: most connections only
// ever read a few short lines (a dispatch server's referral, a switchboard's handshake and a few
// messages), and a slab of its own cost a connection about 50 µs to allocate. The first read that
// fills the room it was offered moves the connection on to full slabs.

/** Bytes per slab: what Node asks the kernel for in one read of a socket. */
export const SLAB_BYTES = 64 * 1024;
/** A read is never offered less room than this in a full slab: a big transfer (a sign-in's list) reads in large pieces. */
export const MIN_READ_BYTES = 16 * 1024;
/**
 * The first slab: under half of Node's pool (Buffer.poolSize, 8 KiB), so that it is a slice of the
 * pool rather than a buffer of its own. A line of MSNP is rarely longer than a few hundred bytes.
 */
export const FIRST_SLAB_BYTES = 4 * 1024 - 1;
/** The least room a read is offered in the first slab. */
const MIN_FIRST_READ_BYTES = 512;

export class SocketReader {
  private slab = Buffer.allocUnsafe(FIRST_SLAB_BYTES);
  private used = 0;
  /** The least room the next read is offered before a new slab is taken. */
  private minimumRoom = MIN_FIRST_READ_BYTES;
  /** The room the next read lands in (what `buffer` last handed out). */
  private room = this.slab;
  /** Where each read goes; set by the connection once it exists (nothing is read before). */
  deliver: (chunk: Buffer) => void = () => undefined;

  /** The `onread` option of `net.connect`. */
  readonly onread = {
    buffer: (): Buffer => {
      if (this.slab.byteLength - this.used < this.minimumRoom) {
        this.slab = Buffer.allocUnsafe(SLAB_BYTES);
        this.used = 0;
        this.minimumRoom = MIN_READ_BYTES;
      }
      this.room = this.slab.subarray(this.used);
      return this.room;
    },
    /** Called with the room it read into; returns true: reading goes on (false would pause the socket). */
    callback: (bytes: number): boolean => {
      this.used += bytes;
      // A read that filled its room: more is coming than the first slab is for.
      if (bytes === this.room.byteLength) this.minimumRoom = MIN_READ_BYTES;
      this.deliver(this.room.subarray(0, bytes));
      return true;
    },
  };
}
