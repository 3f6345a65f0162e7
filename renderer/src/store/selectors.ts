// Selectors and derivations. Store selectors return stored objects only (stable identities);
// derivations that build new arrays are pure functions that components memoise on their inputs.

import { contactIn } from '../../../shared/contacts';
import type { Contact, Conversation, ListName, MessengerState } from '../../../shared/model';
import { stripPlus } from '../../../shared/plus-tags';
import type { MessengerStore } from './slices';

export const selectSession = (s: MessengerStore) => s.session;
export const selectSettings = (s: MessengerStore) => s.settings;
/** This window's account's own settings (its sign-in form, its proxy). */
export const selectAccountSettings = (s: MessengerStore) => s.settings?.accounts[s.account];
export const selectWindowAccount = (s: MessengerStore) => s.account;
/** Every account slot of the app with its settings (the window's own among them). */
export const selectAccountSlots = (s: MessengerStore) => s.settings?.accounts;
export const selectRemovedBy = (s: MessengerStore) => s.removedBy;
export const selectPlusTagMode = (s: MessengerStore) => s.settings?.plusTags ?? 'render';
/** The signed-in account's key for what it remembers per contact: its handle, lower-cased as main stores it. */
export const selectAccount = (s: MessengerStore) => s.session.handle?.toLowerCase();
export const selectAllContactPreferences = (s: MessengerStore) => s.settings?.contactPreferences;
export const selectReady = (s: MessengerStore) => s.ready;
export const selectContacts = (s: MessengerStore) => s.contacts;
export const selectPrivacy = (s: MessengerStore) => s.privacy;
export const selectAddedBy = (s: MessengerStore) => s.addedBy;
export const selectMail = (s: MessengerStore) => s.mail;
export const selectDialog = (s: MessengerStore) => s.dialog;
export const selectBanner = (s: MessengerStore) => s.banner;
export const selectFilter = (s: MessengerStore) => s.filter;
export const selectLastNotice = (s: MessengerStore) => s.lastNotice;
export const selectContact = (handle: string) => (s: MessengerStore) => contactIn(s.contacts, handle);
export const selectConversation = (id: string) => (s: MessengerStore) => s.conversations[id];

export function isOnline(contact: Contact): boolean {
  return contact.status !== 'FLN' && contact.status !== 'HDN';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The name people read ("[c=4]Zed[/c]" reads Zed), once per contact object: sorting compares each many times. */
const readableNames = new WeakMap<Contact, string>();
function readableName(contact: Contact): string {
  let name = readableNames.get(contact);
  if (name === undefined) {
    name = stripPlus(contact.friendlyName);
    readableNames.set(contact, name);
  }
  return name;
}

export function compareContacts(a: Contact, b: Contact): number {
  return collator.compare(readableName(a), readableName(b)) || collator.compare(a.handle, b.handle);
}

export interface ContactSections {
  readonly online: readonly Contact[];
  readonly offline: readonly Contact[];
}

/** Whether the filter (as typed) finds the contact by name or address. */
export function matchesFilter(contact: Contact, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  return !needle || readableName(contact).toLocaleLowerCase().includes(needle) || contact.handle.includes(needle);
}

/** The contact list's two sections: people on my FL matching the filter, sorted by name. */
export function contactSections(contacts: MessengerState['contacts'], filter: string): ContactSections {
  const online: Contact[] = [];
  const offline: Contact[] = [];
  for (const contact of contacts) {
    if (!contact.lists.includes('FL') || !matchesFilter(contact, filter)) continue;
    (isOnline(contact) ? online : offline).push(contact);
  }
  return { online: online.sort(compareContacts), offline: offline.sort(compareContacts) };
}

/** Everyone on one of my lists, sorted by name. */
export function listMembers(contacts: MessengerState['contacts'], list: ListName): readonly Contact[] {
  return contacts
    .filter((contact) => contact.lists.includes(list))
    .sort(compareContacts);
}

/** The name to show for a handle in a conversation: the participant's, else the contact's, else the handle. */
export function displayName(conversation: Conversation, contacts: MessengerState['contacts'], handle: string): string {
  return (
    conversation.participants.find((participant) => participant.handle === handle)?.friendlyName ??
    contactIn(contacts, handle)?.friendlyName ??
    handle
  );
}

export const selectShowBanner = (s: MessengerStore) => s.showBanner;
export const selectDismissBanner = (s: MessengerStore) => s.dismissBanner;
export const selectOpenDialog = (s: MessengerStore) => s.openDialog;
export const selectCloseDialog = (s: MessengerStore) => s.closeDialog;
export const selectSetFilter = (s: MessengerStore) => s.setFilter;
