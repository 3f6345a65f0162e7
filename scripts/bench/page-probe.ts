// What the UI benchmarks watch inside a page of the browser host, installed before the page's own
// scripts run: when the host's snapshot arrives on the WebSocket, when the last message arrived,
// and every animation frame's time, so the longest frame is read from the frames themselves.
// The page's code is not changed or told anything.

import type { Page } from 'playwright-core';

export interface ProbeReadings {
  /** performance.now() when the first snapshot message reached the page. */
  readonly snapshotAt: number | undefined;
  /** performance.now() of the latest message from the host. */
  readonly lastMessageAt: number | undefined;
  /** performance.now() of every animation frame so far. */
  readonly frames: readonly number[];
}

interface Probe {
  snapshotAt?: number;
  lastMessageAt?: number;
  frames: number[];
  /**
   * Resolves with performance.now() in the animation frame after `selector` first matches (the
   * frame that paints it); rejects after `timeoutMs`.
   */
  paintedAt(selector: string, timeoutMs: number): Promise<number>;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
  }
}

/** Runs in the page before its scripts (passed to addInitScript as a function, so it must stand alone). */
export function installProbe(): void {
  const probe: Probe = {
    frames: [],
    paintedAt: (selector, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Nothing matched ${selector} within ${timeoutMs} ms`)), timeoutMs);
        const whenPainted = (): void => {
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve(performance.now());
          });
        };
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) whenPainted();
        });
        if (document.querySelector(selector)) whenPainted();
        else observer.observe(document, { childList: true, subtree: true, attributes: true });
      }),
  };
  window.__benchProbe = probe;
  const tick = (time: number): void => {
    probe.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const original = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: unknown, options?: unknown) {
    if (type === 'message' && typeof listener === 'function') {
      const inner = listener as (event: MessageEvent) => void;
      const watched = (event: MessageEvent): void => {
        const now = performance.now();
        probe.lastMessageAt = now;
        if (probe.snapshotAt === undefined && typeof event.data === 'string' && event.data.startsWith('{"type":"event","name":"snapshot"')) {
          probe.snapshotAt = now;
        }
        inner.call(this, event);
      };
      return original.call(this, type, watched as EventListener, options as AddEventListenerOptions);
    }
    return original.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof WebSocket.prototype.addEventListener;
}

/** Headless Chromium's display rate: animation frames start on its frames' boundaries. */
const DISPLAY_HZ = 60;
export const DISPLAY_FRAME_MS = 1000 / DISPLAY_HZ;

/**
 * How far a gap between two frames' times may be from a whole number of display frames and still
 * be that number: Chromium gives a page its times to 0.1 ms, so each end of a gap may be 0.1 ms off
 * (a gap of three display frames, 50 ms, reads anything from 49.9 to 50.1 ms).
 */
const TIMESTAMP_SLACK_MS = 0.2;

/** `gap` as the whole number of display frames it is, when it is one within the times' resolution. */
export function inDisplayFrames(gap: number): number {
  const whole = (Math.round((gap * DISPLAY_HZ) / 1000) * 1000) / DISPLAY_HZ;
  return Math.abs(gap - whole) <= TIMESTAMP_SLACK_MS ? whole : gap;
}

/**
 * The longest gap between two animation frames within [from, to] (ms), frames just outside bound
 * it; read in whole display frames (inDisplayFrames), so whether three frames' 50 ms counts as over
 * 50 ms does not turn on how the page's clock rounded its two ends.
 */
export function longestFrame(frames: readonly number[], from: number, to: number): number {
  let longest = 0;
  for (let index = 1; index < frames.length; index++) {
    const previous = frames[index - 1] as number;
    const current = frames[index] as number;
    if (current < from || previous > to) continue;
    longest = Math.max(longest, inDisplayFrames(current - previous));
  }
  return longest;
}

/** Installs the probe in `page`, for every document it loads from now on. */
export async function probePage(page: Page): Promise<void> {
  // tsx compiles the probe with esbuild's keepNames, which wraps named functions in __name().
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await page.addInitScript(installProbe);
}
