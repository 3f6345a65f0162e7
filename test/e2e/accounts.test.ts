// Two accounts side by side in one browser host, in real Chromium against the project's server:
// the protocol console watching a whole sign-in with nothing secret in it, a second account signed
// in from File → Sign In with Another Account… in its own window, the two chatting with each other
// (each conversation on its own account), and one of them, removed from the other's list while
// signed out, told so at the next sign-in. Later steps build on earlier ones.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/web-host';
import { startServer, type MsnServer } from '../../server/index';
import { launchChromium, PATIENTLY } from './support/chromium';
import { dialogsAreProblems, nextPage, openMessenger, rendererBundle, saveScreenshot, startWebUser, tearDown, temporaryDir } from './support/users';

const ANN = { handle: 'ann@accounts.test', password: 'ann-secret-pw', friendlyName: 'Ann' };
const BEN = { handle: 'ben@accounts.test', password: 'ben-secret-pw', friendlyName: 'Ben' };

let server: MsnServer;
let browser: Browser;
let host: WebHost;
let context: BrowserContext;
/** Ann's contact list (account a1), her protocol console, and Ben's contact list (account a2). */
let ann: Page;
let annConsole: Page;
let ben: Page;
const problems: string[] = [];

/** Saves the console's lines as text, as a person would, and resolves with the file's text. */
async function savedConsoleText(consolePage: Page): Promise<string> {
  const downloading = consolePage.waitForEvent('download');
  await consolePage.getByTestId('console-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^protocol-console-ann@accounts\.test-\d{4}-\d\d-\d\d-\d{6}\.txt$/);
  const file = join(temporaryDir('msn-e2e-console-'), download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

async function signIn(page: Page, password: string, handle?: string): Promise<void> {
  if (handle !== undefined) await page.getByTestId('sign-in-handle').fill(handle);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('contact-list').waitFor();
}

beforeAll(async () => {
  const rendererDir = rendererBundle();
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    accounts: [
      { ...ANN, lists: { FL: [BEN.handle], AL: [BEN.handle] } },
      { ...BEN, lists: { FL: [ANN.handle], AL: [ANN.handle] } },
    ],
  });
  host = await startWebUser(`${server.host}:${server.dispatchPort}`, ANN.handle, rendererDir);
  browser = await launchChromium();
  ({ context, page: ann } = await openMessenger(browser, host, problems, dialogsAreProblems(problems), { acceptDownloads: true }));
  await ann.getByTestId('sign-in-form').waitFor();
});

afterAll(() => tearDown({ browser, headless: [], hosts: host ? [host] : [], server }));

describe('two accounts in one browser host', () => {
  it('shows a whole sign-in in the protocol console, per connection, with nothing secret in it', async () => {
    const opened = nextPage(context, /#\/console\/a1$/);
    await ann.getByTestId('menubar-tools').click();
    await ann.getByTestId('menu-protocol-console').click();
    annConsole = await opened;
    await annConsole.setViewportSize({ width: 760, height: 520 });
    await expect.poll(() => annConsole.getByTestId('console-empty').textContent(), PATIENTLY).toMatch(/^Nothing yet\./);
    expect(await annConsole.getByTestId('console-record').isChecked()).toBe(true);

    await signIn(ann, ANN.password);
    // Filtered, so the lines waited for are drawn whatever part of the (virtual) list is in view.
    await annConsole.getByTestId('console-filter').fill('CHG');
    await expect.poll(() => annConsole.getByTestId('console-line').count(), PATIENTLY).toBeGreaterThan(1);
    await annConsole.getByTestId('console-filter').fill('');
    expect(await annConsole.title()).toBe(`Protocol Console - ${ANN.handle}`);

    const text = await savedConsoleText(annConsole);
    const time = String.raw`\d{2}:\d{2}:\d{2}\.\d{3}`;
    expect(text).toMatch(new RegExp(`^${time} NS 1 Connected to 127\\.0\\.0\\.1:${server.dispatchPort}\\n${time} NS 1 C: VER 1 MSNP3 MSNP2 CVR0\\n`));
    for (const step of [
      /NS 1 S: VER 1 MSNP3/,
      /NS 1 C: INF \d+\n/,
      new RegExp(`NS 1 S: XFR \\d+ NS 127\\.0\\.0\\.1:${server.notificationPort} 0`),
      new RegExp(`NS 2 Connected to 127\\.0\\.0\\.1:${server.notificationPort}\\n`),
      /NS 2 C: USR \d+ MD5 I ann@accounts\.test\n/,
      /NS 2 S: USR \d+ MD5 S \[hidden\]\n/,
      /NS 2 C: USR \d+ MD5 S \[hidden\]\n/,
      /NS 2 S: USR \d+ OK ann@accounts\.test Ann\n/,
      /NS 2 C: SYN \d+ \d+\n/,
      /NS 2 S: LST \d+ FL .*ben@accounts\.test Ben\n/,
      /NS 2 C: CHG \d+ NLN\n/,
    ]) {
      expect(text).toMatch(step);
    }
    // No password, nothing made from it (an MD5 answer is 32 hex digits), no challenge, no ticket.
    expect(text).not.toContain(ANN.password);
    expect(text).not.toMatch(/\b[0-9a-f]{32}\b/i);
    expect(text).not.toMatch(/(MSPAuth|creds|k2)[:=] *(?!\[hidden\])\S/);

    const usrLines = text.split('\n').filter((line) => / USR /.test(line));
    await annConsole.getByTestId('console-filter').fill('USR');
    await expect.poll(() => annConsole.getByTestId('console-line').allTextContents(), PATIENTLY).toHaveLength(usrLines.length);
    expect(await annConsole.getByTestId('console-line').allTextContents()).toEqual(usrLines);
    await annConsole.getByTestId('console-filter').fill('');
    await saveScreenshot(annConsole, 'protocol-console');
  });

  it('signs a second account in beside the first, in its own window titled with its address', async () => {
    const opened = nextPage(context, /#\/contacts\/a2$/);
    await ann.getByTestId('menubar-file').click();
    await ann.getByTestId('menu-sign-in-another').click();
    ben = await opened;
    await ben.setViewportSize({ width: 320, height: 580 });
    await ben.getByTestId('sign-in-form').waitFor();
    expect(await ben.getByTestId('sign-in-handle').inputValue()).toBe('');
    await signIn(ben, BEN.password, BEN.handle);

    expect(await ann.title()).toBe(`${ANN.handle} - MSN Messenger`);
    expect(await ben.title()).toBe(`${BEN.handle} - MSN Messenger`);
    await expect.poll(() => ann.getByTestId(`contact-${BEN.handle}`).textContent(), PATIENTLY).toBe(BEN.friendlyName);
    await expect.poll(() => ben.getByTestId(`contact-${ANN.handle}`).textContent(), PATIENTLY).toBe(ANN.friendlyName);
    expect(await ann.getByTestId('my-status').textContent()).toContain(ANN.friendlyName);
    expect(await ben.getByTestId('my-status').textContent()).toContain(BEN.friendlyName);
  });

  it('chats between the two accounts, each conversation window on its own account', async () => {
    const annOpened = nextPage(context, /#\/conversation\/a1\//);
    await ann.getByTestId(`contact-${BEN.handle}`).dblclick();
    const annChat = await annOpened;
    await annChat.setViewportSize({ width: 480, height: 420 });
    const benOpened = nextPage(context, /#\/conversation\/a2\//);
    await annChat.getByTestId('composer').fill('Hello Ben, from the same app');
    await annChat.getByTestId('composer').press('Enter');

    const benChat = await benOpened;
    await benChat.setViewportSize({ width: 480, height: 420 });
    await benChat.getByTestId('message-text').filter({ hasText: 'Hello Ben, from the same app' }).waitFor();
    await benChat.getByTestId('composer').fill('Hi Ann, one window over');
    await benChat.getByTestId('send').click();
    await annChat.getByTestId('message-text').filter({ hasText: 'Hi Ann, one window over' }).waitFor();
    await expect.poll(() => annChat.getByTestId('message').count(), PATIENTLY).toBe(2);
    expect(await annChat.title()).toBe(`Ben - Conversation (as ${ANN.handle})`);
    expect(await benChat.title()).toBe(`Ann - Conversation (as ${BEN.handle})`);
    await saveScreenshot(annChat, 'two-accounts-conversation');

    // Ann's console shows her switchboard, and nothing of Ben's session.
    await expect.poll(() => annConsole.getByTestId('console-connection').locator('option').allTextContents(), PATIENTLY).toContain('SB 3');
    const text = await savedConsoleText(annConsole);
    expect(text).toMatch(/SB 3 C: USR 1 ann@accounts\.test \[hidden\]\n/);
    expect(text).not.toContain(`MD5 I ${BEN.handle}`);
    expect(text).not.toContain(BEN.password);
  });

  it('tells one account, at its next sign-in, that the other removed it from its list meanwhile', async () => {
    // The page in front gets its frames at full speed (a background tab's are slowed to one a second).
    await ann.bringToFront();
    await ann.getByTestId('menubar-file').click();
    await ann.getByTestId('menu-sign-out').click();
    await ann.getByTestId('sign-in-form').waitFor();

    await ben.bringToFront();
    await ben.getByTestId(`contact-${ANN.handle}`).click({ button: 'right' });
    await ben.getByTestId('menu-contact-delete').click();
    await ben.getByTestId('delete-contact-confirm').click();
    await expect.poll(() => ben.getByTestId(`contact-${ANN.handle}`).count(), PATIENTLY).toBe(0);

    await ann.bringToFront();
    await signIn(ann, ANN.password);
    const notice = ann.getByTestId('removed-by-notice');
    await expect.poll(() => notice.textContent(), PATIENTLY).toMatch(/^Ben removed you from their contact list since you last signed in\./);
    expect(await ann.getByRole('dialog').count()).toBe(0);
    await ann.getByTestId('removed-by-see').click();
    const view = ann.getByTestId('added-you-dialog');
    expect(await view.getByTestId('removed-you-list').textContent()).toBe(`Ben <${BEN.handle}>`);
    expect(await view.getByTestId(`added-you-${BEN.handle}`).count()).toBe(0);
    await saveScreenshot(ann, 'people-who-added-you');
    await ann.keyboard.press('Escape');
    expect(await view.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('brings back the other account’s contact list from the File menu once its window was closed', async () => {
    await ben.close();
    const reopened = nextPage(context, /#\/contacts\/a2$/);
    await ann.bringToFront();
    await ann.getByTestId('menubar-file').click();
    expect(await ann.getByTestId('menu-contact-list-a2').textContent()).toBe(`Contact List of ${BEN.handle}`);
    await ann.getByTestId('menu-contact-list-a2').click();
    ben = await reopened;
    // Still signed in: the window shows the account as it is, not a sign-in form.
    await expect.poll(() => ben.getByTestId('my-status').textContent(), PATIENTLY).toContain(BEN.friendlyName);
    expect(await ben.title()).toBe(`${BEN.handle} - MSN Messenger`);
    expect(problems).toEqual([]);
  });
});
