// A long conversation read with the keyboard in real Chromium, through a browser host against the
// project's server: Home and End on the focused transcript reach its very first and very last
// message, although the rows' heights are only estimated until they are drawn (messages of one to
// five lines, so the estimates are wrong both ways).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../main/client/messenger';
import type { WebHost } from '../../main/web/web-host';
import { startServer, type MsnServer } from '../../server/index';
import { launchChromium, PATIENTLY } from './support/chromium';
import { type BrowserPerson, openConversationWith, openMessenger, rendererBundle, saveScreenshot, signInHeadless, startWebUser, submitPassword, tearDown } from './support/users';

const ALICE = { handle: 'alice@long.test', password: 'alice-pw', friendlyName: 'Alice' };
const BOB = { handle: 'bob@long.test', password: 'bob-pw', friendlyName: 'Bob' };
const REPLIES = 400;
/** Bob's nth reply: one to five lines, some long enough to wrap. */
const reply = (index: number): string =>
  Array.from({ length: 1 + (index % 5) }, (_, line) => `Reply ${index}, line ${line + 1}${' and a few more words'.repeat(index % 3)}`).join('\r\n');

let server: MsnServer;
let browser: Browser;
const hosts: WebHost[] = [];
const headless: Messenger[] = [];
const pageProblems: string[] = [];
let alice: BrowserPerson;
let chat: Page;

/** How far the transcript is from its end, its scroll position, and the first and last rows drawn. */
const transcriptPlace = (page: Page) =>
  page.getByTestId('transcript').evaluate((transcript) => {
    const drawn = [...transcript.querySelectorAll('[data-index]')].map((row) => Number(row.getAttribute('data-index')));
    return {
      fromEnd: Math.round(transcript.scrollHeight - transcript.clientHeight - transcript.scrollTop),
      scrollTop: Math.round(transcript.scrollTop),
      firstDrawn: Math.min(...drawn),
      lastDrawn: Math.max(...drawn),
    };
  });

/** Whether the row at `index` is drawn with its message, wholly inside the transcript's view. */
const rowInView = (page: Page, index: number) =>
  page.getByTestId('transcript').evaluate((transcript, wanted) => {
    const row = transcript.querySelector(`[data-index="${wanted}"]`);
    if (!row?.querySelector('[data-testid="message"]')) return false;
    const view = transcript.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  }, index);

beforeAll(async () => {
  // On loopback, at a port of the system's choosing (the server's defaults).
  server = await startServer({
    accounts: [
      { ...ALICE, lists: { FL: [BOB.handle], AL: [BOB.handle] } },
      { ...BOB, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
    ],
  });
  const address = `${server.host}:${server.dispatchPort}`;
  hosts.push(await startWebUser(address, ALICE.handle, rendererBundle()));
  browser = await launchChromium();
  alice = await openMessenger(browser, hosts[0] as WebHost, pageProblems);
  headless.push(await signInHeadless(address, BOB.handle, BOB.password));
});

afterAll(() => tearDown({ browser, headless, hosts, server }));

describe('a long transcript with the keyboard', () => {
  it(`receives ${REPLIES} replies of different lengths`, async () => {
    await submitPassword(alice, ALICE.password);
    await alice.page.getByTestId('contact-list').waitFor();
    const bob = headless[0] as Messenger;
    const asked = new Promise<string>((resolve) => bob.once('message', ({ conversationId }) => resolve(conversationId)));
    chat = await openConversationWith(alice, BOB.handle);
    await chat.getByTestId('composer').fill('Tell me everything.');
    await chat.getByTestId('composer').press('Enter');
    const conversationId = await asked;
    for (let index = 0; index < REPLIES; index++) bob.sendMessage(conversationId, reply(index));
    // The question and every reply: the newest is drawn at the bottom, as a conversation opens.
    await expect.poll(() => rowInView(chat, REPLIES), PATIENTLY).toBe(true);
    await expect.poll(() => transcriptPlace(chat).then((place) => place.fromEnd), PATIENTLY).toBe(0);
  });

  it('goes to the first message with Home and back to the newest with End, exactly', async () => {
    const transcript = chat.getByTestId('transcript');
    for (let round = 0; round < 2; round++) {
      await transcript.focus();
      await chat.keyboard.press('Home');
      await expect.poll(() => transcriptPlace(chat).then((place) => place.scrollTop), PATIENTLY).toBe(0);
      await expect.poll(() => rowInView(chat, 0), PATIENTLY).toBe(true);
      // Rows measured after landing must not push the first one away.
      await chat.waitForTimeout(300);
      expect(await transcriptPlace(chat)).toMatchObject({ scrollTop: 0, firstDrawn: 0 });

      await chat.keyboard.press('PageDown');
      await chat.keyboard.press('End');
      await expect.poll(() => transcriptPlace(chat).then((place) => place.fromEnd), PATIENTLY).toBe(0);
      await expect.poll(() => rowInView(chat, REPLIES), PATIENTLY).toBe(true);
      await chat.waitForTimeout(300);
      expect(await transcriptPlace(chat)).toMatchObject({ fromEnd: 0, lastDrawn: REPLIES });
    }
    await saveScreenshot(chat, 'long-transcript-end');
    expect(pageProblems).toEqual([]);
  });
});
