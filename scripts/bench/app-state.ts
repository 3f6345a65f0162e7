// Waiting for the core to reach a state, for the benchmarks that drive a MessengerApp.

import type { MessengerApp } from '../../main/app/app-core';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import type { MessengerState } from '../../shared/model';

/** The first account's state in main, every transcript whole (a window's snapshot holds the newest entries only). */
export function coreState(app: MessengerApp): MessengerState {
  const account = app.account(FIRST_ACCOUNT);
  if (!account) throw new Error('The app has no account');
  return account.messenger.state;
}

/** Resolves once the first account's state passes `done` (checked now and after every patch). */
export function untilState(app: MessengerApp, done: (state: MessengerState) => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error('The core never reached the expected state'))), timeoutMs);
    const check = (): void => {
      if (!done(coreState(app))) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = app.on('patch', check);
    check();
  });
}
