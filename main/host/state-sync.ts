// Keeps every window's mirror of the state in step with main: a full snapshot when a window is
// ready, then coalesced patches. A sign-in burst (thousands of LST/ILN lines, each a new state)
// becomes one patch per turn of the event loop, and a change that changes nothing sends nothing.

import type { StatePatch } from '../../shared/ipc';
import type { MessengerState } from '../../shared/model';
import { TypedEmitter } from '../../shared/emitter';

type Keyed<T> = Readonly<Record<string, T>>;
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** Entries added, replaced or removed between two records, compared by identity. */
function diffRecord<T>(before: Keyed<T>, after: Keyed<T>): { set: Record<string, T>; remove: string[] } | undefined {
  if (before === after) return undefined;
  const set: Record<string, T> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (before[key] !== value) set[key] = value;
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) remove.push(key);
  }
  return Object.keys(set).length > 0 || remove.length > 0 ? { set, remove } : undefined;
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
  const contacts = diffRecord(before.contacts, after.contacts);
  if (contacts) patch.contacts = contacts;
  const conversations = diffRecord(before.conversations, after.conversations);
  if (conversations) patch.conversations = conversations;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

export interface StateSyncOptions {
  readonly initial: MessengerState;
  /** Defers a flush; setImmediate by default (one patch per turn of the event loop). */
  readonly schedule?: (flush: () => void) => void;
}

/**
 * Takes every new state and emits `patch` once per scheduled flush. Patches carry whole values
 * (set/remove), so applying one on top of a newer snapshot is harmless: a window that asks for a
 * snapshot between a change and its flush ends in the same state as the others.
 */
export class StateSync extends TypedEmitter<{ patch: StatePatch }> {
  private current: MessengerState;
  private sent: MessengerState;
  private pending = false;
  private readonly schedule: (flush: () => void) => void;

  constructor(options: StateSyncOptions) {
    super();
    this.current = options.initial;
    this.sent = options.initial;
    this.schedule = options.schedule ?? ((flush) => setImmediate(flush));
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
    const patch = diffState(this.sent, this.current);
    this.sent = this.current;
    if (patch) this.emit('patch', patch);
  }
}
