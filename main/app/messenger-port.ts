// What the application needs from the messenger facade (main/client/messenger.ts). The app is
// written against this shape so that its command dispatch can be tested with a small fake.

import type { Messenger, MessengerEvents, MessengerOptions } from '../client/messenger';

export type { MessengerEvents };

/**
 * Every public member of the facade, derived rather than listed, so a new method the core calls
 * needs no line here (the fake in test/fixtures implements the same shape).
 */
export type MessengerPort = { readonly [K in keyof Messenger]: Messenger[K] };

/** What the app gives the messenger it creates. */
export type MessengerPortOptions = Pick<MessengerOptions, 'dataDir' | 'openExternal' | 'openForm' | 'log' | 'logMessageText' | 'trace'>;
