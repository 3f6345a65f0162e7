// axe-core (Deque's accessibility engine) run inside a page. The script goes in through the DevTools
// protocol, which the page's Content-Security-Policy does not govern; the app's own policy stays as
// it is for everything the app loads.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
  readonly summary: string;
}

/** The serious and critical violations axe finds in the page as it is now; `where` labels them. */
export async function seriousViolations(page: Page, where: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    // A run that checked nothing would find nothing: make sure the rules really ran.
    if (results.passes.length === 0) throw new Error('axe checked nothing in this page');
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary ?? violation.help,
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => ({ where, ...violation }));
}
