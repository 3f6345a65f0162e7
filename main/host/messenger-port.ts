// What the application needs from the messenger facade (main/client/messenger.ts). The app is
// written against this shape so that its command dispatch can be tested with a small fake.

import type { TypedEmitter } from '../../shared/emitter';
import type {
  AddedAlertMode,
  AddedByRequest,
  AppError,
  MessageFormat,
  MessengerState,
  NewMail,
  PassportForm,
  PrivacyMode,
  SettableStatus,
  StatusCode,
  UrlService,
} from '../../shared/model';

export interface MessengerEvents {
  [event: string]: unknown;
  state: MessengerState;
  addedBy: AddedByRequest;
  newMail: NewMail;
  message: { readonly conversationId: string; readonly from: string; readonly fromName: string; readonly text: string };
  error: AppError & { readonly conversationId?: string; readonly messageId?: string };
  signedOut: { readonly reason: 'user' | 'elsewhere' | 'server-shutdown' | 'error'; readonly message?: string };
  form: PassportForm;
  presence: { readonly handle: string; readonly status: StatusCode; readonly friendlyName: string };
}

export interface MessengerPort extends Pick<TypedEmitter<MessengerEvents>, 'on'> {
  readonly state: MessengerState;
  signIn(request: { server: string; handle: string; password: string; status: SettableStatus }): Promise<void>;
  signOut(): Promise<void>;
  setStatus(status: SettableStatus): Promise<void>;
  setFriendlyName(name: string): Promise<void>;
  addContact(list: 'FL' | 'AL' | 'BL', handle: string): Promise<void>;
  removeContact(list: 'FL' | 'AL' | 'BL', handle: string): Promise<void>;
  block(handle: string): Promise<void>;
  unblock(handle: string): Promise<void>;
  setPrivacyMode(mode: PrivacyMode): Promise<void>;
  setAddedAlert(mode: AddedAlertMode): Promise<void>;
  setIms(enabled: boolean): Promise<void>;
  inviteByEmail(handle: string): Promise<void>;
  openUrl(service: UrlService, arg?: string): Promise<PassportForm>;
  openNewMail(): Promise<PassportForm>;
  answerAddedBy(handle: string, answer: { allow: boolean; addToContacts: boolean }): Promise<void>;
  reportActivity(): void;
  setAutoIdleMinutes(minutes: number): void;
  openConversation(handle: string): string;
  sendMessage(conversationId: string, text: string, format?: MessageFormat): string;
  resendMessage(conversationId: string, messageId: string): void;
  sendTyping(conversationId: string): void;
  inviteToConversation(conversationId: string, handle: string): void;
  closeConversation(conversationId: string): void;
}

export interface MessengerPortOptions {
  readonly dataDir: string;
  /** Opens a Passport form page (a local file path) or a plain URL in the user's browser. */
  readonly openExternal: (pathOrUrl: string) => void | Promise<void>;
  readonly log?: (line: string) => void;
}
