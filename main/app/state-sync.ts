// Keeps every window's mirror of the state in step with main: a full snapshot when a window is
// ready, then coalesced patches. A sign-in burst (thousands of LST/ILN lines, each a new state)
// becomes a patch per turn of the event loop, at most one per frame while the changes keep coming,
// and a change that changes nothing sends nothing.
// A conversation that changed is sent as what changed in it (StatePatch's ConversationUpdate), so a
// typing flag or an ACK costs the same in a transcript of five thousand messages as in one of five.

import type { ConversationUpdate, StatePatch } from '../../shared/ipc';
import type { Conversation, MessengerState, TranscriptEntry } from '../../shared/model';
import { TypedEmitter } from '../../shared/emitter';

type Keyed<T> = Readonly<Record<string, T>>;
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** Keys added, replaced or removed between two records, compared by identity. */
function diffKeys<T>(before: Keyed<T>, after: Keyed<T>): { added: string[]; replaced: string[]; removed: string[] } {
  const added: string[] = [];
  const replaced: string[] = [];
  const removed: string[] = [];
  if (before === after) return { added, replaced, removed };
  for (const [key, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, key)) added.push(key);
    else if (before[key] !== value) replaced.push(key);
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) removed.push(key);
  }
  return { added, replaced, removed };
}

function pick<T>(record: Keyed<T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.map((key) => [key, record[key] as T]));
}

/** The first index whose entry is another object; the shorter length when one transcript begins the other. */
function firstChangedEntry(before: readonly TranscriptEntry[], after: readonly TranscriptEntry[]): number {
  const common = Math.min(before.length, after.length);
  let index = 0;
  while (index < common && before[index] === after[index]) index += 1;
  return index;
}

/** What changed in one conversation: fields by identity, and the transcript from its first changed entry. */
export function diffConversation(before: Conversation, after: Conversation): ConversationUpdate | undefined {
  const update: Record<string, unknown> = {};
  // Walks the keys rather than naming the fields, so a field added to Conversation is synced too.
  const previous = before as unknown as Keyed<unknown>;
  const next = after as unknown as Keyed<unknown>;
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (key === 'id' || key === 'entries' || previous[key] === next[key]) continue;
    update[key] = next[key] ?? null;
  }
  if (before.entries !== after.entries) {
    const from = firstChangedEntry(before.entries, after.entries);
    if (from < Math.max(before.entries.length, after.entries.length)) {
      update['entries'] = { from, items: after.entries.slice(from) };
    }
  }
  return Object.keys(update).length > 0 ? (update as ConversationUpdate) : undefined;
}

function diffContacts(before: MessengerState['contacts'], after: MessengerState['contacts']): StatePatch['contacts'] {
  const { added, replaced, removed } = diffKeys(before, after);
  const set = pick(after, [...added, ...replaced]);
  return Object.keys(set).length > 0 || removed.length > 0 ? { set, remove: removed } : undefined;
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
  const contacts = diffContacts(before.contacts, after.contacts);
  if (contacts) patch.contacts = contacts;
  const conversations = diffConversations(before.conversations, after.conversations);
  if (conversations) patch.conversations = conversations;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** The shortest time between two patches while changes keep coming: one display frame. */
export const PATCH_INTERVAL_MS = 16;

export interface StateSyncOptions {
  readonly initial: MessengerState;
  /**
   * Defers a flush. By default a change after a quiet spell goes out on the next turn of the event
   * loop, and changes that keep coming (a presence storm, a burst of messages) go out at most once
   * per PATCH_INTERVAL_MS: a window repaints once a frame at best, so more patches are only work.
   */
  readonly schedule?: (flush: () => void) => void;
  /** The clock the default pacing reads (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Takes every new state and emits `patch` once per scheduled flush. A patch brings a window from the
 * last flushed state to the newest, and applying it to the newest again changes nothing (values are
 * whole, a transcript's tail replaces everything after its start): a window that asks for a
 * snapshot between a change and its flush ends in the same state as the others.
 */
export class StateSync extends TypedEmitter<{ patch: StatePatch }> {
  private current: MessengerState;
  private sent: MessengerState;
  private pending = false;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly schedule: (flush: () => void) => void;
  private readonly now: () => number;

  constructor(options: StateSyncOptions) {
    super();
    this.current = options.initial;
    this.sent = options.initial;
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? ((flush) => this.paced(flush));
  }

  private paced(flush: () => void): void {
    const wait = this.lastFlushAt + PATCH_INTERVAL_MS - this.now();
    if (wait > 0) setTimeout(flush, wait);
    else setImmediate(flush);
  }

  /** The newest state, for a snapshot. */
  get state(): MessengerState {
    return this.current;
  }

  update(state: MessengerState): void {
    this.current = state;
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => this.flush());
  }

  /** Emits the patch for everything since the last flush now (also run by the scheduler). */
  flush(): void {
    this.pending = false;
    this.lastFlushAt = this.now();
    const patch = diffState(this.sent, this.current);
    this.sent = this.current;
    if (patch) this.emit('patch', patch);
  }
}
