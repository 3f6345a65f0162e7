// The lists are cached per account so that an unchanged list costs one SYN line (§11.2).
// One small JSON file per server and handle in a directory the caller chooses (a list version
// means nothing on another server), with a schema version; writes are atomic (temp file + rename)
// and serialised. A damaged file means "nothing cached": it is set aside and the owner is told.
// A file is read once: after that the cache answers with the lists it last read or saved for that
// account, which are what the file holds. A sign-in has the file read while it waits for the server.

import { join } from 'node:path';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode, loadDataFile } from '../storage/data-file';
import { type ContactLists, LIST_NAMES, type ListEntry, type ListRow, entryOfRow, isListName, keyOf, rowOfEntry } from './lists';

/** Whose lists: the server the user signs in to (`host:port`) and the handle. */
export interface CachedAccount {
  readonly server: string;
  readonly handle: string;
}

/**
 * The file's shape since version 3: an entry is a row, which parses several times faster than an
 * object per entry with an object of names.
 */
interface CacheDocument {
  readonly version: number;
  readonly addedAlert: ContactLists['addedAlert'];
  readonly privacy: ContactLists['privacy'];
  readonly entries: readonly ListRow[];
}

const LIST_CACHE_FORMAT: FileFormat<ContactLists> = {
  version: 3,
  migrations: [
    // 1 → 2: version 1 was the lists themselves, whose own `version` (the server's list version)
    // would sit beside the schema version; they move under `lists`.
    (lists) => ({ lists }),
    // 2 → 3: the entries, an object per entry under `lists`, become rows beside the list version.
    ({ lists }) => {
      const parsed = parseListsObject(lists);
      if (!parsed) throw new Error('not a contact list');
      return { ...toDocument(parsed) };
    },
  ],
  parse: (document) => {
    const parsed = parseDocument(document);
    if (!parsed) throw new Error('not a contact list');
    return parsed;
  },
};

/**
 * How long a save waits before it is written: the lists of a sign-in, and a burst of list changes,
 * are written once, after the lists are shown rather than on the way to showing them.
 */
export const SAVE_DELAY_MS = 100;

interface WaitingSave {
  lists: ContactLists;
  readonly written: Promise<void>;
  /** Writes it now (once). */
  readonly write: () => void;
}

export class ListCache {
  private readonly writer = new AtomicWriter();
  /** What each file holds, once read or written. */
  private readonly known = new Map<string, ContactLists>();
  /** Saves not yet handed to the writer, by file. */
  private readonly waiting = new Map<string, WaitingSave>();
  /** Reads of each file, under way or done: a file is read once. */
  private readonly reads = new Map<string, Promise<ContactLists | undefined>>();
  /** The file of the account asked about last. */
  private lastFile: { readonly server: string; readonly handle: string; readonly file: string } | undefined;

  /** `onDamaged`: a cache file could not be read and was set aside (at `backup`, when it could be moved). */
  constructor(
    private readonly directory: string,
    private readonly onDamaged: (damage: { readonly problem: string; readonly backup: string | undefined }) => void = () => {},
  ) {}

  fileOf({ server, handle }: CachedAccount): string {
    // Asked at every sign-in (twice: to read soon, then for the SYN) for the same account or few.
    const last = this.lastFile;
    if (last?.server === server && last.handle === handle) return last.file;
    const file = join(this.directory, `lists-${encodeURIComponent(server.toLowerCase())}-${encodeURIComponent(keyOf(handle))}.json`);
    this.lastFile = { server, handle, file };
    return file;
  }

  /** The account's lists: what was last read or saved for it, the file read (once) otherwise. */
  load(account: CachedAccount): Promise<ContactLists | undefined> {
    const file = this.fileOf(account);
    const known = this.known.get(file);
    if (known) return Promise.resolve(known);
    let read = this.reads.get(file);
    if (!read) this.reads.set(file, (read = this.read(file)));
    return read;
  }

  /**
   * Reads the account's file in the next turn of the event loop, while a sign-in waits for its
   * first answers from the server, so that its SYN (which names the cached version) finds the
   * lists read instead of reading and parsing thousands of entries then. Lists known or being
   * read already (a sign-in again) are left as they are.
   */
  readSoon(account: CachedAccount): void {
    const file = this.fileOf(account);
    if (this.known.has(file) || this.reads.has(file)) return;
    setImmediate(() => void this.load(account));
  }

