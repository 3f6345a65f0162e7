// Auto-idle in the desktop app counts input anywhere on the computer, not only in our windows:
// someone busy in another app is not idle. Electron knows how long the whole system has had no
// input; while that is shorter than one poll, the user was active since the last one.

import { powerMonitor } from 'electron';

export const SYSTEM_IDLE_POLL_MS = 15_000;

/** Calls `report` after every poll that finds input since the one before. */
export function watchSystemActivity(report: () => void): void {
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() * 1000 < SYSTEM_IDLE_POLL_MS) report();
  }, SYSTEM_IDLE_POLL_MS);
  timer.unref();
}
