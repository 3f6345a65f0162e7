// `npm run fuzz [-- --seed N] [--lines N] [--cases N,N…] [--lanes N] [--verbose]`: the fuzz campaign
// (see README.md).
// Prints the seed first, failures as they are found, progress every 10,000 cases, and last
// `fuzz: <lines> lines, <failures> failures, seed <seed>`; exits 1 when anything failed.

import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { runFuzz } from './campaign';

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      lines: { type: 'string' },
      cases: { type: 'string' },
      lanes: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const seed = integer(values.seed, 'seed', randomInt(2 ** 31));
  const lines = integer(values.lines, 'lines', 1_000_000);
  const only = values.cases?.split(',').map((value) => integer(value.trim(), 'cases', 0));
  console.log(`fuzz: seed ${seed}${only === undefined ? `, ${lines} lines` : `, cases ${only.join(', ')}`}`);
  const started = performance.now();
  const result = await runFuzz({
    seed,
    lines,
    only,
    lanes: integer(values.lanes, 'lanes', 4),
    report: (line) => console.log(line),
    ...(values.verbose && { clientLog: (line: string) => console.log(`    client: ${line}`) }),
  });
  const outcomes = Object.entries(result.outcomes).sort(([a], [b]) => a.localeCompare(b));
  for (const [outcome, count] of outcomes) console.log(`  ${outcome}: ${count}`);
  console.log(`${result.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`fuzz: ${result.lines} lines, ${result.failures.length} failures, seed ${seed}`);
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