  private async read(file: string): Promise<ContactLists | undefined> {
    await this.flush();
    const loaded = loadDataFile(file, LIST_CACHE_FORMAT);
    if (loaded.status === 'damaged') this.onDamaged(loaded);
    if (loaded.status !== 'loaded') return undefined;
    // Lists saved while the file was read are newer than it.
    if (!this.known.has(file)) this.known.set(file, loaded.value);
    return this.known.get(file);
  }

  /** Writes the saves that wait; resolves once every write has finished (successfully or not). */
  flush(): Promise<void> {
    for (const { write } of [...this.waiting.values()]) write();
    return this.writer.flush();
  }

  /**
   * Saves the lists SAVE_DELAY_MS from now, or with a save of the same account already waiting
   * (the newest lists are written); resolves once they (and every earlier write) are on disk.
   */
  save(account: CachedAccount, lists: ContactLists): Promise<void> {
    const file = this.fileOf(account);
    this.known.set(file, lists);
    const waiting = this.waiting.get(file);
    if (waiting) {
      waiting.lists = lists;
      return waiting.written;
    }
    let write = (): void => undefined;
    const written = new Promise<void>((resolve, reject) => {
      write = () => {
        const save = this.waiting.get(file);
        if (!save) return;
        clearTimeout(timer);
        this.waiting.delete(file);
        this.writer.write(file, encode(LIST_CACHE_FORMAT, toDocument(save.lists))).then(resolve, reject);
      };
    });
    const timer = setTimeout(write, SAVE_DELAY_MS);
    this.waiting.set(file, { lists, written, write });
    return written;
  }
}

function toDocument({ version, addedAlert, privacy, entries }: ContactLists): CacheDocument {
  const rows: ListRow[] = [];
  for (const entry of entries.values()) rows.push(rowOfEntry(entry));
  return { version, addedAlert, privacy, entries: rows };
}

type Header = Omit<ContactLists, 'entries'>;

function parseHeader(value: Record<string, unknown>): Header | undefined {
  const { version, addedAlert, privacy } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return undefined;
  if (addedAlert !== 'A' && addedAlert !== 'N') return undefined;
  if (privacy !== 'AL' && privacy !== 'BL') return undefined;
  return { version, addedAlert, privacy };
}

function parseDocument(document: Record<string, unknown>): ContactLists | undefined {
  const header = parseHeader(document);
  const { entries } = document;
  if (!header || !Array.isArray(entries)) return undefined;
  const checked = new Map<string, ListEntry>();
  for (const row of entries as unknown[]) {
    if (!isRow(row)) return undefined;
    checked.set(keyOf(row[0]), entryOfRow(row));
  }
  return { ...header, entries: checked };
}

function isRow(value: unknown): value is ListRow {
  if (!Array.isArray(value) || value.length !== LIST_NAMES.length + 1 || typeof value[0] !== 'string') return false;
  for (let index = 1; index <= LIST_NAMES.length; index++) {
    const name: unknown = value[index];
    if (typeof name !== 'string' && name !== null) return false;
  }
  return true;
}

/** The lists as versions 1 and 2 held them: an object per entry, with an object of names. */
function parseListsObject(value: unknown): ContactLists | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const header = parseHeader(value as Record<string, unknown>);
  const { entries } = value as Record<string, unknown>;
  if (!header || typeof entries !== 'object' || entries === null) return undefined;
  const checked = new Map<string, ListEntry>();
  for (const entry of Object.values(entries as Record<string, unknown>)) {
    const { handle, names } = (entry ?? {}) as Record<string, unknown>;
    if (typeof handle !== 'string' || typeof names !== 'object' || names === null) return undefined;
    const listNames = Object.entries(names as Record<string, unknown>);
    if (!listNames.every(([list, name]) => isListName(list) && typeof name === 'string')) return undefined;
    checked.set(keyOf(handle), { handle, names: Object.fromEntries(listNames) as ListEntry['names'] });
  }
  return { ...header, entries: checked };
}
