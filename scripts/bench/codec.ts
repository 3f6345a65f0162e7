// (a) The framer's throughput on a realistic stream, fed in 64 KiB chunks and one byte at a time
// (which must stay linear), and (b) parse + serialize round trips per second.

import { MsnpFramer, parseCommand, serializeCommand } from '../../protocol/index';
import { formatNumber, median, milliseconds, printTable, timeRounds } from './measure';
import { realisticStream, sampleCommands } from './stream';

const CHUNK_BYTES = 64 * 1024;

/** Frames `stream` in pieces of `chunkBytes`; returns how many commands came out. */
function frame(stream: Uint8Array, chunkBytes: number): number {
  let commands = 0;
  const framer = new MsnpFramer({
    command: () => commands++,
    malformed: (error) => {
      throw error;
    },
    fatal: (error) => {
      throw error;
    },
  });
  for (let offset = 0; offset < stream.byteLength; offset += chunkBytes) {
    framer.push(stream.subarray(offset, offset + chunkBytes));
  }
  return commands;
}

export async function benchFramer(): Promise<void> {
  const large = realisticStream(8 * 1024 * 1024);
  const small = realisticStream(100 * 1024);
  const medium = realisticStream(1024 * 1024);
  if (frame(large.bytes, CHUNK_BYTES) !== large.commands) throw new Error('The framer lost commands');

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
