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

type Row = { -readonly [Index in keyof ListRow]: ListRow[Index] };

/** `later`'s names put on `row`, as if its lines had come to `row` itself: where both have a list, `later`'s name is kept. */
function mergeRow(row: Row, later: ListRow): void {
  for (const slot of [1, 2, 3, 4] as const) if (later[slot] !== null) row[slot] = later[slot];
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
   * A row per handle, filled in place, in the order the handles first came: a dump has one line per
   * entry of each list (thousands for a big list), and a line costs a store, not a new entry. The
   * entries are made once, from the rows, when the lists are asked for; the rows keep the names
   * percent-encoded until then, and a name that is the same on two lists (as on FL and AL) is
   * decoded once.
   *
   * Servers send every list in one order (the order the entries were added): the first list's
   * lines each make a row, and a later list's n-th line is the n-th row's handle, found by its
   * place and compared, not looked up (a lower-cased key and a map per line were most of what a
   * dump cost). The first line that is not where its place says (a handle only that list has, one
   * spelt otherwise, another order) gives every row its key, and the lines from then on are
   * matched by key. A handle the first list repeats has a row for each line, merged when the rows
   * are keyed (or made entries).
   */
  private rows: Row[] = [];
  /** The first list with an entry, whose lines make rows while they are matched by place. */
  private firstList: ListName | undefined;
  /** How many entry lines of each list have come: the place of the next one's row. */
  private readonly placed: Record<ListName, number> = { FL: 0, AL: 0, BL: 0, RL: 0 };
  /** Once lines are matched by key: each row by its key, and the keys in the rows' order. */
  private rowsByKey: Map<string, Row> | undefined;
  private keys: string[] = [];
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
    const made = this.entriesOfRows();
    const lists: ContactLists = { version: this.version, addedAlert: this.addedAlert ?? 'A', privacy: this.privacy ?? 'AL', entries: made.entries };
    members.set(lists, made.found);
    return (this.handedOut = lists);
  }

  /**
   * One pass over the rows makes the entries and finds each list's members, which the privacy
   * review and the "added you" queue ask for next.
   */
  private entriesOfRows(): { entries: Map<string, ListEntry>; found: Record<ListName, ListEntry[]> } {
    const { rows } = this;
    const keys = this.rowsByKey ? this.keys : undefined;
    const entries = new Map<string, ListEntry>();
    const found: Record<ListName, ListEntry[]> = { FL: [], AL: [], BL: [], RL: [] };
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as ListRow;
      // The dump's rows keep the names as the lines had them, percent-encoded.
      const entry = entryOfRow(row, decodedName);
      entries.set(keys ? (keys[index] as string) : keyOf(row[0]), entry);
      // Two rows of one key (a handle the first list repeated): keyed, they are one row.
      if (entries.size <= index) {
        this.keyRows();
        return this.entriesOfRows();
      }
      if (row[1] !== null) found.FL.push(entry);
      if (row[2] !== null) found.AL.push(entry);
      if (row[3] !== null) found.BL.push(entry);
      if (row[4] !== null) found.RL.push(entry);
    }
    return { entries, found };
  }

  /** Gives every row its key, merging the rows of a handle the first list repeated (into the first). */
  private keyRows(): Map<string, Row> {
    if (this.rowsByKey) return this.rowsByKey;
    const byKey = new Map<string, Row>();
    const rows: Row[] = [];
    const keys: string[] = [];
    for (const row of this.rows) {
      const key = keyOf(row[0]);
      const known = byKey.get(key);
      if (known) {
        mergeRow(known, row);
        continue;
      }
      byKey.set(key, row);
      rows.push(row);
      keys.push(key);
    }
    this.rows = rows;
    this.keys = keys;
    return (this.rowsByKey = byKey);
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
        if (first > 0 && handle !== undefined) {
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

  /**
   * An entry line's handle and `encodedName` (as the line had it). An entry whose handle is not an
   * address (say `__proto__`) is left out; its counters still count.
   */
  private add(list: ListName, handle: string, encodedName: string): void {
    const slot = ROW_INDEX[list];
    const place = this.placed[list]++;
    if (this.rowsByKey === undefined) {
      this.firstList ??= list;
      if (list === this.firstList) {
        if (!isValidHandle(handle)) return;
        const row: Row = [handle, null, null, null, null];
        row[slot] = encodedName;
        this.rows.push(row);
        return;
      }
      // The row at this line's place is its handle's (the same text, checked when the row was made).
      const row = this.rows[place];
      if (row !== undefined && row[0] === handle) {
        row[slot] = encodedName;
        return;
      }
    }
    if (!isValidHandle(handle)) return;
    const rowsByKey = this.keyRows();
    const key = keyOf(handle);
    let row = rowsByKey.get(key);
    if (!row) {
      row = [handle, null, null, null, null];
      rowsByKey.set(key, row);
      this.keys.push(key);
      this.rows.push(row);
    }
    row[slot] = encodedName;
  }
}
