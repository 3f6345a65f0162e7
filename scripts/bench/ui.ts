// (i) What a person sees, in Chromium through the browser host: the 5000-contact list painting
// from the snapshot's arrival, the longest frame while 1000 presence changes arrive in one
// second, and a conversation of 10,000 messages opening and scrolling to its first message.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { MessengerApp } from '../../main/app/app-core';
import { MemorySecretStore } from '../../main/app/secret-store';
import { Messenger } from '../../main/client/messenger';
import { ensureRendererBundle } from '../../main/web/bundle';
import { WebHost } from '../../main/web/web-host';
import type { MessengerState } from '../../shared/model';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import { conversationRoute } from '../../shared/routes';
import { transcriptLength } from '../../shared/transcript';
import type { RawClient } from '../../test/support/raw-client';
import { launchChromium } from '../../test/e2e/support/chromium';
import { coreState, untilState } from './app-state';
import { median, milliseconds, printTable } from './measure';
import { longestFrame, probePage, type ProbeReadings } from './page-probe';
import { type BenchResult, judge } from './results';
import { type BenchWorld, CONTACTS, ME, ONLINE, changeStatus, sendMessages, startBenchWorld } from './world';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const ROUNDS = 5;
const STORM_CHANGES = 1000;
const STORM_MS = 1000;
const STORM_TICK_MS = 10;
const CHAT_MESSAGES = 10_000;
const PAINT_TIMEOUT_MS = 20_000;
/** The page is quiet once no message has come from the host for this long. */
const QUIET_MS = 500;

const CONTACT_ROW = '[data-testid="contact-list"] [role="treeitem"][data-handle]';
/** The row of the transcript's entry at `index` with its message drawn (not a row still loading). */
const transcriptRow = (index: number): string => `[data-testid="transcript"] [data-index="${index}"] [data-testid="message"]`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const paintedAt = (page: Page, selector: string): Promise<number> =>
  page.evaluate(([watched, timeoutMs]) => (window.__benchProbe as NonNullable<Window['__benchProbe']>).paintedAt(watched, timeoutMs), [selector, PAINT_TIMEOUT_MS] as const);

const readings = (page: Page): Promise<ProbeReadings> =>
  page.evaluate(() => {
    const probe = window.__benchProbe;
    return { snapshotAt: probe?.snapshotAt, lastMessageAt: probe?.lastMessageAt, frames: probe?.frames ?? [] };
  });

/** A fresh browser context's page at `url`, watched by the probe from before its first script. */
async function openPage(browser: Browser, url: string, size = { width: 320, height: 580 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  await probePage(page);
  page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
  await page.goto(url);
  return page;
}

/** Milliseconds from the snapshot's arrival to the frame that paints `selector`, and that moment. */
async function fromSnapshotToPaint(page: Page, selector: string): Promise<{ ms: number; paintedAt: number; snapshotAt: number }> {
  const painted = await paintedAt(page, selector);
  const { snapshotAt } = await readings(page);
  if (snapshotAt === undefined) throw new Error('The page painted before any snapshot arrived');
  return { ms: painted - snapshotAt, paintedAt: painted, snapshotAt };
}

async function measureContactList(browser: Browser, host: WebHost): Promise<{ samples: number[]; page: Page }> {
  const samples: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const page = await openPage(browser, host.url);
    const { ms } = await fromSnapshotToPaint(page, CONTACT_ROW);
    if (round === ROUNDS) return { samples, page };
    if (round > 0) samples.push(ms);
    await page.context().close();
  }
  throw new Error('unreachable');
}

/** 1000 status changes from the online contacts, spread evenly over one second. */
async function presenceStorm(world: BenchWorld): Promise<void> {
  const started = performance.now();
  const perTick = STORM_CHANGES / (STORM_MS / STORM_TICK_MS);
  for (let sent = 0, tick = 0; sent < STORM_CHANGES; tick++) {
    for (let index = 0; index < perTick; index++, sent++) changeStatus(world.online[sent % ONLINE] as (typeof world.online)[number]);
    await sleep(Math.max(0, started + (tick + 1) * STORM_TICK_MS - performance.now()));
  }
}

