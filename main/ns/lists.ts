// The four lists, the GTC/BLP settings and the list version as one immutable value (§5.1–§5.9,
// §11). Every change returns a new value; the cache on disk stores exactly this shape.

import { contactKey } from '../../shared/contacts';
import { isValidHandle } from '../../shared/handles';
import type { AddedAlertMode, ListName, PrivacyMode, RemovedBy } from '../../shared/model';
import type { MsnpCommand } from '../../protocol/index';
import { ParamReader, percentDecode } from '../../protocol/index';

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
  /**
   * Keyed by the lower-cased handle (handles compare case-insensitively, §15.4), in the lists'
   * order. A map, not an object: a handle just read from a line is a new string, and an object
   * looked it up in V8's string table before its own (5000 of them after a dump: 1.4 ms).
   */
  readonly entries: ReadonlyMap<string, ListEntry>;
}

export const EMPTY_LISTS: ContactLists = { version: 0, addedAlert: 'A', privacy: 'AL', entries: new Map() };

/** An entry's key: the contact's key (lower-cased handle), so an entry and its contact are found alike. */
export const keyOf = contactKey;

export function isListName(value: string | undefined): value is ListName {
  return value === 'FL' || value === 'AL' || value === 'BL' || value === 'RL';
}

export function isOnList(lists: ContactLists, list: ListName, handle: string): boolean {
  return lists.entries.get(keyOf(handle))?.names[list] !== undefined;
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
    for (const entry of lists.entries.values()) if (entry.names[list] !== undefined) entries.push(entry);
    found = known[list] = entries;
  }
  return found;
}

/** `lists` at another list version: the same entries, so the members found for them still hold. */
export function withVersion(lists: ContactLists, version: number): ContactLists {
  if (lists.version === version) return lists;
  const next = { ...lists, version };
  const known = members.get(lists);
  if (known) members.set(next, known);
  return next;
}

/** Who was on `before`'s reverse list and is not on `after`'s: they removed me from their contact list. */
export function leftReverseList(before: ContactLists, after: ContactLists): RemovedBy[] {
  return membersOf(before, 'RL')
    .filter((entry) => !isOnList(after, 'RL', entry.handle))
    .map((entry) => ({ handle: entry.handle, friendlyName: entry.names.RL ?? entry.handle }));
}

export function withEntryOnList(lists: ContactLists, list: ListName, handle: string, name: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries.get(key);
  const names = { ...entry?.names, [list]: name };
  return { ...lists, version, entries: new Map(lists.entries).set(key, { handle: entry?.handle ?? handle, names }) };
}

export function withEntryOffList(lists: ContactLists, list: ListName, handle: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries.get(key);
  if (!entry || entry.names[list] === undefined) return { ...lists, version };
  const names = { ...entry.names };
  delete names[list];
  const entries = new Map(lists.entries);
  if (Object.keys(names).length === 0) entries.delete(key);
  else entries.set(key, { handle: entry.handle, names });
  return { ...lists, version, entries };
}

/** REA on a contact renames the name stored in every list it is on. */
export function withEntryRenamed(lists: ContactLists, handle: string, name: string, version: number): ContactLists {
  const key = keyOf(handle);
  const entry = lists.entries.get(key);
  if (!entry) return { ...lists, version };
  const names = Object.fromEntries(Object.keys(entry.names).map((list) => [list, name]));
  return { ...lists, version, entries: new Map(lists.entries).set(key, { handle: entry.handle, names }) };
}

/**
 * An entry as a row: its handle, then its name on FL, AL, BL and RL, or null where it is not on
 * that list. The SYN dump is collected in rows and the list cache stores them.
 */
export type ListRow = readonly [handle: string, FL: string | null, AL: string | null, BL: string | null, RL: string | null];

/** The entry a row describes, each name passed through `name` (the dump's rows hold them encoded). */
export function entryOfRow(row: ListRow, name: (stored: string) => string = (stored) => stored): ListEntry {
  const names: Partial<Record<ListName, string>> = {};
  if (row[1] !== null) names.FL = name(row[1]);
  if (row[2] !== null) names.AL = name(row[2]);
  if (row[3] !== null) names.BL = name(row[3]);
  if (row[4] !== null) names.RL = name(row[4]);
  return { handle: row[0], names };
}

/** The name last decoded while making entries of a dump's rows, and what it decoded to. */
let lastEncoded: string | undefined;
let lastDecoded = '';

/** `encoded` decoded; a contact's name on a second list is the same token, decoded once. */
function decodedName(encoded: string): string {
  if (encoded !== lastEncoded) {
    lastEncoded = encoded;
    lastDecoded = percentDecode(encoded);
  }
  return lastDecoded;
}

export function rowOfEntry({ handle, names }: ListEntry): ListRow {
  return [handle, names.FL ?? null, names.AL ?? null, names.BL ?? null, names.RL ?? null];
}

