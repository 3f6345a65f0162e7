// One account of the app: its client, the state sync that tells its windows what changed, its
// protocol console, its chat history (when the shell has one), and the notices its messenger's
// events become. The core (app-core.ts) keeps one per account slot.

import type { AccountId } from '../../shared/accounts';
import { contactIn } from '../../shared/contacts';
import type { IpcEvents, Notice } from '../../shared/ipc';
import type { RecoveredFile } from '../../shared/model';
import type { AppHistory } from './history/app-history';
import type { MessengerPort, MessengerPortOptions } from './messenger-port';
import { ProtocolConsole } from './protocol-console';
import { SignInAlerts } from './sign-in-alerts';
import { StateSync } from './state-sync';

export interface Account {
  readonly id: AccountId;
  readonly messenger: MessengerPort;
  readonly sync: StateSync;
  readonly protocolConsole: ProtocolConsole;
  /** Which contacts' sign-ins are news (not a status change, not a flapping connection). */
  readonly signInAlerts: SignInAlerts;
  /** The chat history of whoever signs in on this account, when the shell set history up. */
  readonly history: AppHistory | undefined;
}

/** What an account reports to the app, each naming the account. */
export interface AccountListener {
  patch(event: IpcEvents['patch']): void;
  notice(event: IpcEvents['notice']): void;
  console(event: IpcEvents['console']): void;
  /** Someone else started a conversation: its window appears. */
  incoming(account: AccountId, conversationId: string): void;
  /** A damaged file of the account (its list cache) was set aside. */
  fileRecovered(file: RecoveredFile): void;
}

export function createAccount(
  id: AccountId,
  createMessenger: (options: MessengerPortOptions) => MessengerPort,
  options: Omit<MessengerPortOptions, 'trace'>,
  listener: AccountListener,
  createHistory?: (messenger: MessengerPort) => AppHistory,
): Account {
  const protocolConsole = new ProtocolConsole();
  const messenger = createMessenger({ ...options, trace: protocolConsole.sink });
  const sync = new StateSync({ initial: messenger.state });
  const account: Account = { id, messenger, sync, protocolConsole, signInAlerts: new SignInAlerts(), history: createHistory?.(messenger) };
  sync.on('patch', (patch) => listener.patch({ account: id, patch }));
  protocolConsole.on('change', (change) => listener.console({ account: id, ...change }));
  forwardMessengerEvents(account, listener);
  return account;
}

function forwardMessengerEvents(account: Account, listener: AccountListener): void {
  const { messenger, sync, signInAlerts, id } = account;
  const notify = (notice: Notice): void => listener.notice({ account: id, notice });
  messenger.on('state', (state) => sync.update(state));
  messenger.on('message', ({ conversationId, from, fromName, text }) => {
    notify({ kind: 'message', conversationId, from, fromName, text });
    listener.incoming(id, conversationId);
  });
  messenger.on('newMail', (mail) => notify({ kind: 'new-mail', from: mail.from, subject: mail.subject }));
  messenger.on('addedBy', (request) => notify({ kind: 'added-by', ...request }));
  messenger.on('removedBy', (removed) => notify({ kind: 'removed-by', ...removed }));
  messenger.on('presence', (change) => {
    // Only someone on my contact list is news; a server may say anything about anyone else. The
    // contact is looked up only for a change that would be news (not for a sign-in's hundreds of ILN).
    const announce = signInAlerts.seen(change) && contactIn(messenger.state.contacts, change.handle)?.lists.includes('FL') === true;
    if (announce) notify({ kind: 'online', handle: change.handle, friendlyName: change.friendlyName });
  });
  messenger.on('error', ({ conversationId, messageId: _message, ...error }) =>
    notify({ kind: 'error', error, ...(conversationId === undefined ? {} : { conversationId }) }),
  );
  messenger.on('fileRecovered', (file) => listener.fileRecovered(file));
  messenger.on('signedOut', ({ reason, error }) => {
    signInAlerts.clear();
    notify({ kind: 'signed-out', reason, ...(error && { error }) });
  });
}
