// What a messenger did, for the log: every sign-in step, sign-in and sign-out with its reason,
// reconnects and errors. The MSNP lines come separately (the messenger's `log` option); nothing
// here ever writes what a message said.

import type { AppError } from '../../shared/model';
import type { AppLog } from './app-log';
import type { MessengerPort } from './messenger-port';

function describeError(error: AppError): string {
  return `${error.kind}${error.code === undefined ? '' : ` ${error.code}`}: ${error.message}`;
}

/** Writes the messenger's steps to `log`; `account` names it when the app has several. */
export function logSessionActivity(messenger: Pick<MessengerPort, 'on' | 'state'>, log: AppLog, account?: string): void {
  const prefix = account === undefined ? '' : `[${account}] `;
  let previous = messenger.state.session;
  messenger.on('state', ({ session }) => {
    if (session === previous) return;
    const stepped = session.state !== previous.state;
    const failed = session.error !== undefined && session.error !== previous.error;
    if (stepped && session.state === 'connecting') {
      log.info(`${prefix}session: connecting to ${session.server ?? '?'} as ${session.handle ?? '?'}`);
    } else if (stepped || failed) {
      const why = failed && session.error ? ` (${describeError(session.error)})` : '';
      (failed ? log.warn : log.info)(`${prefix}session: ${session.state}${why}`);
    }
    previous = session;
  });
  messenger.on('signedIn', ({ handle, dialect }) => log.info(`${prefix}signed in as ${handle} (${dialect})`));
  messenger.on('signedOut', ({ reason, message }) => log.info(`${prefix}signed out (${reason})${message ? `: ${message}` : ''}`));
  messenger.on('error', ({ conversationId, messageId: _messageId, ...error }) =>
    log.warn(`${prefix}error (${describeError(error)})${conversationId === undefined ? '' : ` in conversation ${conversationId}`}`),
  );
}
