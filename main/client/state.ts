// Pure reducers for MessengerState with structural sharing: a change that changes nothing keeps
// object identity, so selectors and the IPC patcher can compare by reference.

import type { AddedByRequest, AllFields, Contact, MessengerState, NewMail, StatusCode } from '../../shared/model';
import { contactByKey, contactIndex, contactKey, indexedBy, withContacts, withReplaced } from '../../shared/contacts';
import { type ContactLists, type ListEntry, listsOf, membersOf, storedNameOf } from '../ns/lists';

/** What ILN/NLN/FLN last said about a contact. */
export interface PresenceInfo {
  readonly status: StatusCode;
  readonly friendlyName?: string;
}

/** Applies `changes` to `value`, returning `value` itself when every change is already in place. */
export function patch<T extends object>(value: T, changes: Partial<T>): T {
  for (const key of Object.keys(changes) as (keyof T)[]) {
    if (!Object.is(value[key], changes[key])) return { ...value, ...changes };
  }
  return value;
}

/**
 * `state` with `changes`, made field by field in one order, never by spreading: every state then
 * has one shape. States come from many places (a sign-in step, the lists, a presence batch, every
 * message sent, ACKed or received), and spread, each kept the shape of whatever it was made from:
 * V8 then copied them and set each changed field the slow way, a call into its runtime each time.
 */
export function stateWith(state: MessengerState, changes: Partial<MessengerState>): MessengerState {
  const next: AllFields<MessengerState> = {
    session: changes.session ?? state.session,
    profile: 'profile' in changes ? changes.profile : state.profile,
    privacy: changes.privacy ?? state.privacy,
    mail: changes.mail ?? state.mail,
    contacts: changes.contacts ?? state.contacts,
    addedBy: changes.addedBy ?? state.addedBy,
    removedBy: changes.removedBy ?? state.removedBy,
    conversations: changes.conversations ?? state.conversations,
  };
  return next as MessengerState;
}

/** The state with the conversations' newest record (after every message sent, ACKed or received). */
export function withConversations(state: MessengerState, conversations: MessengerState['conversations']): MessengerState {
  return stateWith(state, { conversations });
}

export function withSession(state: MessengerState, changes: Partial<MessengerState['session']>): MessengerState {
  const session = patch(state.session, changes);
  return session === state.session ? state : stateWith(state, { session });
}

export function withMail(state: MessengerState, changes: Partial<MessengerState['mail']>): MessengerState {
  const mail = patch(state.mail, changes);
  return mail === state.mail ? state : stateWith(state, { mail });
}

/** A new mail counts as unread in the Inbox, or in the other folders when delivered elsewhere (§9.3). */
export function withNewMail(state: MessengerState, mail: NewMail, inInbox: boolean): MessengerState {
  const { inboxUnread, foldersUnread } = state.mail;
  return withMail(state, { lastNew: mail, ...(inInbox ? { inboxUnread: inboxUnread + 1 } : { foldersUnread: foldersUnread + 1 }) });
}

/** `Message-Delta` unread messages moved between the Inbox and the other folders, never below 0 (§9.4). */
export function withMailMoved(state: MessengerState, move: { fromInbox: boolean; toInbox: boolean; delta: number }): MessengerState {
  const moved = (count: number, from: boolean, to: boolean): number => Math.max(0, count - (from ? move.delta : 0) + (to ? move.delta : 0));
  const { inboxUnread, foldersUnread } = state.mail;
  return withMail(state, {
    inboxUnread: moved(inboxUnread, move.fromInbox, move.toInbox),
    foldersUnread: moved(foldersUnread, !move.fromInbox, !move.toInbox),
  });
}

/**
 * The lists each version of the contacts was made from (withLists), handed down by presence
 * changes: a presence batch on contacts made from the lists it is given reads each contact's
 * handle and lists from the contact itself, not from the lists' entry (see withPresences).
 */
const madeFrom = new WeakMap<readonly Contact[], ContactLists>();

/** The contact an entry and its presence make: `previous` itself when that is what it would be. */
function contactOf(entry: ListEntry, presence: PresenceInfo | undefined, previous: Contact | undefined): Contact {
  const handle = entry.handle;
  const friendlyName = presence?.friendlyName ?? storedNameOf(entry);
  // The server tells the presence of people on my forward list only: anyone else's last status is stale.
  const status = entry.names.FL === undefined ? 'FLN' : (presence?.status ?? 'FLN');
  return contactWith(handle, friendlyName, status, listsOf(entry), previous);
}

/**
 * The contact with these fields: `previous` itself when it has them all. The status and the lists
 * are compared first: a sign-in's presence changes every status, and comparing a freshly decoded
 * name first would flatten and read it, and the old one, for nothing.
 */
function contactWith(handle: string, friendlyName: string, status: StatusCode, lists: Contact['lists'], previous: Contact | undefined): Contact {
  if (previous && previous.status === status && previous.lists === lists && previous.handle === handle && previous.friendlyName === friendlyName) {
    return previous;
  }
  return { handle, friendlyName, status, lists };
}

/** People on RL who are on neither AL nor BL, asked about while GTC is A (§11.4). */
function pendingAddedBy(lists: ContactLists): AddedByRequest[] {
  if (lists.addedAlert !== 'A') return [];
  return membersOf(lists, 'RL')
    .filter((entry) => entry.names.AL === undefined && entry.names.BL === undefined)
    .map((entry) => ({ handle: entry.handle, friendlyName: entry.names.RL ?? entry.handle }));
}

