// Two people use MSN Messenger in real Chromium through their own browser hosts, against the
// project's server: sign-in, presence, status, a conversation both ways with formatting, the
// "added you" question, the Hotmail line's Passport form, sign-out. Later steps build on earlier
// ones, as a person's session does.

import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../main/client/messenger';
import type { WebHost } from '../../main/web/web-host';
import { startServer, type MsnServer } from '../../server/index';
import { launchChromium, PATIENTLY } from './support/chromium';
import { type BrowserPerson, nextPage, openConversationWith, openMessenger, submitPassword, rendererBundle, saveScreenshot, signInHeadless, startWebUser, tearDown } from './support/users';
import { contactIn } from '../../shared/contacts';

const XSS_NAME = '<img src=x onerror=alert(1)>';
const ALICE = { handle: 'alice@e2e.test', password: 'alice-pw', friendlyName: 'Alice' };
const BOB = { handle: 'bob@e2e.test', password: 'bob-pw', friendlyName: 'Bob' };
const MALLORY = { handle: 'mallory@e2e.test', password: 'mallory-pw', friendlyName: XSS_NAME };
const CAROL = { handle: 'carol@e2e.test', password: 'carol-pw', friendlyName: 'Carol' };
/** Friends who stay offline, so the contact list looks lived in. */
const OFFLINE_FRIENDS = [
  { handle: 'dave@e2e.test', password: 'dave-pw', friendlyName: 'Dave from the office' },
  { handle: 'erin@e2e.test', password: 'erin-pw', friendlyName: 'Erin ☀ on holiday' },
];

let server: MsnServer;
let browser: Browser;
const hosts: WebHost[] = [];
const headless: Messenger[] = [];
const alerts: string[] = [];

type Person = BrowserPerson;
/** Script errors and Content-Security-Policy violations seen on any page. */
const pageProblems: string[] = [];
let alice: Person;
let bob: Person;
/** The conversation windows of the chat, for the steps after it. */
let aliceChat: Page;
let bobChat: Page;

/** Pages of the app must never call alert(); any that does is dismissed and remembered. */
const openPerson = (host: WebHost): Promise<Person> =>
  openMessenger(browser, host, pageProblems, (page) => page.on('dialog', (dialog) => void dialog.dismiss().then(() => alerts.push(dialog.message()))));

const signIn = submitPassword;

const contactRow = (page: Page, handle: string) => page.getByTestId(`contact-${handle}`);

beforeAll(async () => {
  const rendererDir = rendererBundle();
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    accounts: [
      { ...ALICE, lists: { FL: [BOB.handle, ...OFFLINE_FRIENDS.map((friend) => friend.handle)], AL: [BOB.handle] }, emailEnabled: true, inboxUnread: 3 },
      { ...BOB, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
      MALLORY,
      CAROL,
      ...OFFLINE_FRIENDS,
    ],
  });
  const address = `${server.host}:${server.dispatchPort}`;
  hosts.push(await startWebUser(address, ALICE.handle, rendererDir), await startWebUser(address, BOB.handle, rendererDir));
  browser = await launchChromium();
  alice = await openPerson(hosts[0] as WebHost);
  bob = await openPerson(hosts[1] as WebHost);
});

afterAll(() => tearDown({ browser, headless, hosts, server }));