/** The list param `index` names, compared where it lies in the line. */
function listAt(params: ParamReader, index: number): ListName | undefined {
  for (const list of LIST_NAMES) if (params.is(index, list)) return list;
  return undefined;
}

/** Where a list's name sits in a row. */
const ROW_INDEX: Readonly<Record<ListName, 1 | 2 | 3 | 4>> = { FL: 1, AL: 2, BL: 3, RL: 4 };

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
   * A row per handle, filled in place: a dump has one line per entry of each list (thousands for
   * a big list), and a line costs a lookup and a store, not a new entry. The entries are made once,
   * from the rows, when the lists are asked for; the rows keep the names percent-encoded until
   * then, and a name that is the same on two lists (as on FL and AL) is decoded once. The rows and
   * their keys are also kept in arrays, in order: the code that walks them runs once per sign-in,
   * mostly before V8 has optimised it, where a plain indexed loop costs a fraction of a Map's
   * iterator.
   */
  private readonly rowsByKey = new Map<string, { -readonly [Index in keyof ListRow]: ListRow[Index] }>();
  private readonly keys: string[] = [];
  private readonly rows: ListRow[] = [];
  private version: number;
  private readonly reader = new ParamReader();
  /** The lists last handed out, while no line has changed them since. */
  private handedOut: ContactLists | undefined;
  private told = false;

  /** `onComplete` is called once, by the line that completes the dump. */
  constructor(
    private readonly trid: number,
    version: number,
    private readonly onComplete: () => void = () => undefined,
  ) {
    this.version = version;
  }

  get complete(): boolean {
    return this.addedAlert !== undefined && this.privacy !== undefined && this.finished.size === LIST_NAMES.length;
  }

  /** The lists so far; lists handed out are never changed by the lines that come after. */
  get result(): ContactLists {
    if (this.handedOut) return this.handedOut;
    // One pass over the rows makes the entries, notes their keys and finds each list's members,
    // which the privacy review and the "added you" queue ask for next.
    const { keys, rows } = this;
    const entries = new Map<string, ListEntry>();
    const found: Record<ListName, ListEntry[]> = { FL: [], AL: [], BL: [], RL: [] };
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as ListRow;
      // The dump's rows keep the names as the lines had them, percent-encoded.
      const entry = entryOfRow(row, decodedName);
      entries.set(keys[index] as string, entry);
      if (row[1] !== null) found.FL.push(entry);
      if (row[2] !== null) found.AL.push(entry);
      if (row[3] !== null) found.BL.push(entry);
      if (row[4] !== null) found.RL.push(entry);
    }
    const lists: ContactLists = { version: this.version, addedAlert: this.addedAlert ?? 'A', privacy: this.privacy ?? 'AL', entries };
    members.set(lists, found);
    return (this.handedOut = lists);
  }

  /**
   * Takes a line of the dump; returns false for anything that is not part of it. The line's params
   * are read where they lie: of an LST line's seven, only the handle and the name become strings.
   */
  accept(command: MsnpCommand): boolean {
    const params = this.reader.read(command);
    if (params.integer(0) !== this.trid) return false;
    switch (command.name) {
      case 'GTC': {
        const third = params.text(2);
        if (third !== 'A' && third !== 'N') return false;
        this.addedAlert = third;
        this.completed();
        break;
      }
      case 'BLP': {
        const third = params.text(2);
        if (third !== 'AL' && third !== 'BL') return false;
        this.privacy = third;
        this.completed();
        break;
      }
      case 'LST': {
        const list = listAt(params, 1);
        if (!list) return false;
        const first = params.integer(3);
        const other = params.integer(4);
        if (Number.isNaN(first) || Number.isNaN(other)) return false;
        const handle = params.text(5);
        // An entry whose handle is not an address (say `__proto__`) is left out; its counters still count.
        if (first > 0 && isValidHandle(handle)) {
          this.add(list, handle, params.text(6) ?? handle);
          this.version = params.integer(2) || this.version;
        }
        if (first === other) {
          this.finished.add(list);
          this.completed();
        }
        break;
      }
      default:
        return false;
    }
    this.handedOut = undefined;
    return true;
  }

  /** Tells the owner the dump is complete, the first time it is. */
  private completed(): void {
    if (this.complete && !this.told) {
      this.told = true;
      this.onComplete();
    }
  }

  /** `encodedName` as the line had it. */
  private add(list: ListName, handle: string, encodedName: string): void {
    const key = keyOf(handle);
    let row = this.rowsByKey.get(key);
    if (!row) {
      row = [handle, null, null, null, null];
      this.rowsByKey.set(key, row);
      this.keys.push(key);
      this.rows.push(row);
    }
    row[ROW_INDEX[list]] = encodedName;
  }
}
