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

/** The lists an entry is on, in FL, AL, BL, RL order. */
export function listsOf(entry: ListEntry | undefined): ListName[] {
  return entry ? LIST_NAMES.filter((list) => entry.names[list] !== undefined) : [];
}

/** The name to show for an entry when no presence line has given a live one. */
export function storedNameOf(entry: ListEntry): string {
  return entry.names.FL ?? entry.names.RL ?? entry.names.AL ?? entry.names.BL ?? entry.handle;
}

export function membersOf(lists: ContactLists, list: ListName): ListEntry[] {
  return Object.values(lists.entries).filter((entry) => entry.names[list] !== undefined);
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
   * immutable copy per line would make the sync quadratic.
   */
  private readonly entries = new Map<string, { handle: string; names: Partial<Record<ListName, string>> }>();
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
    const entries: Record<string, ListEntry> = {};
    for (const [key, { handle, names }] of this.entries) entries[key] = { handle, names: { ...names } };
    return { version: this.version, addedAlert: this.addedAlert ?? 'A', privacy: this.privacy ?? 'AL', entries };
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
    const key = keyOf(handle);
    const entry = this.entries.get(key) ?? { handle, names: {} };
    entry.names[list] = name;
    this.entries.set(key, entry);
    this.version = version || this.version;
  }
}
