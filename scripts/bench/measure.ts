// Timing helpers for the benchmarks: a short warm-up, several measured rounds, and plain tables.
// Figures are printed, never asserted: speed goals are read by people, not enforced by tests.

import { performance } from 'node:perf_hooks';

export interface Rounds {
  readonly warmup: number;
  readonly rounds: number;
}

/** Runs `run` warm-up times unmeasured, then `rounds` times; returns the durations in milliseconds. */
export async function timeRounds(run: () => unknown, { warmup, rounds }: Rounds): Promise<number[]> {
  for (let round = 0; round < warmup; round++) await run();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export interface SideBySide {
  readonly measured: number[];
  readonly floor: number[];
}

/**
 * Times a figure and its floor in alternate rounds (after warming both up), so both meet the same
 * machine: on a shared, noisy machine the ratio of their medians is what can be trusted.
 */
export async function timeSideBySide(measured: () => unknown, floor: () => unknown, { warmup, rounds }: Rounds): Promise<SideBySide> {
  const samples: SideBySide = { measured: [], floor: [] };
  for (let round = 0; round < warmup + rounds; round++) {
    const [floorMs] = await timeRounds(floor, { warmup: 0, rounds: 1 });
    const [measuredMs] = await timeRounds(measured, { warmup: 0, rounds: 1 });
    if (round < warmup) continue;
    samples.floor.push(floorMs as number);
    samples.measured.push(measuredMs as number);
  }
  return samples;
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/** Two full collections (needs `--expose-gc`, which npm run bench passes; does nothing without it). */
export function collectGarbage(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
}

/** Heap in use after a full collection when node runs with --expose-gc (npm run bench does). */
export function heapUsedBytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export const canCollectGarbage = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/** A scavenge of the young generation only (needs `--expose-gc`; does nothing without it). */
export function collectYoungGeneration(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const megabytes = (bytes: number): string => `${formatNumber(bytes / (1024 * 1024), 1)} MiB`;
export const kilobytes = (bytes: number): string => `${formatNumber(bytes / 1024, 1)} KiB`;
export const milliseconds = (ms: number): string => `${formatNumber(ms, ms < 10 ? 2 : 0)} ms`;

/** Prints a titled two-or-more-column table, columns padded to their widest cell. */
export function printTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}