/** Waits until no message has reached the page for QUIET_MS; returns its readings then. */
async function untilQuiet(page: Page): Promise<ProbeReadings> {
  for (;;) {
    await sleep(QUIET_MS / 2);
    const now = await page.evaluate(() => performance.now());
    const probe = await readings(page);
    if (probe.lastMessageAt !== undefined && now - probe.lastMessageAt > QUIET_MS) return probe;
  }
}

async function measurePresenceStorm(page: Page, host: WebHost, world: BenchWorld): Promise<number> {
  await untilQuiet(page);
  let changes = 0;
  const messenger = host.app.account(FIRST_ACCOUNT)?.messenger;
  if (!messenger) throw new Error('The host has no account');
  const off = messenger.on('presence', ({ initial }) => void (initial || changes++));
  const startedAt = await page.evaluate(() => performance.now());
  await presenceStorm(world);
  while (changes < STORM_CHANGES) await sleep(10);
  off();
  const probe = await untilQuiet(page);
  return longestFrame(probe.frames, startedAt, (probe.lastMessageAt as number) + 100);
}

interface ChatFigures {
  readonly openMs: number;
  readonly scrollMs: number;
  readonly longestFrameMs: number;
}

/**
 * With BENCH_PROFILE=DIR, records the page's CPU profile (Chrome DevTools format) while `work` runs
 * and writes it to DIR/NAME.cpuprofile, to see where a missed budget goes.
 */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const directory = process.env['BENCH_PROFILE'];
  if (!directory) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  const result = await work();
  const { profile } = await session.send('Profiler.stop');
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, `${name}.cpuprofile`), JSON.stringify(profile));
  return result;
}

async function measureChat(browser: Browser, host: WebHost, conversationUrl: string, entries: number): Promise<ChatFigures[]> {
  const figures: ChatFigures[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const page = await openPage(browser, 'about:blank', { width: 480, height: 420 });
    const open = await profiled(page, `chat-${round}`, async () => {
      await page.goto(conversationUrl);
      return fromSnapshotToPaint(page, transcriptRow(entries - 1)).catch(async (error: unknown) => {
        await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'bench-chat.png') });
        const state = await page.evaluate(() => {
          const transcript = document.querySelector('[data-testid="transcript"]');
          const rows = [...document.querySelectorAll('[data-testid="transcript"] [data-index]')].map((row) => row.getAttribute('data-index'));
          return { scrollTop: transcript?.scrollTop, scrollHeight: transcript?.scrollHeight, clientHeight: transcript?.clientHeight, rows };
        });
        throw new Error(`${String(error)}; the transcript (screenshot in test-results/bench-chat.png): ${JSON.stringify(state)}`);
      });
    });
    const scroll = await page.evaluate(
      async ([selector, timeoutMs]) => {
        const started = performance.now();
        const transcript = document.querySelector('[data-testid="transcript"]');
        if (!transcript) throw new Error('No transcript');
        transcript.scrollTop = 0;
        const painted = await (window.__benchProbe as NonNullable<Window['__benchProbe']>).paintedAt(selector, timeoutMs);
        return { started, painted };
      },
      [transcriptRow(0), PAINT_TIMEOUT_MS] as const,
    );
    await sleep(100);
    const { frames } = await readings(page);
    if (round > 0) {
      figures.push({
        openMs: open.ms,
        scrollMs: scroll.painted - scroll.started,
        longestFrameMs: longestFrame(frames, open.snapshotAt, scroll.painted),
      });
    }
    await page.context().close();
  }
  return figures;
}

