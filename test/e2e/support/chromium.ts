// Real Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core,
// each user in a fresh context (its own temporary profile). Nothing is skipped when Chromium is
// missing: the tests fail and say how to install it.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The end-to-end tests need Chromium at ${CHROMIUM_PATH}. Install it with ` +
        '"apt-get update && apt-get install -y chromium", or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * Options for expect.poll: what crosses two browsers, two hosts and a server takes a moment,
 * more on a loaded CI machine than vitest's default second allows.
 */
export const PATIENTLY = { timeout: 10_000 } as const;
