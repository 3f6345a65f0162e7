// The four lists, the GTC/BLP settings and the list version as one immutable value (§5.1–§5.9,
// §11). Every change returns a new value; the cache on disk stores exactly this shape.

import { isValidHandle } from '../../shared/handles';
import type { AddedAlertMode, ListName, PrivacyMode, RemovedBy } from '../../shared/model';
import type { MsnpCommand } from '../../protocol/index';
import { percentDecode } from '../../protocol/index';

export const LIST_NAMES: readonly ListName[] = ['FL', 'AL', 'BL', 'RL'];

export interface ListEntry {
  /** The server's spelling of the handle. */
  readonly handle: string;
  /** The friendly name stored in each list the handle is on (what ADD/REA gave it). */
  readonly names: Readonly<Partial<Record<ListName, string>>>;
}

export interface ContactLists {
  readonly version: number;
  readonly addedAlert: AddedAlertMode;
  readonly privacy: PrivacyMode;
  /** Keyed by the lower-cased handle (handles compare case-insensitively, §15.4). */
  readonly entries: Readonly<Record<string, ListEntry>>;
}

export const EMPTY_LISTS: ContactLists = { version: 0, addedAlert: 'A', privacy: 'AL', entries: {} };

export const keyOf = (handle: string): string => handle.toLowerCase();

export function isListName(value: string | undefined): value is ListName {
  return value === 'FL' || value === 'AL' || value === 'BL' || value === 'RL';
}

export function isOnList(lists: ContactLists, list: ListName, handle: string): boolean {
  return lists.entries[keyOf(handle)]?.names[list] !== undefined;
}

/** Every combination of lists once, indexed by a bit per list (FL 1, AL 2, BL 4, RL 8). */
const COMBINATIONS: ReadonlyArray<readonly ListName[]> = Array.from({ length: 1 << LIST_NAMES.length }, (_, bits) =>
  Object.freeze(LIST_NAMES.filter((_list, index) => (bits & (1 << index)) !== 0)),
);

/**
 * The lists an entry is on, in FL, AL, BL, RL order: one shared array per combination, so five
 * thousand contacts make no arrays and two contacts on the same lists compare by identity.
 */
export function listsOf(entry: ListEntry | undefined): readonly ListName[] {
  if (!entry) return COMBINATIONS[0] as readonly ListName[];
  const { FL, AL, BL, RL } = entry.names;
  const bits = (FL === undefined ? 0 : 1) | (AL === undefined ? 0 : 2) | (BL === undefined ? 0 : 4) | (RL === undefined ? 0 : 8);
  return COMBINATIONS[bits] as readonly ListName[];
}

/** The name to show for an entry when no presence line has given a live one. */
export function storedNameOf(entry: ListEntry): string {
  return entry.names.FL ?? entry.names.RL ?? entry.names.AL ?? entry.names.BL ?? entry.handle;
}

/** Each list's members, found once per lists value (the privacy review and the "added you" queue both ask after a sync). */
const members = new WeakMap<ContactLists, Partial<Record<ListName, readonly ListEntry[]>>>();

export function membersOf(lists: ContactLists, list: ListName): readonly ListEntry[] {
  let known = members.get(lists);
  if (!known) members.set(lists, (known = {}));
  let found = known[list];
  if (!found) {
    const entries: ListEntry[] = [];
    for (const key in lists.entries) {
      const entry = lists.entries[key] as ListEntry;
      if (entry.names[list] !== undefined) entries.push(entry);
    }
    found = known[list] = entries;
  }
  return found;
}

/** Who was on `before`'s reverse list and is not on `after`'s: they removed me from their contact list. */
export function leftReverseList(before: ContactLists, after: ContactLists): RemovedBy[] {
  return membersOf(before, 'RL')
    .filter((entry) => !isOnList(after, 'RL', entry.handle))
    .map((entry) => ({ handle: entry.handle, friendlyName: entry.names.RL ?? entry.handle }));
}

