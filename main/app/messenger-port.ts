// What the application needs from the messenger facade (main/client/messenger.ts). The app is
// written against this shape so that its command dispatch can be tested with a small fake.

import type { Messenger, MessengerEvents, MessengerOptions } from '../client/messenger';

export type { MessengerEvents };

export type MessengerPort = Pick<
  Messenger,
  | 'on'
  | 'state'
  | 'signIn'
  | 'signOut'
  | 'setStatus'
  | 'setFriendlyName'
  | 'addContact'
  | 'removeContact'
  | 'block'
  | 'unblock'
  | 'setPrivacyMode'
  | 'setAddedAlert'
  | 'setIms'
  | 'inviteByEmail'
  | 'openUrl'
  | 'openNewMail'
  | 'answerAddedBy'
  | 'reportActivity'
  | 'setAutoIdleMinutes'
  | 'setAutoReplies'
  | 'openConversation'
  | 'sendMessage'
  | 'resendMessage'
  | 'sendTyping'
  | 'inviteToConversation'
  | 'closeConversation'
>;

/** What the app gives the messenger it creates. */
export type MessengerPortOptions = Pick<MessengerOptions, 'dataDir' | 'openExternal' | 'openForm' | 'log' | 'trace'>;
