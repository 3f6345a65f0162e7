// Chat history in real Chromium through the browser host: the one-time question, earlier lines
// above a new conversation, the history window's search, saving a contact's history as a web page
// (opened in Chromium, where a message containing HTML reads as the characters typed), deleting.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../main/client/messenger';
import type { WebHost } from '../../main/web/web-host';
import { startServer, type MsnServer } from '../../server/index';
import { launchChromium, PATIENTLY } from './support/chromium';
import { dialogsAreProblems, nextPage, openMessenger, removeTemporaryDirs, rendererBundle, saveScreenshot, signInHeadless, startWebUser, temporaryDir } from './support/users';

const ALICE = { handle: 'alice@history.test', password: 'alice-pw', friendlyName: 'Alice' };
const BOB = { handle: 'bob@history.test', password: 'bob-pw', friendlyName: 'Bob' };
const HOSTILE = 'Look: <b>not bold</b> & <script>alert("x")</script> <img src=x onerror=alert(2)>';
const REPLY = 'Sure, a coffee later?';

let server: MsnServer;
let browser: Browser;
let host: WebHost;
let bob: Messenger;
let context: BrowserContext;
let page: Page;
let history: Page;
const problems: string[] = [];

const contactRow = (handle: string) => page.getByTestId(`contact-${handle}`);