export async function benchUi(): Promise<BenchResult[]> {
  const rendererDir = ensureRendererBundle(PROJECT_ROOT, { log: (line) => console.log(line) });
  const world = await startBenchWorld();
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-bench-ui-'));
  const host = await WebHost.start({
    rendererDir,
    // Each round closes the conversation's page and opens it again, as a reload does; the host must
    // not leave the conversation in between, however slow the machine.
    conversationGraceMs: 10 * 60_000,
    createApp: (shell) =>
      new MessengerApp({
        dataDir,
        secrets: new MemorySecretStore(),
        shell,
        demo: { address: async () => world.address },
        createMessenger: (options) => new Messenger(options),
      }),
  });
  const browser = await launchChromium();
  const switchboards: RawClient[] = [];
  try {
    const signedIn = await host.app.dispatch('signIn', [
      FIRST_ACCOUNT,
      { server: world.address, handle: ME.handle, password: ME.password, status: 'NLN', rememberPassword: false, autoSignIn: false },
    ]);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
    await untilState(host.app, ({ contacts }) => {
      const all = contacts;
      return all.length === CONTACTS && all.filter((contact) => contact.status !== 'FLN').length === ONLINE;
    });

    const contactList = await measureContactList(browser, host);
    const stormFrameMs = await measurePresenceStorm(contactList.page, host, world);
    await contactList.page.context().close();

    const sender = world.online[0] as (typeof world.online)[number];
    switchboards.push(await sendMessages(world.server, sender, ME.handle, CHAT_MESSAGES));
    const chatEntries = (state: MessengerState) =>
      Object.values(state.conversations).find((conversation) => conversation.participants.some((person) => person.handle === sender.handle));
    await untilState(host.app, (state) => transcriptLength(chatEntries(state) ?? { entries: [] }) >= CHAT_MESSAGES);
    // Main's own state, with every entry (a window's snapshot holds the newest only).
    const conversation = chatEntries(coreState(host.app));
    if (!conversation) throw new Error('The conversation never arrived');
    const conversationUrl = host.url.replace(/#.*$/, `#${conversationRoute(FIRST_ACCOUNT, conversation.id)}`);
    const chat = await measureChat(browser, host, conversationUrl, transcriptLength(conversation));

    const chatMs = median(chat.map(({ openMs, scrollMs }) => openMs + scrollMs));
    const chatFrameMs = Math.max(...chat.map(({ longestFrameMs }) => longestFrameMs));
    printTable(`(i) The UI in Chromium through the browser host (median of ${ROUNDS} after a warm-up)`, ['measure', 'figure'], [
      [`contact list of ${CONTACTS.toLocaleString('en-US')}: snapshot arrived → painted`, milliseconds(median(contactList.samples))],
      [`${STORM_CHANGES.toLocaleString('en-US')} presence changes in ${STORM_MS / 1000} s: longest frame`, milliseconds(stormFrameMs)],
      [`conversation of ${CHAT_MESSAGES.toLocaleString('en-US')}: snapshot arrived → last message painted`, milliseconds(median(chat.map(({ openMs }) => openMs)))],
      ['then scrolled to the top → first message painted', milliseconds(median(chat.map(({ scrollMs }) => scrollMs)))],
      ['longest frame while opening and scrolling (worst round)', milliseconds(chatFrameMs)],
    ]);
    return [
      judge({ name: 'ui-contacts-5000', value: median(contactList.samples), unit: 'ms' }, { atMost: 300 }),
      judge({ name: 'ui-presence-storm', value: stormFrameMs, unit: 'ms' }, { atMost: 50 }),
      judge(
        { name: 'ui-chat-10000', value: chatMs, unit: 'ms', longestFrameMs: chatFrameMs, detail: `longest frame ${milliseconds(chatFrameMs)}` },
        { atMost: 300, longestFrameMs: 50 },
      ),
    ];
  } finally {
    await browser.close();
    await Promise.all(switchboards.map((switchboard) => switchboard.close()));
    await host.close();
    await world.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