export function withEntryOnList(lists: ContactLists, list: ListName, handle: string, name: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries[key];
  const names = { ...entry?.names, [list]: name };
  return { ...lists, version, entries: { ...lists.entries, [key]: { handle: entry?.handle ?? handle, names } } };
}

export function withEntryOffList(lists: ContactLists, list: ListName, handle: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries[key];
  if (!entry || entry.names[list] === undefined) return { ...lists, version };
  const names = { ...entry.names };
  delete names[list];
  const entries = { ...lists.entries };
  if (Object.keys(names).length === 0) delete entries[key];
  else entries[key] = { handle: entry.handle, names };
  return { ...lists, version, entries };
}

/** REA on a contact renames the name stored in every list it is on. */
export function withEntryRenamed(lists: ContactLists, handle: string, name: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries[key];
  if (!entry) return { ...lists, version };
  const names = Object.fromEntries(Object.keys(entry.names).map((list) => [list, name]));
  return { ...lists, version, entries: { ...lists.entries, [key]: { handle: entry.handle, names } } };
}

/**
 * Collects the reply to `SYN` when the server sends a full dump: GTC, BLP and one LST line per
 * entry of each list, in any order (§5.1). A list is complete when its two counters are equal or
 * both zero, which also works with servers that swap index and total (§5.2).
 */
export class ListSync {
  private addedAlert: AddedAlertMode | undefined;
  private privacy: PrivacyMode | undefined;
  private readonly finished = new Set<ListName>();
  /**
   * Filled in place: a dump has one line per entry of each list (thousands for a big list), and an
   * immutable copy of the record per line would make the sync quadratic. An entry made during the
   * dump takes the lines for its other lists in place, and the record is handed out by `result`
   * without a copy; a line that comes after that starts a copy of its own (and new entries).
   */
  private entries: Record<string, ListEntry> = {};
  private handedOut = false;
  /** The entries made since the record was last handed out: no one else has seen them, so a line adds its list to them in place. */
  private fresh = new WeakSet<ListEntry>();
  private version: number;

  constructor(
    private readonly trid: number,
    version: number,
  ) {
    this.version = version;
  }

  get complete(): boolean {
    return this.addedAlert !== undefined && this.privacy !== undefined && this.finished.size === LIST_NAMES.length;
  }

  get result(): ContactLists {
    this.handedOut = true;
    return { version: this.version, addedAlert: this.addedAlert ?? 'A', privacy: this.privacy ?? 'AL', entries: this.entries };
  }

  /** Takes a line of the dump; returns false for anything that is not part of it. */
  accept(command: MsnpCommand): boolean {
    const [trid, second, third, fourth, fifth, handle, name] = command.params;
    if (Number(trid) !== this.trid) return false;
    switch (command.name) {
      case 'GTC':
        if (third !== 'A' && third !== 'N') return false;
        this.addedAlert = third;
        return true;
      case 'BLP':
        if (third !== 'AL' && third !== 'BL') return false;
        this.privacy = third;
        return true;
      case 'LST': {
        if (!isListName(second)) return false;
        const version = Number(third);
        const first = Number(fourth);
        const other = Number(fifth);
        if (!Number.isInteger(first) || !Number.isInteger(other)) return false;
        // An entry whose handle is not an address (say `__proto__`) is left out; its counters still count.
        if (first > 0 && isValidHandle(handle)) this.add(second, handle, percentDecode(name ?? handle), version);
        if (first === other) this.finished.add(second);
        return true;
      }
      default:
        return false;
    }
  }

  private add(list: ListName, handle: string, name: string, version: number): void {
    if (this.handedOut) {
      this.entries = { ...this.entries };
      this.fresh = new WeakSet();
      this.handedOut = false;
    }
    const key = keyOf(handle);
    const entry = this.entries[key];
    if (entry && this.fresh.has(entry)) {
      (entry.names as Partial<Record<ListName, string>>)[list] = name;
    } else {
      const names: Partial<Record<ListName, string>> = { ...entry?.names };
      names[list] = name;
      const made = { handle: entry?.handle ?? handle, names };
      this.fresh.add(made);
      this.entries[key] = made;
    }
    this.version = version || this.version;
  }
}
