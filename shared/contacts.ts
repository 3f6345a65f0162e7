// The contact list as the state holds it: an array of contacts in the lists' order, found by handle
// through an index kept beside it. A presence change to a few of five thousand contacts makes a new
// version by copying the array (a block copy of five thousand references) and replacing those few;
// the index is shared by every version with the same members, so it is built once per change of
// membership (a contact added or removed), not per presence change. A keyed record copied its five
// thousand keys one by one for every change, which cost a sign-in's presence burst a millisecond.

import type { Contact } from './model';
import { ChangeNotes, noteChanges } from './record-changes';

/** Every contact, each once, in the lists' order (shared/model.ts `MessengerState.contacts`). */
export type ContactList = readonly Contact[];

export const EMPTY_CONTACTS: ContactList = Object.freeze([]);

/** What a contact is found by: its handle, lower-cased (handles compare case-insensitively, §15.4). */
export const contactKey = (handle: string): string => handle.toLowerCase();

/**
 * `contactKey`, remembering the last handle it was asked for: for a caller that asks again and
 * again about the same few handles (my own, a chat's sender), which are compared then, not
 * lower-cased again.
 */
export function lastContactKey(): (handle: string) => string {
  let lastHandle: string | undefined;
  let lastKey = '';
  return (handle) => {
    if (handle !== lastHandle) {
      lastHandle = handle;
      lastKey = contactKey(handle);
    }
    return lastKey;
  };
}

/** Each list's index (key → position), built when first asked for, or handed down from the version it was made from. */
const indexes = new WeakMap<ContactList, ReadonlyMap<string, number>>();

/** Where each contact of `contacts` is, by key. */
export function contactIndex(contacts: ContactList): ReadonlyMap<string, number> {
  let index = indexes.get(contacts);
  if (!index) {
    const built = new Map<string, number>();
    for (let position = 0; position < contacts.length; position++) built.set(contactKey((contacts[position] as Contact).handle), position);
    indexes.set(contacts, (index = built));
  }
  return index;
}

/**
 * `contacts`, whose keys are `keys` (in the same order), indexed from them: a list just made from
 * keyed entries (the lists after a sign-in's dump) is indexed without lower-casing its handles
 * again. The keys are the caller's word; `contacts` is returned.
 */
export function indexedBy(contacts: ContactList, keys: Iterable<string>): ContactList {
  if (!indexes.has(contacts)) {
    const built = new Map<string, number>();
    for (const key of keys) built.set(key, built.size);
    indexes.set(contacts, built);
  }
  return contacts;
}

/** The contact with `handle` (any case), if it is on the list. */
export function contactIn(contacts: ContactList, handle: string): Contact | undefined {
  return contactByKey(contacts, contactKey(handle));
}

/** The contact whose key (contactKey) is `key`, if it is on the list: for a caller that has the key already. */
export function contactByKey(contacts: ContactList, key: string): Contact | undefined {
  const position = contactIndex(contacts).get(key);
  return position === undefined ? undefined : contacts[position];
}

/**
 * `contacts` with each of `changes` (by key) put in place of the contact with its key, or added at
 * the end; `contacts` itself when every change is the contact already there. The new version notes
 * the keys it changed (shared/record-changes.ts), for the diff to windows and the contact list's
 * sections.
 */
export function withContacts(contacts: ContactList, changes: ReadonlyMap<string, Contact>): ContactList {
  const index = contactIndex(contacts);
  let next: Contact[] | undefined;
  let added: Map<string, number> | undefined;
  const changed: string[] = [];
  const places: number[] = [];
  for (const [key, contact] of changes) {
    const position = added?.get(key) ?? index.get(key);
    if (position !== undefined && (next ?? contacts)[position] === contact) continue;
    next ??= contacts.slice();
    if (position === undefined) {
      added ??= new Map(index);
      added.set(key, next.length);
      next.push(contact);
    } else {
      next[position] = contact;
      places.push(position);
    }
    changed.push(key);
  }
  if (!next) return contacts;
  // Only replaced where they were: the same members at the same places.
  if (!added) return withReplaced(contacts, next, changed, places);
  indexes.set(next, added);
  noteChanges(next, contacts, changed);
  return next;
}

/** The places each version made by replacing contacts in place (withReplaced) replaced. */
const replacements = new ChangeNotes<number>();

/**
 * `next`, a copy of `contacts` with the contacts of `changed` (their keys; one named twice counts
 * once) replaced in place, at `places` (in the same order), made a version of it: it shares the
 * index (the same members at the same places) and notes the keys and the places it changed. For a
 * caller that replaced them by their places itself.
 */
export function withReplaced(contacts: ContactList, next: ContactList, changed: readonly string[], places: readonly number[]): ContactList {
  indexes.set(next, contactIndex(contacts));
  noteChanges(next, contacts, changed);
  replacements.note(next, contacts, places);
  return next;
}

/**
 * Every place where `after` may differ from `before` (some may in the end hold the same contact),
 * when `after` was made from `before` by replacements in place alone (withReplaced); else
 * undefined. A presence change's diff then reads the contacts at those places, rather than finding
 * each changed key in the index again.
 */
export function replacedPlaces(before: ContactList, after: ContactList): ReadonlySet<number> | undefined {
  return replacements.since(before, after);
}

/** `contacts` without the contacts of `keys`; `contacts` itself when none of them is there. */
export function withoutContacts(contacts: ContactList, keys: Iterable<string>): ContactList {
  const index = contactIndex(contacts);
  const gone = new Set<string>();
  for (const key of keys) if (index.has(key)) gone.add(key);
  if (gone.size === 0) return contacts;
  const next = contacts.filter((contact) => !gone.has(contactKey(contact.handle)));
  noteChanges(next, contacts, [...gone]);
  return next;
}
