// `npm run web -- --demo` as a new user meets it: the host prints an address, the sign-in form is
// filled in for the Local demo, and Messenger Buddy answers a message.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PATIENTLY } from './support/chromium';
import { nextPage, PROJECT_ROOT, removeTemporaryDirs, rendererBundle, saveScreenshot, temporaryDir } from './support/users';

let host: ChildProcess;
let browser: Browser;
let url: string;

/** Resolves with the first http URL the host prints. */
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(output);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}) before it was ready:\n${output}`)));
  });
}

beforeAll(async () => {
  rendererBundle();
  // The CLI in this very process tree (no npm in between), so that stopping it stops everything.
  // A quiet demo: no demo contact comes online or writes first on its real-time timeline (that is
  // test/integration/server/demo-activity.test.ts, on a fake clock), so the pages stay as scripted.
  host = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--demo', '--quiet-demo', '--data-dir', temporaryDir('msn-e2e-demo-')], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await printedUrl(host);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await once(host, 'exit');
  }
  removeTemporaryDirs();
});

describe('npm run web -- --demo', () => {
  it('prints an address with its token, and refuses the same address without it', async () => {
    expect(url).toMatch(/\?token=[\w-]{20,}#\/contacts\/a1$/);
    const response = await fetch(url.replace(/\?token=[^#]+/, ''));
    expect(response.status).toBe(403);
  });

  it('signs a new user in to the Local demo, where Messenger Buddy answers', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 580 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => page.getByTestId('sign-in-handle').inputValue(), PATIENTLY).toBe('you@demo.msn');
    await page.getByTestId('sign-in-password').fill('demo');
    await saveScreenshot(page, 'sign-in');
    await page.getByTestId('sign-in-submit').click();
    const buddy = page.getByTestId('contact-buddy@demo.msn');
    await expect.poll(() => buddy.textContent(), PATIENTLY).toBe('Messenger Buddy');
    // Demo people who added you while you were away ask, one at a time.
    const addedBy = page.getByTestId('added-by-dialog');
    await addedBy.waitFor();
    while (await addedBy.isVisible()) {
      const question = await addedBy.textContent();
      await page.getByTestId('added-by-ok').click();
      // allTextContents does not wait: a dialog that closes between two looks is simply gone.
      await expect.poll(async () => (await addedBy.allTextContents())[0] ?? null, PATIENTLY).not.toBe(question);
    }
    const conversation = nextPage(context, /#\/conversation\//);
    await buddy.dblclick();
    const chat = await conversation;
    await chat.getByTestId('composer').fill('Hello Buddy');
    await chat.getByTestId('composer').press('Enter');
    await expect.poll(() => chat.getByTestId('message').count(), PATIENTLY).toBe(2);
    expect(await chat.getByTestId('message').nth(1).textContent()).toContain('Messenger Buddy says');
  });
});
