// Tells main the user is at the keyboard, so auto-idle (Settings.autoIdleMinutes) can start and
// end. Reports are throttled: main only needs to know "recently", not every key. The desktop app
// also counts input in other apps (main/electron/system-activity.ts); a browser page cannot.

import { useEffect } from 'react';
import { command } from './bridge';

const REPORT_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastReport = -Infinity;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      void command('reportActivity');
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [enabled]);
}
