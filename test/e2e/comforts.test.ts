// The comforts in real Chromium, through two people's browser hosts against the project's server:
// links and Messenger Plus! tags (drawn and stripped, in each theme), the away auto-reply between
// two signed-in accounts, a per-contact alert when someone signs in, the keyboard shortcuts, and
// axe-core over every window in the classic, night and high-contrast themes. Steps build on each
// other, as a person's session does.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../main/client/messenger';
import type { WebHost } from '../../main/web/web-host';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import type { ThemeChoice } from '../../shared/preferences';
import { conversationTarget } from '../../shared/web-protocol';
import { startServer, type MsnServer } from '../../server/index';
import { type Finding, seriousViolations } from './support/axe';
import { launchChromium, PATIENTLY } from './support/chromium';
import { type BrowserPerson, nextPage, openConversationWith, openMessenger, submitPassword, rendererBundle, saveScreenshot, signInHeadless, startWebUser, tearDown } from './support/users';

const PLUS_NAME = '[c=4]Dave[/c] [b]the[/b] [c=12]Great[/c=9]';
const ALICE = { handle: 'alice@comfort.test', password: 'alice-pw', friendlyName: 'Alice' };
const BOB = { handle: 'bob@comfort.test', password: 'bob-pw', friendlyName: 'Bob' };
const CAROL = { handle: 'carol@comfort.test', password: 'carol-pw', friendlyName: 'Carol' };
const DAVE = { handle: 'dave@comfort.test', password: 'dave-pw', friendlyName: PLUS_NAME };
const ERIN = { handle: 'erin@comfort.test', password: 'erin-pw', friendlyName: 'Erin' };
const FRIENDS_OF_ALICE = [BOB, CAROL, DAVE, ERIN].map((person) => person.handle);
const PLUS_MESSAGE = '[c=4]Red[/c] [b]bold[/b] [a=8]lit[/a] [c=3]a gradient[/c=12] see https://www.example.test/page or mail bob@example.com [b]unclosed';
const THEMES: readonly ThemeChoice[] = ['classic', 'night', 'high-contrast'];


let server: MsnServer;
let browser: Browser;
const hosts: WebHost[] = [];
const headless: Messenger[] = [];
const pageProblems: string[] = [];
const findings: Finding[] = [];
let alice: BrowserPerson;
let bob: BrowserPerson;
let aliceChat: Page;
let bobChat: Page;

async function signIn(person: BrowserPerson, password: string): Promise<void> {
  await submitPassword(person, password);
  await person.page.getByTestId('contact-list').waitFor();
}

/** Opens Tools > Options at one of its pages. */
async function openOptions(page: Page, tab: string): Promise<void> {
  await page.getByTestId('menubar-tools').click();
  await page.getByTestId('menu-options').click();
  await page.getByTestId(`options-tab-${tab}`).click();
}

/** Sets the look from a page, as the Options dialog does; every window of that host follows. */
async function useTheme(page: Page, theme: ThemeChoice): Promise<void> {
  await page.evaluate((choice) => window.msn.saveSettings({ theme: choice }), theme);
  const expected = theme === 'system' ? 'classic' : theme;
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), PATIENTLY).toBe(expected);
}

/** axe over the page in every theme; what it finds is collected and checked in the last test. */
async function auditInEveryTheme(page: Page, where: string): Promise<void> {
  for (const theme of THEMES) {
    await useTheme(page, theme);
    findings.push(...(await seriousViolations(page, `${where} (${theme})`)));
  }
  await useTheme(page, 'classic');
}

/** Opens one of the contact-list window's dialogs from its menu bar, audits it, and closes it. */
async function auditMenuDialog(page: Page, menu: string, item: string, dialog: string): Promise<void> {
  await page.getByTestId(`menubar-${menu}`).click();
  await page.getByTestId(`menu-${item}`).click();
  await page.getByTestId(dialog).waitFor();
  await auditInEveryTheme(page, dialog);
  await page.getByTestId(dialog).press('Escape');
  await page.getByTestId(dialog).waitFor({ state: 'detached' });
}

const contactRow = (page: Page, handle: string) => page.getByTestId(`contact-${handle}`);

/** Presses keys in a window that closes on them: the press may not outlive the page, the close must come. */
async function closesOnKey(page: Page, keys: string): Promise<void> {
  const closed = page.waitForEvent('close');
  await page.getByTestId('composer').focus();
  await page.keyboard.press(keys).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
  await closed;
}

