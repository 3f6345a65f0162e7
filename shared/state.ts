// The state patch: what main sends a window instead of the whole state, with `diffState` (main,
// from the last state a window has to the newest) and `applyPatch` (the renderer's mirror) side by
// side, so that the two halves are one module with one round-trip test. Applying the diff of two
// states to the first gives the second; untouched objects keep their identity, so selectors and
// memoised components see "nothing changed".

import { type ContactList, contactByKey, contactIndex, contactKey, replacedPlaces, withContacts, withoutContacts } from './contacts';
import type { Contact, Conversation, MessengerState, TranscriptEntry } from './model';
import { changedKeys, keysOf, noteChanges } from './record-changes';
import { reuse } from './reuse';
import { entriesBetween, firstChangedEntry, sameTranscript, transcriptLength } from './transcript';

/**
 * A transcript's changed tail: the transcript is its first `from` entries as they were, followed by
 * `items`. `from` is the first index whose entry changed, so an appended message or a delivery ACK
 * near the end carries an entry or two, never the whole transcript; a shorter transcript is a
 * tail with fewer items. Applied to a transcript that already has the change it changes nothing.
 */
export interface TranscriptTail {
  readonly from: number;
  readonly items: readonly TranscriptEntry[];
}

type ConversationFields = Omit<Conversation, 'id' | 'entries'>;

/**
 * What changed in a conversation the window already has. Each field present is its whole new
 * value (null for an optional field that went away); `entries` is the transcript's changed tail.
 * A typing flag or a reconnection then costs a few bytes, whatever the length of the transcript.
 */
export type ConversationUpdate = {
  readonly [K in keyof ConversationFields]?: undefined extends ConversationFields[K]
    ? Exclude<ConversationFields[K], undefined> | null
    : ConversationFields[K];
} & { readonly entries?: TranscriptTail };

/** Changes to the state since the last snapshot or patch; absent keys did not change. */
export interface StatePatch {
  readonly session?: MessengerState['session'];
  readonly profile?: MessengerState['profile'] | null;
  readonly privacy?: MessengerState['privacy'];
  readonly mail?: MessengerState['mail'];
  readonly addedBy?: MessengerState['addedBy'];
  readonly removedBy?: MessengerState['removedBy'];
  /** Contacts new or changed, whole; the keys (lower-cased handles) of those gone. */
  readonly contacts?: ContactsPatch;
  /**
   * `set` carries conversations new to the window whole; `update` only what changed in ones it
   * has (by id; a window without that conversation is out of step and needs a snapshot).
   */
  readonly conversations?: {
    readonly set: Readonly<Record<string, Conversation>>;
    readonly update?: Readonly<Record<string, ConversationUpdate>>;
    readonly remove: readonly string[];
  };
}

export interface ContactsPatch {
  readonly set: readonly Contact[];
  readonly remove: readonly string[];
}

// Diff: main's side.

type Keyed<T> = Readonly<Record<string, T>>;
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

interface KeyDiff {
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Keys added, replaced or removed between two records, compared by identity: those the records'
 * notes name (shared/record-changes.ts), or else every key.
 */
function diffKeys<T>(before: Keyed<T>, after: Keyed<T>): KeyDiff {
  const added: string[] = [];
  const replaced: string[] = [];
  const removed: string[] = [];
  if (before === after) return { added, replaced, removed };
  // A presence change to a few of five thousand contacts says which: only those are compared.
  const noted = changedKeys(before, after);
  if (noted) {
    for (const key of noted) {
      const had = Object.hasOwn(before, key);
      const has = Object.hasOwn(after, key);
      if (has && !had) added.push(key);
      else if (had && !has) removed.push(key);
      else if (has && before[key] !== after[key]) replaced.push(key);
    }
    return { added, replaced, removed };
  }
  const beforeKeys = keysOf(before);
  // Nothing before (the first lists of a sign-in): every key is added, with nothing to compare.
  if (beforeKeys.length === 0) return { added: keysOf(after), replaced, removed };
  for (const key of keysOf(after)) {
    if (!Object.hasOwn(before, key)) added.push(key);
    else if (before[key] !== after[key]) replaced.push(key);
  }
  for (const key of beforeKeys) {
    if (!Object.hasOwn(after, key)) removed.push(key);
  }
  return { added, replaced, removed };
}

function pick<T>(record: Keyed<T>, keys: readonly string[]): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const key of keys) picked[key] = record[key] as T;
  return picked;
}

