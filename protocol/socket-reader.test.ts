import { describe, expect, it } from 'vitest';
import { MIN_READ_BYTES, SLAB_BYTES, SocketReader } from './socket-reader';

/** Reads `bytes` bytes of `fill` as Node does with `onread`: asks for room, writes into it, reports. */
function read(reader: SocketReader, bytes: number, fill: number): Buffer {
  const room = reader.onread.buffer();
  room.fill(fill, 0, bytes);
  let delivered: Buffer | undefined;
  reader.deliver = (chunk) => (delivered = chunk);
  reader.onread.callback(bytes);
  return delivered as Buffer;
}

const filledWith = (chunk: Buffer, fill: number): boolean => chunk.every((byte) => byte === fill);

describe('SocketReader', () => {
  it('gives the next reader the room left in the slab of a closed one, after what was read there', () => {
    const first = new SocketReader();
    const kept = read(first, 1000, 1);
    first.release();
    const second = new SocketReader();
    const room = second.onread.buffer();
    expect(room.buffer).toBe(kept.buffer);
    expect(room.byteOffset).toBe(kept.byteOffset + 1000);
    const next = read(second, SLAB_BYTES - 1000 - MIN_READ_BYTES, 2);
    expect(filledWith(kept, 1)).toBe(true);
    expect(filledWith(next, 2)).toBe(true);
    // A third reader, made while no slab is spare, has a slab of its own.
    expect(new SocketReader().onread.buffer().buffer).not.toBe(kept.buffer);
  });

  it('gives a room to one reader only, and never reads into a slab after releasing it', () => {
    const first = new SocketReader();
    read(first, 10, 1);
    first.release();
    first.release();
    const second = new SocketReader();
    const third = new SocketReader();
    expect(third.onread.buffer().buffer).not.toBe(second.onread.buffer().buffer);
    const secondRoom = second.onread.buffer();
    expect(first.onread.buffer().buffer).not.toBe(secondRoom.buffer);
  });

  it('keeps no slab with less room left than a read is offered, and keeps the larger of two', () => {
    const full = new SocketReader();
    read(full, SLAB_BYTES - MIN_READ_BYTES + 1, 1);
    full.release();
    expect(new SocketReader().onread.buffer().byteLength).toBe(SLAB_BYTES);
    const little = new SocketReader();
    const littleRead = read(little, 30_000, 1);
    const much = new SocketReader();
    const muchRead = read(much, 100, 2);
    little.release();
    much.release();
    const next = new SocketReader().onread.buffer();
    expect(next.buffer).toBe(muchRead.buffer);
    expect(next.buffer).not.toBe(littleRead.buffer);
  });
});