describe('MSN Messenger in Chromium', () => {
  it('says why a wrong password failed, then signs in', async () => {
    const { page } = alice;
    await page.getByTestId('sign-in-form').waitFor();
    await expect.poll(() => page.getByTestId('sign-in-handle').inputValue(), PATIENTLY).toBe(ALICE.handle);
    await signIn(alice, 'wrong');
    await page.getByText('The sign-in name or password is incorrect.').waitFor();
    await signIn(alice, ALICE.password);
    await page.getByTestId('contact-list').waitFor();
    await expect.poll(() => page.getByTestId('my-status').getAttribute('data-status'), PATIENTLY).toBe('NLN');
  });

  it('sees a contact come online and change status', async () => {
    await expect.poll(() => contactRow(alice.page, BOB.handle).textContent(), PATIENTLY).toContain('(Offline)');
    await signIn(bob, BOB.password);
    await bob.page.getByTestId('contact-list').waitFor();
    await expect.poll(() => contactRow(alice.page, BOB.handle).textContent(), PATIENTLY).toBe(BOB.friendlyName);
    await bob.page.getByTestId('my-status').click();
    await bob.page.getByTestId('menu-status-BSY').click();
    await expect.poll(() => contactRow(alice.page, BOB.handle).textContent(), PATIENTLY).toContain('(Busy)');
    await expect.poll(() => contactRow(bob.page, ALICE.handle).textContent(), PATIENTLY).toBe(ALICE.friendlyName);
    await saveScreenshot(alice.page, 'contact-list');
  });

  it('chats both ways, with formatting, each conversation in its own window', async () => {
    aliceChat = await openConversationWith(alice, BOB.handle);
    await aliceChat.getByTestId('font-button').click();
    await aliceChat.getByTestId('font-bold').check();
    await aliceChat.getByTestId('font-ok').click();
    const bobWindow = nextPage(bob.context, /#\/conversation\//);
    await aliceChat.getByTestId('composer').fill('Hi Bob! Are you there?');
    await aliceChat.getByTestId('composer').press('Enter');

    bobChat = await bobWindow;
    await bobChat.setViewportSize({ width: 480, height: 420 });
    expect(await bob.page.getByTestId('toast').textContent()).toBe('Alice says: Hi Bob! Are you there?');
    const received = bobChat.getByTestId('message-text').filter({ hasText: 'Hi Bob! Are you there?' });
    await received.waitFor();
    expect(await received.evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
    await bobChat.getByTestId('composer').fill('Hello Alice, I am here.');
    await bobChat.getByTestId('send').click();

    await aliceChat.getByTestId('message-text').filter({ hasText: 'Hello Alice, I am here.' }).waitFor();
    await expect.poll(() => aliceChat.getByTestId('message').count(), PATIENTLY).toBe(2);
    await saveScreenshot(aliceChat, 'conversation');
  });

  it('leaves the conversation when its tab is closed for good', async () => {
    await bobChat.close();
    const left = aliceChat.getByTestId('system-line').filter({ hasText: 'Bob has left the conversation.' });
    await left.waitFor({ timeout: PATIENTLY.timeout });
    expect(hosts[1]?.app.snapshot().state.conversations).toEqual({});
  });

  it('asks when someone adds me, and shows their name as text', async () => {
    // The conversation window took the foreground; background tabs paint too rarely for clicks.
    await alice.page.bringToFront();
    headless.push(await signInHeadless(`${server.host}:${server.dispatchPort}`, MALLORY.handle, MALLORY.password));
    await headless[0]?.addContact('FL', ALICE.handle);
    const dialog = alice.page.getByTestId('added-by-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(XSS_NAME);
    expect(await alice.page.locator('img[src="x"]').count()).toBe(0);
    await alice.page.getByTestId('added-by-allow').check();
    await alice.page.getByTestId('added-by-ok').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => contactRow(alice.page, MALLORY.handle).textContent(), PATIENTLY).toContain(XSS_NAME);
    expect(contactIn(hosts[0]?.app.snapshot().state.contacts ?? [], MALLORY.handle)?.lists).toEqual(expect.arrayContaining(['FL', 'AL', 'RL']));
    expect(alerts).toEqual([]);
  });

  it('blocks someone who adds me when I say so', async () => {
    headless.push(await signInHeadless(`${server.host}:${server.dispatchPort}`, CAROL.handle, CAROL.password));
    await headless[1]?.addContact('FL', ALICE.handle);
    await alice.page.getByTestId('added-by-dialog').filter({ hasText: CAROL.handle }).waitFor();
    await alice.page.getByTestId('added-by-block').check();
    await alice.page.getByTestId('added-by-add').uncheck();
    await alice.page.getByTestId('added-by-ok').click();
    await expect.poll(() => contactIn(hosts[0]?.app.snapshot().state.contacts ?? [], CAROL.handle)?.lists, PATIENTLY)
      .toEqual(expect.arrayContaining(['BL', 'RL']));
    expect(contactIn(hosts[0]?.app.snapshot().state.contacts ?? [], CAROL.handle)?.lists).not.toContain('AL');
  });

  it('opens the Inbox from the Hotmail line with a Passport form', async () => {
    const posted = new Promise<Request>((resolve) => {
      void alice.context.route('https://loginnet.passport.com/**', async (route) => {
        resolve(route.request());
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Welcome to Hotmail</p>' });
      });
    });
    await expect.poll(() => alice.page.getByTestId('mail-line').textContent(), PATIENTLY).toContain('3');
    await alice.page.getByTestId('mail-line').click();
    const request = await posted;
    expect(request.method()).toBe('POST');
    const fields = new URLSearchParams(request.postData() ?? '');
    expect(fields.get('mode')).toBe('ttl');
    expect(fields.get('login')).toBe('alice');
    expect(fields.get('username')).toBe(ALICE.handle);
    expect(fields.get('svc')).toBe('mail');
    expect(fields.get('creds')).toMatch(/^[0-9a-f]{32}$/);
    expect(hosts[0]?.lastForm?.fields['creds']).toBe(fields.get('creds'));
  });

  it('signs out back to the sign-in form, and the other side sees it', async () => {
    await alice.page.bringToFront();
    await alice.page.getByTestId('menubar-file').click();
    await alice.page.getByTestId('menu-sign-out').click();
    await alice.page.getByTestId('sign-in-form').waitFor();
    await expect.poll(() => contactRow(bob.page, ALICE.handle).textContent(), PATIENTLY).toContain('(Offline)');
  });

  it('ran every page without a script error or a Content-Security-Policy violation', () => {
    expect(pageProblems).toEqual([]);
  });
});
