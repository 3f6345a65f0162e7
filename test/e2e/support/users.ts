// The people in an end-to-end test: the project's server with their accounts, and per person
// either a browser host (driven through Chromium) or a bare Messenger (driven from the test).

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Messenger } from '../../../main/client/messenger';
import { MessengerApp } from '../../../main/app/app-core';
import { SOURCE_HISTORY_WORKER } from '../../../main/app/history/source-worker';
import { MemorySecretStore } from '../../../main/app/secret-store';
import { ensureRendererBundle } from '../../../main/web/bundle';
import { WebHost } from '../../../main/web/web-host';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const temporaryDirs: string[] = [];

export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

export function removeTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The renderer bundle, built once if it is missing or stale. */
export function rendererBundle(): string {
  return ensureRendererBundle(PROJECT_ROOT, { log: (line) => console.log(line) });
}

/** A browser host for one person, whose sign-in form starts with `server` and `handle` filled in. */
export async function startWebUser(server: string, handle: string, rendererDir: string): Promise<WebHost> {
  const dataDir = temporaryDir('msn-e2e-user-');
  return WebHost.start({
    rendererDir,
    // A closed conversation tab is left after this long, so a test need not wait the default.
    conversationGraceMs: 500,
    createApp: (shell) =>
      new MessengerApp({
        dataDir,
        secrets: new MemorySecretStore(),
        shell,
        // These users sign in to the test's own server; the Local demo is that same server.
        demo: { address: async () => server },
        createMessenger: (options) => new Messenger(options),
        accountDefaults: { lastServer: server, lastHandle: handle },
        history: { worker: SOURCE_HISTORY_WORKER },
      }),
  });
}

export interface BrowserPerson {
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * A person at their browser host's contact-list page, in a fresh context. Script errors and
 * Content-Security-Policy violations on any of their pages go to `problems`; `watch` sees each page
 * too; with `acceptDownloads`, saved files can be read back.
 */
export async function openMessenger(
  browser: Browser,
  host: WebHost,
  problems: string[],
  watch: (page: Page) => void = () => {},
  { acceptDownloads = false }: { readonly acceptDownloads?: boolean } = {},
): Promise<BrowserPerson> {
  const context = await browser.newContext({ viewport: { width: 320, height: 580 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads });
  await reportViolations(context, problems);
  context.on('page', (page) => {
    watch(page);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });
  const page = await context.newPage();
  await page.goto(host.url);
  return { context, page };
}

/**
 * Chromium reports a blocked eval (even one caught in a try) as a `securitypolicyviolation` event and
 * a DevTools issue, not on the console, so every page of the context forwards the events it sees.
 */
async function reportViolations(context: BrowserContext, problems: string[]): Promise<void> {
  await context.exposeFunction('reportCspViolation', (violation: string) => void problems.push(violation));
  await context.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) =>
      report(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
}

/** Someone signed in without a browser, for what the browser users react to. */
export async function signInHeadless(server: string, handle: string, password: string): Promise<Messenger> {
  const messenger = new Messenger({ dataDir: temporaryDir('msn-e2e-headless-'), openExternal: () => {} });
  await messenger.signIn({ server, handle, password, status: 'NLN' });
  return messenger;
}

/** Types the password into the sign-in form (the host filled in the rest) and signs in. */
export async function submitPassword({ page }: BrowserPerson, password: string): Promise<void> {
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Double-clicks a contact and resolves with the conversation window that opens, at the size of MSN's. */
export async function openConversationWith({ context, page }: BrowserPerson, handle: string): Promise<Page> {
  const opened = nextPage(context, /#\/conversation\//);
  await page.getByTestId(`contact-${handle}`).dblclick();
  const chat = await opened;
  await chat.setViewportSize({ width: 480, height: 420 });
  return chat;
}

/** Ends a test file's world: its browser, the people signed in without one, the hosts, the server. */
export async function tearDown(world: {
  readonly browser: Browser | undefined;
  readonly headless: readonly Messenger[];
  readonly hosts: readonly WebHost[];
  readonly server: { close(): Promise<void> } | undefined;
}): Promise<void> {
  await world.browser?.close();
  await Promise.all(world.headless.map((messenger) => messenger.signOut()));
  await Promise.all(world.hosts.map((host) => host.close()));
  await world.server?.close();
  removeTemporaryDirs();
}

/** Resolves with the next page of `context` whose URL matches. */
export function nextPage(context: BrowserContext, url: RegExp): Promise<Page> {
  return context.waitForEvent('page', { predicate: (page) => url.test(page.url()), timeout: 15_000 });
}

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');
const DOCS_SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');

/**
 * Saves a screenshot as a test artifact; with UPDATE_SCREENSHOTS=1 also as the README's picture of
 * the same window (they show the time, so refreshing them on every run would dirty the tree).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(file, join(DOCS_SCREENSHOTS, `${name}.png`));
}

/** For `openMessenger`'s watch: a native dialog (alert, confirm) is dismissed and counted as a problem. */
export function dialogsAreProblems(problems: string[]): (page: Page) => void {
  return (page) => page.on('dialog', (dialog) => void dialog.dismiss().then(() => problems.push(`dialog: ${dialog.message()}`)));
}
