// A ConversationHost without a notification server: XFR SB answers with tickets to a scripted
// switchboard, and the contact list is a table the test controls.

import type { Conversation, Dialect } from '../../../shared/model';
import type { ConversationHost, ConversationService, SwitchboardTicket } from '../../../main/sb/types';

export interface FakeHost extends ConversationHost {
  readonly logged: string[];
  readonly blocked: Set<string>;
  names: Record<string, string>;
  dialectInUse: Dialect;
  invitationsOn: boolean;
  /** Replaces the next `XFR SB` answer (a ticket, or a rejection). */
  nextSwitchboard: (() => Promise<SwitchboardTicket>) | undefined;
  switchboardRequests: number;
  /** Resolves once a logged line contains `text` and every reaction to it has run. */
  untilLogged(text: string): Promise<void>;
}

export function fakeHost(ticket: () => SwitchboardTicket, handle = 'example@hotmail.com', friendlyName = 'Exémple User'): FakeHost {
  const host: FakeHost = {
    logged: [],
    blocked: new Set(),
    names: {},
    dialectInUse: 'MSNP3',
    invitationsOn: true,
    nextSwitchboard: undefined,
    switchboardRequests: 0,
    self: () => ({ handle, friendlyName }),
    dialect: () => host.dialectInUse,
    requestSwitchboard: () => {
      host.switchboardRequests++;
      const next = host.nextSwitchboard;
      host.nextSwitchboard = undefined;
      return next ? next() : Promise.resolve(ticket());
    },
    friendlyNameOf: (contact) => host.names[contact],
    isBlocked: (contact) => host.blocked.has(contact),
    acceptsInvitations: () => host.invitationsOn,
    log: (line) => host.logged.push(line),
    untilLogged: async (text) => {
      // setImmediate turns are not faked by the tests' fake timers and let pending I/O and promises run.
      while (!host.logged.some((line) => line.includes(text))) await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return host;
}

/** Resolves with the conversation once it satisfies `test` (checked now and after every change). */
export function until(service: ConversationService, id: string, test: (conversation: Conversation) => boolean): Promise<Conversation> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const conversation = service.conversations[id];
      if (!conversation || !test(conversation)) return false;
      resolve(conversation);
      return true;
    };
    if (check()) return;
    const off = service.on('change', () => check() && off());
  });
}
