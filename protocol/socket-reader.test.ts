import { describe, expect, it } from 'vitest';
import { FIRST_SLAB_BYTES, MIN_READ_BYTES, SLAB_BYTES, SocketReader } from './socket-reader';

/** Reads `bytes` bytes (filled with `fill`) as Node would: asks for room, writes into it, reports. */
function read(reader: SocketReader, bytes: number, fill: number): Buffer {
  const room = reader.onread.buffer();
  const taken = Math.min(bytes, room.byteLength);
  room.fill(fill, 0, taken);
  let delivered: Buffer | undefined;
  reader.deliver = (chunk) => (delivered = chunk);
  reader.onread.callback(taken);
  return delivered as Buffer;
}

describe('SocketReader', () => {
  it('reads a new connection’s first lines into a slice of Node’s shared pool, not a slab of its own', () => {
    const reader = new SocketReader();
    const room = reader.onread.buffer();
    expect(room.byteLength).toBe(FIRST_SLAB_BYTES);
    expect(room.buffer.byteLength).toBe(Buffer.poolSize);
  });

  it('never reads over what it delivered before, in the first slab and in the full ones after it', () => {
    const reader = new SocketReader();
    const delivered: Array<{ chunk: Buffer; fill: number }> = [];
    // Short reads, then one that fills the first slab's room, then reads of every size.
    const sizes = [40, 300, 7, 1000, FIRST_SLAB_BYTES, 5000, 20_000, SLAB_BYTES, 100, 30_000, 12, SLAB_BYTES];
    sizes.forEach((size, index) => delivered.push({ chunk: read(reader, size, index + 1), fill: index + 1 }));
    for (const { chunk, fill } of delivered) expect(chunk.every((byte) => byte === fill)).toBe(true);
  });

  it('moves on to full slabs, each read offered at least MIN_READ_BYTES, once a read fills its room', () => {
    const reader = new SocketReader();
    read(reader, 100, 1);
    expect(reader.onread.buffer().byteLength).toBe(FIRST_SLAB_BYTES - 100);
    read(reader, FIRST_SLAB_BYTES, 2);
    const room = reader.onread.buffer();
    expect(room.byteLength).toBe(SLAB_BYTES);
    read(reader, SLAB_BYTES - MIN_READ_BYTES + 1, 3);
    expect(reader.onread.buffer().byteLength).toBe(SLAB_BYTES);
  });
});
