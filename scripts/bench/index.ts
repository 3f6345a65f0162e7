// `npm run bench`: the speed and memory figures of the protocol core, the client and the UI, printed
// as tables and written to bench/results.json with the floor each was measured beside.
// `npm run bench -- --check` also exits non-zero when a figure misses its budget.
// `--only a,b` runs only the named sections (framer, codec, sign-in, switchboard, conversation-sync,
// bundle, heap, ui, cold-start, history), for working on one figure; the file then holds only those figures.
// Run with --expose-gc (the npm script does) so heap figures are measured after a collection.

import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchFramer, benchRoundTrips } from './codec';
import { benchColdStart } from './cold-start';
import { benchConversationSync } from './conversation-sync';
import { benchHeap } from './heap';
import { benchHistory } from './history';
import { canCollectGarbage, formatNumber, printTable } from './measure';
import { benchRendererBundle } from './renderer-bundle';
import { type BenchResult, budgetMisses, writeResults } from './results';
import { benchSignIn } from './sign-in';
import { benchSwitchboard } from './switchboard';
import { benchUi } from './ui';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const RESULTS_FILE = join(PROJECT_ROOT, 'bench', 'results.json');

const SECTIONS: ReadonlyArray<readonly [string, () => Promise<BenchResult | BenchResult[] | void>]> = [
  ['framer', benchFramer],
  ['codec', benchRoundTrips],
  ['sign-in', benchSignIn],
  ['switchboard', benchSwitchboard],
  ['conversation-sync', benchConversationSync],
  ['bundle', benchRendererBundle],
  ['heap', benchHeap],
  ['ui', benchUi],
  ['cold-start', benchColdStart],
  ['history', benchHistory],
];

/** Every figure of issue 13; `--check` fails when one is missing as when one misses its budget. */
export const EXPECTED_FIGURES = [
  'framer-lines',
  'signin-5000',
  'signin-cached',
  'sb-roundtrip',
  'sb-burst',
  'ui-contacts-5000',
  'ui-presence-storm',
  'ui-chat-10000',
  'main-heap',
  'renderer-bundle',
  'cold-start',
];

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !SECTIONS.some(([section]) => section === name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown section: ${unknown.join(', ')}. Sections: ${SECTIONS.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const processor = cpus()[0]?.model.trim() ?? 'unknown processor';
console.log(`MSN Messenger benchmarks — Node ${process.version}, ${cpus().length} × ${processor}, ${process.platform}/${process.arch}`);
if (!canCollectGarbage()) console.log('(run with node --expose-gc for heap figures after a collection)');

const results: BenchResult[] = [];
for (const [name, run] of SECTIONS) {
  if (only && !only.includes(name)) continue;
  const figures = await run();
  if (figures) results.push(...[figures].flat());
}

printTable(
  'Figures against their floors and budgets (bench/results.json; ratio = cost / the floor’s cost)',
  ['figure', 'value', 'floor', 'ratio', 'budget', 'ok', 'notes'],
  results.map((result) => [
    result.name,
    `${formatNumber(result.value, result.value < 10 ? 2 : 0)} ${result.unit}`,
    result.floor === null ? '—' : formatNumber(result.floor, result.floor < 10 ? 2 : 0),
    result.ratio === null ? '—' : `${formatNumber(result.ratio, 2)}x`,
    result.budget,
    result.ok ? 'yes' : 'NO',
    result.detail ?? '',
  ]),
);
await writeResults(RESULTS_FILE, results);
console.log(`\nWrote ${results.length} figures to bench/results.json. Done in ${formatNumber((performance.now() - started) / 1000, 1)} s.`);

if (values.check) {
  const misses = budgetMisses(results, only ? EXPECTED_FIGURES.filter((name) => results.some((result) => result.name === name)) : EXPECTED_FIGURES);
  if (misses.length > 0) {
    console.error(`\n${misses.length} figure${misses.length === 1 ? '' : 's'} missed the budget:\n${misses.map((miss) => `  ${miss}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('Every figure is within its budget.');
  }
}