/** Fields of main's record that say how its transcript is laid out, not what it holds: a window has its own. */
const TRANSCRIPT_LAYOUT = new Set(['id', 'entries', 'olderEntries', 'earlier']);

/** What changed in one conversation: fields by identity, and the transcript from its first changed entry. */
export function diffConversation(before: Conversation, after: Conversation): ConversationUpdate | undefined {
  const update: Record<string, unknown> = {};
  // Walks the keys rather than naming the fields, so a field added to Conversation is synced too.
  const previous = before as unknown as Keyed<unknown>;
  const next = after as unknown as Keyed<unknown>;
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (TRANSCRIPT_LAYOUT.has(key) || previous[key] === next[key]) continue;
    update[key] = next[key] ?? null;
  }
  if (!sameTranscript(before, after)) {
    const from = firstChangedEntry(before, after);
    if (from < Math.max(transcriptLength(before), transcriptLength(after))) {
      update['entries'] = { from, items: entriesBetween(after, from) };
    }
  }
  return Object.keys(update).length > 0 ? (update as ConversationUpdate) : undefined;
}

/** What changed from `before` to `after`, contacts whole and keys of those gone; undefined when nothing did. */
export function diffContacts(before: ContactList, after: ContactList): ContactsPatch | undefined {
  if (before === after) return undefined;
  // Every contact is new to the window (the first lists of a sign-in): the list itself is what to
  // set, and it is immutable, so it goes as it is rather than copied.
  if (before.length === 0) return after.length > 0 ? { set: after, remove: [] } : undefined;
  const set: Contact[] = [];
  const remove: string[] = [];
  // A presence change to a few of five thousand contacts says where: only those places are compared.
  const replaced = replacedPlaces(before, after);
  if (replaced) {
    for (const place of replaced) {
      const has = after[place] as Contact;
      if (has !== before[place]) set.push(has);
    }
    return set.length > 0 ? { set, remove } : undefined;
  }
  // A change of members (contacts added or removed) says which: only those are compared.
  const noted = changedKeys(before, after);
  if (noted) {
    for (const key of noted) {
      const had = contactByKey(before, key);
      const has = contactByKey(after, key);
      if (has && has !== had) set.push(has);
      else if (!has && had) remove.push(key);
    }
  } else {
    const beforeIndex = contactIndex(before);
    const afterIndex = contactIndex(after);
    for (const contact of after) {
      const position = beforeIndex.get(contactKey(contact.handle));
      if (position === undefined || before[position] !== contact) set.push(contact);
    }
    for (const key of beforeIndex.keys()) if (!afterIndex.has(key)) remove.push(key);
  }
  return set.length > 0 || remove.length > 0 ? { set, remove } : undefined;
}

/** New conversations whole, changed ones as updates: a keystroke notice or an ACK never resends a transcript. */
function diffConversations(
  before: MessengerState['conversations'],
  after: MessengerState['conversations'],
): StatePatch['conversations'] {
  const { added, replaced, removed } = diffKeys(before, after);
  const update: Record<string, ConversationUpdate> = {};
  for (const id of replaced) {
    const changes = diffConversation(before[id] as Conversation, after[id] as Conversation);
    if (changes) update[id] = changes;
  }
  if (added.length === 0 && removed.length === 0 && Object.keys(update).length === 0) return undefined;
  const set = pick(after, added);
  return Object.keys(update).length > 0 ? { set, update, remove: removed } : { set, remove: removed };
}

