// (a) The framer's throughput on a realistic stream fed in random chunk sizes, beside its floor (a
// loop that only finds line ends and payload lengths in the same bytes), then in 64 KiB chunks and
// one byte at a time (which must stay linear), and with every command's params read (what the
// client's handlers pay on top of framing); (b) parse + serialize round trips per second.

import { MsnpFramer, parseCommand, serializeCommand } from '../../protocol/index';
import { findLineEnds } from './framer-floor';
import { formatNumber, median, milliseconds, printTable, timeRounds, timeSideBySide } from './measure';
import { type BenchResult, judge } from './results';
import { realisticStream, sampleCommands } from './stream';

const CHUNK_BYTES = 64 * 1024;
/** Random reads are 1 byte to 16 KiB: lines and payloads are cut anywhere, as TCP cuts them. */
const MAX_RANDOM_CHUNK = 16 * 1024;

/** Chunk sizes from a fixed seed (mulberry32), so every run cuts the stream at the same places. */
function randomChunkSizes(total: number, seed = 13): number[] {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const sizes: number[] = [];
  for (let covered = 0; covered < total; ) {
    const size = 1 + Math.floor(next() * MAX_RANDOM_CHUNK);
    sizes.push(size);
    covered += size;
  }
  return sizes;
}

/**
 * Frames `stream` in pieces of `chunkBytes` (or of each size in turn); returns how many commands
 * came out. The framer decodes a command's params when they are first read: with `readParams`
 * every command's are, as the client's handlers do.
 */
function frame(stream: Uint8Array, chunkBytes: number | readonly number[], readParams = false): number {
  let commands = 0;
  const framer = new MsnpFramer({
    command: (command) => {
      commands++;
      if (readParams) void command.params;
    },
    malformed: (error) => {
      throw error;
    },
    fatal: (error) => {
      throw error;
    },
  });
  let piece = 0;
  for (let offset = 0; offset < stream.byteLength; piece++) {
    const size = typeof chunkBytes === 'number' ? chunkBytes : (chunkBytes[piece] as number);
    framer.push(stream.subarray(offset, offset + size));
    offset += size;
  }
  return commands;
}

export async function benchFramer(): Promise<BenchResult> {
  const large = realisticStream(8 * 1024 * 1024);
  const small = realisticStream(100 * 1024);
  const medium = realisticStream(1024 * 1024);
  const randomSizes = randomChunkSizes(large.bytes.byteLength);
  for (const counted of [frame(large.bytes, CHUNK_BYTES), frame(large.bytes, randomSizes), findLineEnds(large.bytes)]) {
    if (counted !== large.commands) throw new Error(`Expected ${large.commands} commands, counted ${counted}`);
  }

  const rows: string[][] = [];
  const row = (label: string, stream: { bytes: Uint8Array; commands: number }, samples: number[]): number => {
    const ms = median(samples);
    const seconds = ms / 1000;
    rows.push([
      label,
      `${formatNumber(stream.bytes.byteLength / 1024)} KiB`,
      formatNumber(stream.commands),
      milliseconds(ms),
      formatNumber(stream.bytes.byteLength / (1024 * 1024) / seconds, 1),
      formatNumber(stream.commands / seconds),
    ]);
    return ms;
  };
  // 21 rounds of a few milliseconds each: with 7, a moment of the machine's slower pace falling on
  // more of the framer's rounds than the floor's once read 3.6x (against 2.3x–2.7x in the others).
  const random = await timeSideBySide(() => frame(large.bytes, randomSizes), () => findLineEnds(large.bytes), { warmup: 5, rounds: 21 });
  const randomMs = row(`random chunks (1 B–${MAX_RANDOM_CHUNK / 1024} KiB)`, large, random.measured);
  const floorMs = row('floor: line ends + lengths only', large, random.floor);
  row('random chunks, every params read', large, await timeRounds(() => frame(large.bytes, randomSizes, true), { warmup: 2, rounds: 5 }));
  row('64 KiB chunks', large, await timeRounds(() => frame(large.bytes, CHUNK_BYTES), { warmup: 2, rounds: 5 }));
  const smallMs = row('1 byte at a time', small, await timeRounds(() => frame(small.bytes, 1), { warmup: 2, rounds: 5 }));
  const mediumMs = row('1 byte at a time', medium, await timeRounds(() => frame(medium.bytes, 1), { warmup: 1, rounds: 3 }));
  printTable(
    '(a) Framer: a realistic NS/SB stream (LST/ILN/NLN/FLN/ADD/CHG/ACK lines, MSG text/typing/mail)',
    ['feed', 'stream', 'commands', 'median', 'MiB/s', 'commands/s'],
    rows,
  );
  const sizeRatio = formatNumber(medium.bytes.byteLength / small.bytes.byteLength, 1);
  console.log(`byte at a time, 1 MiB vs 100 KiB: ${formatNumber(mediumMs / smallMs, 1)}x the time for ${sizeRatio}x the bytes (linear: ${sizeRatio}x)`);
  return judge(
    { name: 'framer-lines', value: large.commands / (randomMs / 1000), floor: large.commands / (floorMs / 1000), unit: 'commands/s', higherIsBetter: true },
    { atLeast: 1_000_000, maxRatio: 3 },
  );
}

export async function benchRoundTrips(): Promise<void> {
  const decoder = new TextDecoder();
  const samples = sampleCommands().map((command) => {
    const wire = serializeCommand(command);
    const lineEnd = wire.indexOf(0x0d);
    return { line: decoder.decode(wire.subarray(0, lineEnd)), payload: command.payload, name: command.name };
  });
  const perRound = 200_000;
  const run = (): void => {
    for (let index = 0; index < perRound; index++) {
      const sample = samples[index % samples.length] as (typeof samples)[number];
      serializeCommand(parseCommand(sample.line, sample.payload));
    }
  };
  const ms = median(await timeRounds(run, { warmup: 2, rounds: 5 }));
  const kinds = [...new Set(samples.map((sample) => sample.name))].join('/');
  printTable('(b) Codec: parseCommand + serializeCommand of real lines', ['lines', 'round trips', 'median', 'round trips/s'], [
    [kinds, formatNumber(perRound), milliseconds(ms), formatNumber(perRound / (ms / 1000))],
  ]);
}
