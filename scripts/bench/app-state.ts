// Waiting for the core to reach a state, for the benchmarks that drive a MessengerApp.

import type { MessengerApp } from '../../main/app/app-core';
import type { MessengerState } from '../../shared/model';

/** Resolves once the first account's state passes `done` (checked now and after every patch). */
export function untilState(app: MessengerApp, done: (state: MessengerState) => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error('The core never reached the expected state'))), timeoutMs);
    const check = (): void => {
      if (!done(app.snapshot().state)) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = app.on('patch', check);
    check();
  });
}
