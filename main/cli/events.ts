// The CLI's output: one JSON object per line on stdout, each with an `event` field. Contacts and
// mail counts are printed when their state objects change (the state shares structure, so an
// unchanged contact keeps its identity and prints nothing).

import type { Messenger } from '../client/messenger';
import { contactByKey } from '../../shared/contacts';
import type { AppError, Contact, MessengerState } from '../../shared/model';
import { diffContacts } from '../../shared/state';
import { describe } from './sentences';

export type CliEvent = { readonly event: string } & Record<string, unknown>;

/** An AppError as an `error` event: the protocol code when there is one, else the kind; the reason, and its sentence. */
export function errorEvent(error: AppError, extra: Record<string, unknown> = {}): CliEvent {
  return { event: 'error', code: error.code ?? error.kind, reason: error.reason, message: describe(error), ...extra };
}

/** A mistake on the CLI's own command line or input line, in the CLI's words. */
export function usageEvent(message: string, extra: Record<string, unknown> = {}): CliEvent {
  return { event: 'error', code: 'input', message, ...extra };
}

const contactEvent = (contact: Contact): CliEvent => ({
  event: 'contact',
  handle: contact.handle,
  friendlyName: contact.friendlyName,
  lists: contact.lists,
  status: contact.status,
});

export function printEvents(messenger: Messenger, print: (event: CliEvent) => void): void {
  let previous: MessengerState = messenger.state;
  messenger.on('state', (state) => {
    if (state.session.state !== previous.session.state) print({ event: 'state', state: state.session.state });
    const contacts = diffContacts(previous.contacts, state.contacts);
    for (const contact of contacts?.set ?? []) print(contactEvent(contact));
    for (const key of contacts?.remove ?? []) {
      const gone = contactByKey(previous.contacts, key);
      if (gone) print({ ...contactEvent(gone), lists: [], status: 'FLN' });
    }
    const { inboxUnread, foldersUnread } = state.mail;
    if (inboxUnread !== previous.mail.inboxUnread || foldersUnread !== previous.mail.foldersUnread) {
      print({ event: 'mail', inboxUnread, foldersUnread });
    }
    previous = state;
  });
  messenger.on('signedIn', ({ handle, friendlyName, dialect }) => print({ event: 'signed-in', handle, friendlyName, dialect }));
  messenger.on('presence', ({ handle, status, friendlyName }) => print({ event: 'presence', handle, status, friendlyName }));
  messenger.on('addedBy', ({ handle, friendlyName }) => print({ event: 'added-by', handle, friendlyName }));
  messenger.on('removedBy', ({ handle, friendlyName }) => print({ event: 'removed-by', handle, friendlyName }));
  messenger.on('newMail', ({ from, fromAddress, subject }) => print({ event: 'new-mail', from, fromAddress, subject }));
  messenger.on('form', ({ action, method, fields }) => print({ event: 'form', action, method, fields }));
  messenger.on('message', ({ conversationId, from, text, automatic }) =>
    print({ event: 'message', conversation: conversationId, from, text, ...(automatic && { automatic }) }),
  );
  messenger.on('error', ({ conversationId, messageId, ...error }) =>
    print(errorEvent(error, { ...(conversationId && { conversation: conversationId }), ...(messageId && { messageId }) })),
  );
  messenger.on('signedOut', ({ reason, error }) => print({ event: 'signed-out', reason, ...(error && { message: describe(error) }) }));
  messenger.on('fileRecovered', ({ file, backup }) => print({ event: 'file-recovered', file, ...(backup && { backup }) }));
}