/** What changed from `before` to `after`; undefined when nothing did. */
export function diffState(before: MessengerState, after: MessengerState): StatePatch | undefined {
  if (before === after) return undefined;
  const patch: Mutable<StatePatch> = {};
  if (before.session !== after.session) patch.session = after.session;
  if (before.profile !== after.profile) patch.profile = after.profile ?? null;
  if (before.privacy !== after.privacy) patch.privacy = after.privacy;
  if (before.mail !== after.mail) patch.mail = after.mail;
  if (before.addedBy !== after.addedBy) patch.addedBy = after.addedBy;
  if (before.removedBy !== after.removedBy) patch.removedBy = after.removedBy;
  const contacts = diffContacts(before.contacts, after.contacts);
  if (contacts) patch.contacts = contacts;
  const conversations = diffConversations(before.conversations, after.conversations);
  if (conversations) patch.conversations = conversations;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

// Apply: the renderer's side.

interface RecordPatch<V> {
  readonly set: Keyed<V>;
  readonly remove: readonly string[];
}

function patchRecord<V>(record: Keyed<V>, patch: RecordPatch<V>): Keyed<V> {
  const touched: string[] = [];
  const next: Record<string, V> = { ...record };
  for (const key of patch.remove) {
    if (Object.hasOwn(next, key)) {
      delete next[key];
      touched.push(key);
    }
  }
  for (const [key, value] of Object.entries(patch.set)) {
    const previous = Object.hasOwn(record, key) ? record[key] : undefined;
    const kept = previous === undefined ? value : reuse(previous, value);
    next[key] = kept;
    if (kept !== previous) touched.push(key);
  }
  if (touched.length === 0) return record;
  noteChanges(next, record, touched);
  return next;
}

/** Applies each update to the value it names; a key the record lacks is left out (see patchFits). */
function updateRecord<V, U>(record: Keyed<V>, updates: Keyed<U> | undefined, apply: (value: V, update: U) => V): Keyed<V> {
  let next: Record<string, V> | undefined;
  for (const [key, update] of Object.entries(updates ?? {})) {
    const previous = Object.hasOwn(record, key) ? record[key] : undefined;
    if (previous === undefined) continue;
    const kept = apply(previous, update);
    if (kept === previous) continue;
    next ??= { ...record };
    next[key] = kept;
  }
  return next ?? record;
}

/**
 * The transcript with its tail replaced; entries equal to the ones they replace stay as they were.
 * A window's copy starts `olderEntries` into the transcript (shared/window-state.ts): a tail
 * that starts before what it holds replaces all of it, and the copy then starts where the tail does.
 */
function patchEntries(conversation: Conversation, tail: TranscriptTail): Pick<Conversation, 'entries' | 'olderEntries'> {
  const { entries } = conversation;
  const older = conversation.olderEntries ?? 0;
  const start = Math.min(tail.from, older);
  const items = tail.items.map((item, offset) => {
    const index = tail.from + offset - older;
    return index >= 0 && index < entries.length ? reuse(entries[index] as TranscriptEntry, item) : item;
  });
  const local = tail.from - older;
  if (start === older) {
    const unchanged = local + items.length === entries.length && items.every((item, offset) => item === entries[local + offset]);
    return { entries: unchanged ? entries : [...entries.slice(0, local), ...items], olderEntries: conversation.olderEntries };
  }
  return { entries: items, olderEntries: start };
}

/** Whether the transcript reaches where the update's tail starts (it always does when in step with main). */
function fits(conversation: Conversation, update: ConversationUpdate): boolean {
  return update.entries === undefined || update.entries.from <= (conversation.olderEntries ?? 0) + conversation.entries.length;
}

function patchConversation(conversation: Conversation, update: ConversationUpdate): Conversation {
  if (!fits(conversation, update)) return conversation;
  const current = conversation as unknown as Keyed<unknown>;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(update)) {
    const had = Object.hasOwn(current, key);
    if (value === null) {
      if (had) {
        delete next[key];
        changed = true;
      }
      continue;
    }
    if (key === 'entries') {
      const { entries, olderEntries } = patchEntries(conversation, value as TranscriptTail);
      if (entries !== conversation.entries) {
        next['entries'] = entries;
        changed = true;
      }
      if (olderEntries !== conversation.olderEntries) {
        if (olderEntries) next['olderEntries'] = olderEntries;
        else delete next['olderEntries'];
        changed = true;
      }
      continue;
    }
    const kept = had ? reuse(current[key], value) : value;
    if (!had || kept !== current[key]) {
      next[key] = kept;
      changed = true;
    }
  }
  return changed ? (next as unknown as Conversation) : conversation;
}

