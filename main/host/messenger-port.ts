// What the application needs from the messenger facade (main/client/messenger.ts). The app is
// written against this shape so that its command dispatch can be tested with a small fake.

import type { Messenger, MessengerEvents } from '../client/messenger';

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
  | 'openConversation'
  | 'sendMessage'
  | 'resendMessage'
  | 'sendTyping'
  | 'inviteToConversation'
  | 'closeConversation'
>;

export interface MessengerPortOptions {
  readonly dataDir: string;
  /** Opens a Passport form page (a local file path) or a plain URL in the user's browser. */
  readonly openExternal: (pathOrUrl: string) => void | Promise<void>;
  readonly log?: (line: string) => void;
}