async function openConversationWithBob(): Promise<Page> {
  const opened = nextPage(context, /#\/conversation\//);
  await contactRow(BOB.handle).dblclick();
  const chat = await opened;
  await chat.setViewportSize({ width: 480, height: 420 });
  return chat;
}

beforeAll(async () => {
  const rendererDir = rendererBundle();
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    accounts: [
      { ...ALICE, lists: { FL: [BOB.handle], AL: [BOB.handle] } },
      { ...BOB, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
    ],
  });
  const address = `${server.host}:${server.dispatchPort}`;
  host = await startWebUser(address, ALICE.handle, rendererDir);
  bob = await signInHeadless(address, BOB.handle, BOB.password);
  // Bob answers every message Alice sends, in the conversation it came in.
  bob.on('message', ({ conversationId, text }) => {
    if (text === HOSTILE) bob.sendMessage(conversationId, REPLY);
  });
  browser = await launchChromium();
  ({ context, page } = await openMessenger(browser, host, problems, dialogsAreProblems(problems), { acceptDownloads: true }));
  await page.getByTestId('sign-in-password').fill(ALICE.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('contact-list').waitFor();
  // Bob shows as online (his name alone, no status after it) once his presence arrived.
  await page.waitForFunction(
    ([testId, name]) => document.querySelector(`[data-testid="${testId}"]`)?.textContent === name,
    [`contact-${BOB.handle}`, BOB.friendlyName],
    PATIENTLY,
  );
});

afterAll(async () => {
  await browser?.close();
  await bob?.signOut();
  await host?.close();
  await server?.close();
  removeTemporaryDirs();
});

describe('chat history in Chromium', () => {
  it('asks once, in the first conversation after signing in, whether to keep history', async () => {
    const chat = await openConversationWithBob();
    const prompt = chat.getByTestId('history-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('keep a history of your conversations on this computer');
    await saveScreenshot(chat, 'history-question');
    await chat.getByTestId('history-prompt-yes').click();
    await prompt.waitFor({ state: 'detached' });
    expect(host.app.snapshot().settings.history).toEqual({ [ALICE.handle]: true });

    await chat.getByTestId('composer').fill(HOSTILE);
    await chat.getByTestId('composer').press('Enter');
    await chat.getByTestId('message-text').filter({ hasText: REPLY }).waitFor();
    await expect.poll(() => chat.locator('[data-testid="message"][data-delivery="delivered"]').count(), PATIENTLY).toBe(1);
    await chat.close();
    // The host leaves a conversation whose page is gone for good.
    await expect.poll(() => Object.keys(host.app.snapshot().state.conversations).length, PATIENTLY).toBe(0);
  });

  it('shows the last lines of the earlier conversation, greyed, above a new one, and does not ask again', async () => {
    const chat = await openConversationWithBob();
    const lines = chat.getByTestId('recent-line');
    await expect.poll(() => lines.count(), PATIENTLY).toBe(2);
    expect(await lines.nth(0).locator('.entry__text').textContent()).toBe(HOSTILE);
    expect(await lines.nth(1).locator('.entry__text').textContent()).toBe(REPLY);
    expect(Number(await lines.nth(0).evaluate((element) => getComputedStyle(element).opacity))).toBeLessThan(1);
    expect(await chat.getByTestId('message').count()).toBe(0);
    expect(await chat.getByTestId('history-prompt').count()).toBe(0);
    expect(await chat.locator('img[src="x"]').count()).toBe(0);
    await saveScreenshot(chat, 'history-recent-lines');
    await chat.close();
  });

  it('searches every conversation as I type, marks the words found, and opens a hit in its conversation', async () => {
    await page.bringToFront();
    const opened = nextPage(context, /#\/history/);
    await page.getByTestId('menubar-tools').click();
    await page.getByTestId('menu-message-history').click();
    history = await opened;
    await history.setViewportSize({ width: 720, height: 520 });
    await history.getByTestId(`history-contact-${BOB.handle}`).waitFor();

    await history.getByTestId('history-search').pressSequentially('cof');
    const hit = history.getByTestId('history-hit');
    await expect.poll(() => hit.count(), PATIENTLY).toBe(1);
    expect(await hit.locator('mark').textContent()).toBe('coffee');
    expect(await history.getByTestId('history-found').textContent()).toBe('1 message found.');
    await hit.click();
    const found = history.locator('[data-testid="history-message"].entry--found');
    await found.waitFor();
    expect(await found.getByTestId('history-message-text').textContent()).toBe(REPLY);
    expect(await history.getByTestId('history-message').count()).toBe(2);
    expect(await history.getByTestId('history-message-text').first().textContent()).toBe(HOSTILE);
    await saveScreenshot(history, 'history-window');
  });

  it('saves a contact’s history as a web page that shows every message exactly, as text', async () => {
    await history.getByTestId('history-search').fill('');
    // The hit opened Bob's conversation: back in the list, Bob is the chosen contact.
    expect(await history.getByTestId(`history-contact-${BOB.handle}`).getAttribute('aria-expanded')).toBe('true');
    const downloading = history.waitForEvent('download');
    await history.getByTestId('menubar-file').click();
    await history.getByTestId('menu-export-contact-html').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`history-${BOB.handle}.html`);
    const file = join(temporaryDir('msn-e2e-export-'), download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => history.getByTestId('history-status').textContent(), PATIENTLY).toBe(`2 messages were saved to history-${BOB.handle}.html.`);

    const exported = await context.newPage();
    await exported.goto(`file://${file}`);
    expect(await exported.locator('.text').allTextContents()).toEqual([HOSTILE, REPLY]);
    expect(await exported.locator('script, img, b').count()).toBe(0);
    expect(await exported.locator('h1').textContent()).toBe(`Message history with Bob (${BOB.handle})`);
    expect(readFileSync(file, 'utf8')).not.toContain('<script>');
    await exported.close();
  });

  it('deletes a contact’s history after asking, and it is gone from the window and from a search', async () => {
    await history.getByTestId('menubar-edit').click();
    await history.getByTestId('menu-delete-contact').click();
    const dialog = history.getByTestId('history-delete-dialog');
    expect(await dialog.textContent()).toContain('Delete every saved conversation with Bob?');
    await history.getByTestId('history-delete-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => history.getByTestId('history-status').textContent(), PATIENTLY).toBe('2 messages were deleted.');
    await expect.poll(() => history.getByTestId(`history-contact-${BOB.handle}`).count(), PATIENTLY).toBe(0);
    await history.getByTestId('history-search').fill('coffee');
    await expect.poll(() => history.getByTestId('history-found').textContent(), PATIENTLY).toBe('No messages found.');
  });

  it('ran every page without a script error, an alert or a Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});
