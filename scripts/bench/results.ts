// The figures `npm run bench` judges: one entry per figure of issue 13, each with the floor measured
// beside it in the same run, written to bench/results.json and checked by `--check`. A ratio says
// how many times the floor's cost the figure costs (1 is the floor itself), so it reads the same
// for a time, where lower is better, and for a throughput, where higher is.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same work done the simplest way possible, measured in the same run; null where none exists. */
  readonly floor: number | null;
  readonly ratio: number | null;
  /** The budget in words, as the issue states it. */
  readonly budget: string;
  readonly ok: boolean;
  /** Secondary figures a budget also reads (a longest frame), in words. */
  readonly detail?: string;
}

/** What a figure must meet; every bound given must hold. */
export interface Budget {
  /** The most the figure may be (a time, a size). */
  readonly atMost?: number;
  /** The least the figure may be (a throughput). */
  readonly atLeast?: number;
  readonly maxRatio?: number;
  /** For figures measured in frames: the longest frame allowed, in ms. */
  readonly longestFrameMs?: number;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly floor?: number;
  /** Whether more is better (a throughput): the ratio is then floor / value. */
  readonly higherIsBetter?: boolean;
  readonly longestFrameMs?: number;
  readonly detail?: string;
}

function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function describeBudget(budget: Budget, unit: string): string {
  const parts: string[] = [];
  if (budget.atLeast !== undefined) parts.push(`≥ ${formatBound(budget.atLeast)} ${unit}`);
  if (budget.atMost !== undefined) parts.push(`≤ ${formatBound(budget.atMost)} ${unit}`);
  if (budget.maxRatio !== undefined) parts.push(`ratio ≤ ${formatBound(budget.maxRatio)}`);
  if (budget.longestFrameMs !== undefined) parts.push(`no frame over ${formatBound(budget.longestFrameMs)} ms`);
  return parts.length > 0 ? parts.join(', ') : 'ratio reported';
}

/** Judges a figure against its budget; a figure that could not be measured (NaN) never passes. */
export function judge(figure: Figure, budget: Budget): BenchResult {
  const { value, floor } = figure;
  const ratio = floor === undefined ? null : figure.higherIsBetter ? floor / value : value / floor;
  const failures = [
    !Number.isFinite(value),
    budget.atMost !== undefined && !(value <= budget.atMost),
    budget.atLeast !== undefined && !(value >= budget.atLeast),
    budget.maxRatio !== undefined && !(ratio !== null && ratio <= budget.maxRatio),
    budget.longestFrameMs !== undefined && !(figure.longestFrameMs !== undefined && figure.longestFrameMs <= budget.longestFrameMs),
  ];
  return {
    name: figure.name,
    value: round(value),
    unit: figure.unit,
    floor: floor === undefined ? null : round(floor),
    ratio: ratio === null ? null : round(ratio),
    budget: describeBudget(budget, figure.unit),
    ok: !failures.some(Boolean),
    ...(figure.detail !== undefined ? { detail: figure.detail } : {}),
  };
}

/** Three significant figures are more than a noisy machine can tell apart. */
function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 6)));
}

export async function writeResults(file: string, results: readonly BenchResult[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}

/** The sentences `--check` prints for the entries that missed their budget (none when all passed). */
export function budgetMisses(results: readonly BenchResult[], expected: readonly string[]): string[] {
  const misses = results
    .filter((result) => !result.ok)
    .map((result) => {
      const ratio = result.ratio === null ? '' : `, ratio ${result.ratio}`;
      const detail = result.detail === undefined ? '' : `, ${result.detail}`;
      return `${result.name}: ${result.value} ${result.unit}${ratio}${detail} misses its budget (${result.budget})`;
    });
  const names = new Set(results.map((result) => result.name));
  const missing = expected.filter((name) => !names.has(name)).map((name) => `${name}: not measured`);
  return [...misses, ...missing];
}
