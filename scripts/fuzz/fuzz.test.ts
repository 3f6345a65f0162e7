// The fuzz campaign's small seeded run, and checks that the campaign can fail at all.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runFuzz } from './campaign';
import { encodeLines, generateCase } from './generate';
import { checkFraming } from './server';

const encoder = new TextEncoder();

describe('the fuzz campaign', () => {
  it('ends every case of a small seeded run by going on or with a sentence, over every target', async () => {
    const result = await runFuzz({ seed: 14, lines: 12_000 });
    expect(result.failures).toEqual([]);
    expect(result.lines).toBeGreaterThanOrEqual(12_000);
    const outcomes = Object.keys(result.outcomes);
    for (const expected of ['ns: going on', 'ns: ended', 'ns-sign-in: going on', 'ns-sign-in: sign-in refused', 'sb: delivered', 'sb: not delivered, said so', 'sb-setup: delivered', 'sb-setup: not delivered, said so']) {
      expect(outcomes).toContain(expected);
    }
  }, 120_000);

  it('draws the same case from the same seed and index, and another from another seed', () => {
    expect(generateCase(99, 1234)).toEqual(generateCase(99, 1234));
    expect(generateCase(99, 1234)).not.toEqual(generateCase(100, 1234));
  });

  it('knows when a case leaves the stream mid-payload or mid-line, and when it ends the connection', () => {
    const lines = (...heads: string[]) => encodeLines(heads.map((head) => ({ head, end: '\r\n' as const })), { next: 2, last: 1 });
    expect(checkFraming(lines('NLN NLN a@b.com A', 'CHG {next} NLN'), 'whole')).toEqual({ fatal: false, inStep: true });
    expect(checkFraming(lines('MSG Hotmail Hotmail 40', 'short'), 'bytes')).toEqual({ fatal: false, inStep: false });
    expect(checkFraming(encoder.encode('NLN NLN a@b.'), [0.5])).toEqual({ fatal: false, inStep: false });
    expect(checkFraming(lines('MSG Hotmail Hotmail -1'), 'whole')).toEqual({ fatal: true, inStep: true });
  });

  it('reports an unhandled rejection that happens while cases run', async () => {
    const campaign = new URL('./campaign.ts', import.meta.url).href;
    const code = `const { runFuzz } = await import(${JSON.stringify(campaign)});
      setTimeout(() => void Promise.reject(new Error('planted by the test')), 50);
      const result = await runFuzz({ seed: 3, lines: 3000 });
      console.log(JSON.stringify(result.failures.map((failure) => failure.reason)));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await once(child, 'exit');
    const reasons = JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as string[];
    expect(reasons).toEqual([expect.stringMatching(/^an unhandled rejection while cases .* ran: Error: planted by the test/)]);
  }, 60_000);
});
