// What a messenger did, for the log: every sign-in step, sign-in and sign-out with its reason,
// reconnects and errors. The MSNP lines come separately (the messenger's `log` option); nothing
// here ever writes what a message said.

import type { AppError } from '../../shared/errors';
import type { AppLog } from './app-log';
import type { MessengerPort } from './messenger-port';

/**
 * An error as its codes and facts: the log is read by whoever fixes the bug, in any language. A
 * message that could not be delivered names it in `text`, which stays out.
 */
function describeError({ kind, reason, code, detail }: AppError): string {
  const { text: _text, ...facts } = detail ?? {};
  const shown = Object.entries(facts).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return [kind, reason, ...(code === undefined ? [] : [String(code)]), ...shown].join(' ');
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
  messenger.on('signedOut', ({ reason, error }) => log.info(`${prefix}signed out (${reason})${error ? `: ${describeError(error)}` : ''}`));
  messenger.on('error', ({ conversationId, messageId: _messageId, ...error }) =>
    log.warn(`${prefix}error (${describeError(error)})${conversationId === undefined ? '' : ` in conversation ${conversationId}`}`),
  );
}