function sameRequests(a: readonly AddedByRequest[], b: readonly AddedByRequest[]): boolean {
  return a.length === b.length && a.every((request, index) => request.handle === b[index]?.handle && request.friendlyName === b[index]?.friendlyName);
}

/** Rebuilds contacts, privacy settings and the "added you" queue from the lists and presence. */
export function withLists(state: MessengerState, lists: ContactLists, presence: ReadonlyMap<string, PresenceInfo>): MessengerState {
  let changed = lists.entries.size !== state.contacts.length;
  const contacts: Contact[] = [];
  let index = 0;
  for (const [key, entry] of lists.entries) {
    // The contact at the same place, when the lists kept their order (as they mostly do); else found by key.
    let previous = state.contacts[index++];
    if (previous === undefined || contactKey(previous.handle) !== key) previous = contactByKey(state.contacts, key);
    const contact = contactOf(entry, presence.get(key), previous);
    contacts.push(contact);
    if (contact !== previous) changed = true;
  }
  // The contacts are in the entries' order, and the entries' keys are the contacts' keys.
  if (changed) indexedBy(contacts, lists.entries.keys());
  const privacy = patch(state.privacy, { mode: lists.privacy, addedAlert: lists.addedAlert });
  const requests = pendingAddedBy(lists);
  const addedBy = sameRequests(state.addedBy, requests) ? state.addedBy : requests;
  madeFrom.set(changed ? contacts : state.contacts, lists);
  if (!changed && privacy === state.privacy && addedBy === state.addedBy) return state;
  return stateWith(state, { contacts: changed ? contacts : state.contacts, privacy, addedBy });
}

/**
 * Shows the presence now known for the contacts of `keys` (their handles' keyOf, made once as each
 * line arrived) from `presence`, copying the contacts once however many changed: a sign-in's ILN
 * burst is hundreds of lines against thousands of contacts. Someone on none of my lists is not shown.
 */
export function withPresences(
  state: MessengerState,
  lists: ContactLists,
  presence: ReadonlyMap<string, PresenceInfo>,
  keys: readonly string[],
  /** Filled with the contact each key shows afterwards (undefined for someone on none of my lists), in the keys' order. */
  shown?: Array<Contact | undefined>,
): MessengerState {
  // Contacts made from these very lists hold every entry's handle and lists already, and are
  // exactly the entries: the entry is then looked up only for a stored name (each entry is memory
  // nothing else touched lately: in a sign-in that was much of the batch's time).
  if (madeFrom.get(state.contacts) === lists) return withPresencesOnContacts(state, lists, presence, keys, shown);
  const changes = new Map<string, Contact>();
  const index = contactIndex(state.contacts);
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    // A handle announced twice in one batch (an NLN after its ILN) builds on the first change.
    const position = index.get(key);
    const previous = (changes.size > 0 ? changes.get(key) : undefined) ?? (position === undefined ? undefined : state.contacts[position]);
    const entry = lists.entries.get(key);
    const contact = entry && contactOf(entry, presence.get(key), previous);
    if (shown) shown[at] = contact;
    if (contact && contact !== previous) changes.set(key, contact);
  }
  // The state sync then compares these few contacts, not all of them (shared/record-changes.ts).
  const contacts = withContacts(state.contacts, changes);
  return contacts === state.contacts ? state : stateWith(state, { contacts });
}

/**
 * withPresences on contacts made from `lists`: every entry has its contact, so the batch only
 * replaces contacts where they are (found once each in the index), in one copy of the list.
 */
function withPresencesOnContacts(
  state: MessengerState,
  lists: ContactLists,
  presence: ReadonlyMap<string, PresenceInfo>,
  keys: readonly string[],
  shown: Array<Contact | undefined> | undefined,
): MessengerState {
  const contacts = state.contacts;
  const index = contactIndex(contacts);
  let next: Contact[] | undefined;
  const changed: string[] = [];
  const places: number[] = [];
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    const position = index.get(key);
    if (position === undefined) {
      if (shown) shown[at] = undefined;
      continue;
    }
    // A handle announced twice in one batch (an NLN after its ILN) builds on the first change.
    const previous = (next ?? contacts)[position] as Contact;
    const contact = presenceOn(previous, presence.get(key), lists, key);
    if (shown) shown[at] = contact;
    if (contact === previous) continue;
    next ??= contacts.slice();
    next[position] = contact;
    changed.push(key);
    places.push(position);
  }
  if (!next) return state;
  madeFrom.set(next, lists);
  return stateWith(state, { contacts: withReplaced(contacts, next, changed, places) });
}

/** What contactOf makes of a contact made from `lists` and its presence: the entry is read only for its stored name. */
function presenceOn(previous: Contact, presence: PresenceInfo | undefined, lists: ContactLists, key: string): Contact {
  const friendlyName = presence?.friendlyName ?? storedNameOf(lists.entries.get(key) as ListEntry);
  const status = previous.lists.includes('FL') ? (presence?.status ?? 'FLN') : 'FLN';
  return contactWith(previous.handle, friendlyName, status, previous.lists, previous);
}
