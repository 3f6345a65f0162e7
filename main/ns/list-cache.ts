// The lists are cached per account so that an unchanged list costs one SYN line (§11.2).
// One small JSON file per server and handle in a directory the caller chooses (a list version
// means nothing on another server); writes are atomic (temp file + rename) and serialised, and a
// damaged file just means "nothing cached". A file is read once: after that the cache answers with
// the lists it last read or saved for that account, which are what the file holds.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListName } from '../../shared/model';
import { AtomicWriter } from '../storage/atomic-writer';
import { type ContactLists, LIST_NAMES, type ListEntry, keyOf } from './lists';

/** Whose lists: the server the user signs in to (`host:port`) and the handle. */
export interface CachedAccount {
  readonly server: string;
  readonly handle: string;
}

/**
 * The file's shape: an entry is a row (its handle, then its name on FL, AL, BL and RL, or null),
 * which parses several times faster than an object per entry with an object of names.
 */
interface CacheFile {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly addedAlert: ContactLists['addedAlert'];
  readonly privacy: ContactLists['privacy'];
  readonly entries: ReadonlyArray<readonly [string, ...Array<string | null>]>;
}

const FORMAT = 2;

export class ListCache {
  private readonly writer = new AtomicWriter();
  /** What each file holds, once read or written. */
  private readonly known = new Map<string, ContactLists>();

  constructor(private readonly directory: string) {}

  fileOf({ server, handle }: CachedAccount): string {
    return join(this.directory, `lists-${encodeURIComponent(server.toLowerCase())}-${encodeURIComponent(keyOf(handle))}.json`);
  }

  async load(account: CachedAccount): Promise<ContactLists | undefined> {
    const file = this.fileOf(account);
    const known = this.known.get(file);
    if (known) return known;
    await this.flush();
    try {
      const lists = parseCacheFile(JSON.parse(await readFile(file, 'utf8')));
      if (lists) this.known.set(file, lists);
      return lists;
    } catch {
      return undefined;
    }
  }

  /** Resolves once every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Queues a write; resolves once it (and every earlier one) is on disk. */
  save(account: CachedAccount, lists: ContactLists): Promise<void> {
    const file = this.fileOf(account);
    this.known.set(file, lists);
    return this.writer.write(file, JSON.stringify(toCacheFile(lists)));
  }
}

function toCacheFile({ version, addedAlert, privacy, entries }: ContactLists): CacheFile {
  const rows: Array<[string, ...Array<string | null>]> = [];
  for (const key in entries) {
    const { handle, names } = entries[key] as ListEntry;
    rows.push([handle, names.FL ?? null, names.AL ?? null, names.BL ?? null, names.RL ?? null]);
  }
  return { format: FORMAT, version, addedAlert, privacy, entries: rows };
}

function parseCacheFile(value: unknown): ContactLists | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { format, version, addedAlert, privacy, entries } = value as Record<string, unknown>;
  if (format !== FORMAT || typeof version !== 'number' || !Number.isInteger(version) || version < 0) return undefined;
  if (addedAlert !== 'A' && addedAlert !== 'N') return undefined;
  if (privacy !== 'AL' && privacy !== 'BL') return undefined;
  if (!Array.isArray(entries)) return undefined;
  const checked: Record<string, ListEntry> = {};
  for (const row of entries as unknown[]) {
    if (!Array.isArray(row) || row.length !== LIST_NAMES.length + 1 || typeof row[0] !== 'string') return undefined;
    const names: Partial<Record<ListName, string>> = {};
    for (let index = 0; index < LIST_NAMES.length; index++) {
      const name: unknown = row[index + 1];
      if (typeof name === 'string') names[LIST_NAMES[index] as ListName] = name;
      else if (name !== null) return undefined;
    }
    checked[keyOf(row[0])] = { handle: row[0], names };
  }
  return { version, addedAlert, privacy, entries: checked };
}