/**
 * Whether every conversation update names a conversation the mirror has, with a transcript at
 * least as long as where its tail starts. When not, this window missed a change: the updates it
 * cannot place are left out, and it needs a snapshot.
 */
export function patchFits(state: MessengerState, patch: StatePatch): boolean {
  return Object.entries(patch.conversations?.update ?? {}).every(([id, update]) => {
    const conversation = Object.hasOwn(state.conversations, id) ? state.conversations[id] : undefined;
    return conversation !== undefined && fits(conversation, update);
  });
}

function replace<T>(current: T, incoming: T | undefined): T {
  return incoming === undefined ? current : reuse(current, incoming);
}

function patchConversations(conversations: MessengerState['conversations'], patch: StatePatch['conversations']) {
  if (!patch) return conversations;
  return updateRecord(patchRecord(conversations, patch), patch.update, patchConversation);
}

/** `contacts` with a patch's contacts taken in; contacts equal to the ones they replace stay as they were. */
function patchContacts(contacts: ContactList, patch: ContactsPatch): ContactList {
  const rest = patch.remove.length > 0 ? withoutContacts(contacts, patch.remove) : contacts;
  // Every contact at once into an empty list (a snapshot's worth): the patch's list is the list.
  if (rest.length === 0 && patch.remove.length === 0) return patch.set.length > 0 ? patch.set : rest;
  const changes = new Map<string, Contact>();
  for (const contact of patch.set) {
    const key = contactKey(contact.handle);
    const previous = contactByKey(rest, key);
    changes.set(key, previous === undefined ? contact : reuse(previous, contact));
  }
  return withContacts(rest, changes);
}

/**
 * Applies patches in order, as applying each in turn would, and says whether they all fit (see
 * patchFits). Their contacts (the bulk of a presence storm) are merged and the contact list
 * copied once for all of them, not once per patch.
 */
export function applyPatches(state: MessengerState, patches: readonly StatePatch[]): { readonly state: MessengerState; readonly fits: boolean } {
  const set = new Map<string, Contact>();
  const removed = new Set<string>();
  let next = state;
  let fits = true;
  for (const { contacts, ...rest } of patches) {
    fits &&= patchFits(next, rest);
    next = applyPatch(next, rest);
    for (const key of contacts?.remove ?? []) {
      set.delete(key);
      removed.add(key);
    }
    for (const contact of contacts?.set ?? []) {
      const key = contactKey(contact.handle);
      set.set(key, contact);
      removed.delete(key);
    }
  }
  if (set.size > 0 || removed.size > 0) {
    const contacts = patchContacts(next.contacts, { set: [...set.values()], remove: [...removed] });
    if (contacts !== next.contacts) next = { ...next, contacts };
  }
  return { state: next, fits };
}

export function applyPatch(state: MessengerState, patch: StatePatch): MessengerState {
  const next: MessengerState = {
    session: replace(state.session, patch.session),
    profile: patch.profile === null ? undefined : replace(state.profile, patch.profile),
    privacy: replace(state.privacy, patch.privacy),
    mail: replace(state.mail, patch.mail),
    addedBy: replace(state.addedBy, patch.addedBy),
    removedBy: replace(state.removedBy, patch.removedBy),
    contacts: patch.contacts ? patchContacts(state.contacts, patch.contacts) : state.contacts,
    conversations: patchConversations(state.conversations, patch.conversations),
  };
  const keys = Object.keys(next) as (keyof MessengerState)[];
  return keys.every((key) => next[key] === state[key]) ? state : next;
}
