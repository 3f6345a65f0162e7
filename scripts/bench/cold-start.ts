// (j) cold-start: `npm run web -- --demo` from process start to the sign-in form painted in
// Chromium, beside its floor in alternate rounds: `node -e ''` (a Node process that does nothing)
// plus Chromium's own start to a blank page painted.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/support/chromium';
import { median, milliseconds, printTable } from './measure';
import { probePage } from './page-probe';
import { type BenchResult, judge } from './results';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const WARMUP = 1;
const ROUNDS = 3;

/** Now, as milliseconds since the epoch, comparable with a page's performance.timeOrigin + now(). */
const epochNow = (): number => performance.timeOrigin + performance.now();

/** The epoch time of the frame that paints `selector` in `page` (the probe must be installed). */
async function paintedAt(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    async (watched) => performance.timeOrigin + (await (window.__benchProbe as NonNullable<Window['__benchProbe']>).paintedAt(watched, 30_000)),
    selector,
  );
}

async function openInChromium(url: string, selector: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await probePage(page);
    await page.goto(url);
    return await paintedAt(page, selector);
  } finally {
    await browser.close();
  }
}

async function nodeDoingNothing(): Promise<number> {
  const started = epochNow();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return epochNow() - started;
}

async function blankPage(): Promise<number> {
  const started = epochNow();
  return (await openInChromium('about:blank', 'body')) - started;
}

/** The browser host as a user starts it, until Chromium has painted the sign-in form. */
async function browserHost(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-bench-cold-'));
  const started = epochNow();
  const host = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--demo', '--data-dir', dataDir], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  host.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      host.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(output);
        if (found) resolve(found[0]);
      });
      host.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before printing its address:\n${output}${errors}`)));
    });
    return (await openInChromium(url, '[data-testid="sign-in-form"]')) - started;
  } finally {
    host.kill('SIGTERM');
    if (host.exitCode === null) await once(host, 'exit');
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchColdStart(): Promise<BenchResult> {
  const measured: number[] = [];
  const node: number[] = [];
  const chromium: number[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const figures = [await nodeDoingNothing(), await blankPage(), await browserHost()];
    if (round < WARMUP) continue;
    node.push(figures[0] as number);
    chromium.push(figures[1] as number);
    measured.push(figures[2] as number);
  }
  const floor = median(node) + median(chromium);
  printTable(`(j) Cold start of the browser host (median of ${ROUNDS} after a warm-up, alternate rounds)`, ['from process start to', 'time'], [
    ["node -e '' has exited", milliseconds(median(node))],
    ["Chromium's blank page painted", milliseconds(median(chromium))],
    ['npm run web -- --demo: the sign-in form painted in Chromium', milliseconds(median(measured))],
  ]);
  return judge({ name: 'cold-start', value: median(measured), floor, unit: 'ms' }, {});
}