beforeAll(async () => {
  const rendererDir = rendererBundle();
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    accounts: [
      { ...ALICE, lists: { FL: FRIENDS_OF_ALICE, AL: FRIENDS_OF_ALICE } },
      { ...BOB, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
      { ...CAROL, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
      { ...DAVE, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
      { ...ERIN, lists: { FL: [ALICE.handle], AL: [ALICE.handle] } },
    ],
  });
  const address = `${server.host}:${server.dispatchPort}`;
  hosts.push(await startWebUser(address, ALICE.handle, rendererDir), await startWebUser(address, BOB.handle, rendererDir));
  headless.push(await signInHeadless(address, DAVE.handle, DAVE.password));
  browser = await launchChromium();
  alice = await openMessenger(browser, hosts[0] as WebHost, pageProblems);
  bob = await openMessenger(browser, hosts[1] as WebHost, pageProblems);
});

afterAll(() => tearDown({ browser, headless, hosts, server }));

describe('the comforts in Chromium', () => {
  it('passes axe on the sign-in window in every theme, then signs both people in', async () => {
    await alice.page.getByTestId('sign-in-form').waitFor();
    await auditInEveryTheme(alice.page, 'sign-in window');
    await signIn(alice, ALICE.password);
    await signIn(bob, BOB.password);
    await expect.poll(() => contactRow(alice.page, BOB.handle).getAttribute('aria-label'), PATIENTLY).toBe('Bob (Online)');
  });

  it('draws a Plus! name as colour and style in the contact list, never as raw tags', async () => {
    const dave = contactRow(alice.page, DAVE.handle);
    await expect.poll(() => dave.getAttribute('aria-label'), PATIENTLY).toBe('Dave the Great (Online)');
    expect(await dave.textContent()).toBe('Dave the Great');
    const red = dave.locator('span[style]').filter({ hasText: 'Dave' }).first();
    const colour = await red.evaluate((element) => getComputedStyle(element).color);
    expect(colour).toMatch(/^rgb\((\d+), 0, 0\)$/);
    await saveScreenshot(alice.page, 'plus-contact-list-classic');
  });

  it('renders Plus! tags and links in messages, and a link opens in a new tab with noopener', async () => {
    aliceChat = await openConversationWith(alice, BOB.handle);
    const bobWindow = nextPage(bob.context, /#\/conversation\//);
    await aliceChat.getByTestId('composer').fill('Hi Bob!');
    await aliceChat.getByTestId('composer').press('Enter');
    bobChat = await bobWindow;
    await bobChat.setViewportSize({ width: 480, height: 420 });
    await bobChat.getByTestId('composer').fill(PLUS_MESSAGE);
    await bobChat.getByTestId('composer').press('Enter');

    const text = aliceChat.getByTestId('message-text').filter({ hasText: 'a gradient' });
    await text.waitFor();
    expect(await text.textContent()).toBe('Red bold lit a gradient see https://www.example.test/page or mail bob@example.com [b]unclosed');
    expect(await text.locator('span', { hasText: 'bold' }).first().evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
    expect(await text.locator('span', { hasText: 'lit' }).first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 0)');
    const web = text.getByRole('link', { name: 'https://www.example.test/page' });
    expect(await web.getAttribute('href')).toBe('https://www.example.test/page');
    expect(await web.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await text.getByRole('link', { name: 'bob@example.com' }).getAttribute('href')).toBe('mailto:bob@example.com');
    await saveScreenshot(aliceChat, 'plus-conversation-classic');

    await alice.context.route('https://www.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Example</p>' }));
    const tab = alice.context.waitForEvent('page', { predicate: (page) => page.url().startsWith('https://www.example.test/') });
    await web.click();
    const opened = await tab;
    await opened.waitForLoadState();
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await opened.close();
    // The link opened here and nowhere else: the conversation page did not navigate.
    expect(aliceChat.url()).toMatch(/#\/conversation\//);
  });

  it('shows the same in Classic Night, chosen in Options, and strips the tags when asked', async () => {
    await alice.page.bringToFront();
    await openOptions(alice.page, 'appearance');
    await alice.page.getByTestId('options-theme-night').check();
    await alice.page.getByTestId('options-ok').click();
    await expect.poll(() => aliceChat.evaluate(() => document.documentElement.dataset.theme), PATIENTLY).toBe('night');
    const background = await aliceChat.getByTestId('transcript').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(22, 27, 38)');
    await saveScreenshot(aliceChat, 'plus-conversation-night');
    await saveScreenshot(alice.page, 'plus-contact-list-night');

    await openOptions(alice.page, 'appearance');
    await alice.page.getByTestId('options-plus-strip').check();
    await alice.page.getByTestId('options-ok').click();
    const text = aliceChat.getByTestId('message-text').filter({ hasText: 'a gradient' });
    await expect.poll(() => text.locator('span[style]').count(), PATIENTLY).toBe(0);
    expect(await text.textContent()).toBe('Red bold lit a gradient see https://www.example.test/page or mail bob@example.com [b]unclosed');
    await saveScreenshot(aliceChat, 'plus-stripped-night');
    await alice.page.evaluate(() => window.msn.saveSettings({ plusTags: 'render', theme: 'classic' }));
  });

  it('answers with the away message between two signed-in accounts, once, marked automatic on both sides', async () => {
    await bob.page.bringToFront();
    await openOptions(bob.page, 'away');
    await bob.page.getByTestId('options-auto-reply').check();
    await bob.page.getByTestId('options-auto-reply-AWY').fill('Walking the dog, back soon.');
    await bob.page.getByTestId('options-ok').click();
    await bob.page.getByTestId('options-dialog').waitFor({ state: 'detached' });
    await bob.page.getByTestId('my-status').click();
    await bob.page.getByTestId('menu-status-AWY').click();
    await expect.poll(() => contactRow(alice.page, BOB.handle).getAttribute('aria-label'), PATIENTLY).toBe('Bob (Away)');

    await aliceChat.bringToFront();
    await aliceChat.getByTestId('composer').fill('Are you there?');
    await aliceChat.getByTestId('composer').press('Enter');
    const automatic = aliceChat.locator('[data-testid="message"][data-automatic="true"]');
    await automatic.waitFor();
    expect(await automatic.textContent()).toContain('Bob says:');
    expect(await automatic.textContent()).toContain('(automatic reply)');
    expect(await automatic.getByTestId('message-text').textContent()).toBe('Walking the dog, back soon.');
    const own = bobChat.locator('[data-testid="message"][data-automatic="true"]');
    await own.waitFor();
    expect(await own.textContent()).toContain('(automatic reply)');

    await aliceChat.getByTestId('composer').fill('Hello?');
    await aliceChat.getByTestId('composer').press('Enter');
    await bobChat.getByTestId('message-text').filter({ hasText: 'Hello?' }).waitFor();
    await bobChat.getByTestId('composer').fill('Sorry, I was out.');
    await bobChat.getByTestId('composer').press('Enter');
    await aliceChat.getByTestId('message-text').filter({ hasText: 'Sorry, I was out.' }).waitFor();
    // Bob's typed answer came after anything Bob's side sent about "Hello?": one reply in all.
    expect(await automatic.count()).toBe(1);
    await saveScreenshot(aliceChat, 'auto-reply');
  });

  it('alerts when a watched contact signs in, with alerts for everyone off', async () => {
    await alice.page.bringToFront();
    await alice.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { toasts: string[] }).toasts = seen;
      // A toast already showing (Bob signing in, a moment ago) is not news.
      const earlier = document.querySelector('[data-testid="toast"]');
      new MutationObserver(() => {
        const toast = document.querySelector('[data-testid="toast"]');
        if (toast === earlier) return;
        const text = toast && `${toast.textContent}|${toast.getAttribute('data-sound')}`;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await openOptions(alice.page, 'preferences');
    await alice.page.getByTestId('options-toasts').uncheck();
    await alice.page.getByTestId('options-ok').click();

    await contactRow(alice.page, CAROL.handle).click({ button: 'right' });
    await alice.page.getByTestId('menu-contact-alert').click();
    await contactRow(alice.page, CAROL.handle).click({ button: 'right' });
    expect(await alice.page.getByTestId('menu-contact-alert').getAttribute('aria-checked')).toBe('true');
    await alice.page.getByTestId('menu-contact-properties').click();
    const properties = alice.page.getByTestId('properties-dialog');
    expect(await properties.getByTestId('contact-alert-sign-in').isChecked()).toBe(true);
    await properties.getByTestId('contact-sound').selectOption('bell');
    await auditInEveryTheme(alice.page, 'properties-dialog');
    await properties.getByTestId('properties-ok').click();
    await properties.waitFor({ state: 'detached' });

    const address = `${server.host}:${server.dispatchPort}`;
    headless.push(await signInHeadless(address, ERIN.handle, ERIN.password));
    await expect.poll(() => contactRow(alice.page, ERIN.handle).getAttribute('aria-label'), PATIENTLY).toBe('Erin (Online)');
    headless.push(await signInHeadless(address, CAROL.handle, CAROL.password));
    await expect.poll(() => alice.page.evaluate(() => (window as unknown as { toasts: string[] }).toasts), PATIENTLY).toEqual([
      'Carol has just signed in.|bell',
    ]);
    await saveScreenshot(alice.page, 'contact-alert');
  });

  it('answers the keyboard shortcuts, all listed under Help', async () => {
    await alice.page.bringToFront();
    await alice.page.keyboard.press('Control+f');
    expect(await alice.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('contact-filter');

    await auditMenuDialog(alice.page, 'help', 'shortcuts', 'shortcuts-dialog');
    await alice.page.getByTestId('menubar-help').click();
    await alice.page.getByTestId('menu-shortcuts').click();
    const listed = await alice.page.getByTestId('shortcuts-dialog').locator('kbd').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['Ctrl+Tab', 'Ctrl+Shift+Tab', 'Ctrl+W', 'Esc', 'Ctrl+F']));
    await alice.page.keyboard.press('Escape');

    const carolChat = await openConversationWith(alice, CAROL.handle);
    await carolChat.getByTestId('composer').waitFor();
    // Which window the host asks the browser to bring forward, seen from the page that opens them.
    await alice.page.evaluate(() => {
      const asked: string[] = [];
      (window as unknown as { asked: string[] }).asked = asked;
      const open = window.open.bind(window);
      window.open = (url, target, features) => {
        asked.push(String(target));
        return open(url, target, features);
      };
    });
    const asked = () => alice.page.evaluate(() => (window as unknown as { asked: string[] }).asked);
    const ids = Object.keys(hosts[0]?.app.snapshot().state.conversations ?? {});
    const [bobId, carolId] = ids;
    await carolChat.getByTestId('composer').press('Control+Tab');
    await expect.poll(asked, PATIENTLY).toEqual([conversationTarget(FIRST_ACCOUNT, bobId as string)]);
    await aliceChat.getByTestId('composer').press('Control+Shift+Tab');
    await expect.poll(asked, PATIENTLY).toEqual([conversationTarget(FIRST_ACCOUNT, bobId as string), conversationTarget(FIRST_ACCOUNT, carolId as string)]);

    await auditInEveryTheme(aliceChat, 'conversation window');
    for (const [item, dialog] of [
      ['spelling', 'spelling-dialog'],
      ['font', 'font-dialog'],
      ['shortcuts', 'shortcuts-dialog'],
    ] as const) {
      const menu = item === 'font' ? 'format' : item === 'spelling' ? 'tools' : 'help';
      await auditMenuDialog(aliceChat, menu, item, dialog);
    }

    await closesOnKey(carolChat, 'Escape');
    await closesOnKey(aliceChat, 'Control+w');
    await expect.poll(() => Object.keys(hosts[0]?.app.snapshot().state.conversations ?? {}), PATIENTLY).toEqual([]);
  });

  it('passes axe in the contact list and each of its dialogs, in every theme', async () => {
    await alice.page.bringToFront();
    await auditInEveryTheme(alice.page, 'contact list');
    await auditMenuDialog(alice.page, 'tools', 'options', 'options-dialog');
    for (const tab of ['personal', 'preferences', 'appearance', 'away', 'privacy', 'connection']) {
      await openOptions(alice.page, tab);
      await auditInEveryTheme(alice.page, `options ${tab}`);
      await alice.page.getByTestId('options-dialog').press('Escape');
    }
    await auditMenuDialog(alice.page, 'actions', 'add-contact', 'add-contact-dialog');
    await auditMenuDialog(alice.page, 'help', 'about', 'about-dialog');
    await alice.page.evaluate(() => window.msn.saveSettings({ uiScale: 200, theme: 'high-contrast' }));
    await expect.poll(() => alice.page.evaluate(() => document.documentElement.style.zoom), PATIENTLY).toBe('2');
    await saveScreenshot(alice.page, 'high-contrast-200');
    await alice.page.evaluate(() => window.msn.saveSettings({ uiScale: 100, theme: 'classic' }));
  });

  it('found no serious or critical accessibility violation, script error or policy violation', () => {
    expect(findings).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
