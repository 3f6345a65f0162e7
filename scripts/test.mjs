// The whole suite behind `npm test`: lint, every type-check project, then vitest. Every step runs
// even when an earlier one failed, so one run shows everything that is wrong. The last line printed
// is always `N passed, N failed`: vitest's test counts, with each failed lint or type-check step
// (and a vitest run that failed without a failing test, such as a crash) counted as one failure.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

process.chdir(join(import.meta.dirname, '..'));

const VITEST_JSON = 'test-results/vitest.json';
/** package.json's `typecheck:*` scripts, one per tsconfig project (node, web, web-test). */
const TYPECHECKS = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter((name) =>
  name.startsWith('typecheck:'),
);

/**
 * Runs a command with the terminal attached; true when it exited 0.
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) console.error(result.error.message);
  return result.status === 0;
}

/** Test counts from vitest's JSON report, or undefined when it wrote none (it crashed). */
function readVitestCounts() {
  if (!existsSync(VITEST_JSON)) return undefined;
  try {
    const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
    return { passed: Number(report.numPassedTests) || 0, failed: Number(report.numFailedTests) || 0 };
  } catch {
    return undefined;
  }
}

const failedSteps = [];
for (const script of ['lint', ...TYPECHECKS]) {
  if (!run('npm', ['run', '--silent', script])) failedSteps.push(script);
}

rmSync(VITEST_JSON, { force: true });
const vitestOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${VITEST_JSON}`,
]);
const counts = readVitestCounts();
if (!counts || (!vitestOk && counts.failed === 0)) failedSteps.push('vitest');

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
const failed = (counts?.failed ?? 0) + failedSteps.length;
console.log(`${counts?.passed ?? 0} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
