// The lists are cached per account so that an unchanged list costs one SYN line (§11.2).
// One small JSON file per server and handle in a directory the caller chooses (a list version
// means nothing on another server), with a schema version; writes are atomic (temp file + rename)
// and serialised. A damaged file means "nothing cached": it is set aside and the owner is told.

import { join } from 'node:path';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode, loadDataFile } from '../storage/data-file';
import { type ContactLists, type ListEntry, isListName, keyOf } from './lists';

/** Whose lists: the server the user signs in to (`host:port`) and the handle. */
export interface CachedAccount {
  readonly server: string;
  readonly handle: string;
}

const LIST_CACHE_FORMAT: FileFormat<ContactLists> = {
  version: 2,
  migrations: [
    // 1 → 2: version 1 was the lists themselves, whose own `version` (the server's list version)
    // would sit beside the schema version; they move under `lists`.
    (lists) => ({ lists }),
  ],
  parse: ({ lists }) => {
    const parsed = parseCachedLists(lists);
    if (!parsed) throw new Error('not a contact list');
    return parsed;
  },
};

export class ListCache {
  private readonly writer = new AtomicWriter();

  /** `onDamaged`: a cache file could not be read and was set aside (at `backup`, when it could be moved). */
  constructor(
    private readonly directory: string,
    private readonly onDamaged: (damage: { readonly problem: string; readonly backup: string | undefined }) => void = () => {},
  ) {}

  fileOf({ server, handle }: CachedAccount): string {
    return join(this.directory, `lists-${encodeURIComponent(server.toLowerCase())}-${encodeURIComponent(keyOf(handle))}.json`);
  }

  async load(account: CachedAccount): Promise<ContactLists | undefined> {
    await this.flush();
    const loaded = loadDataFile(this.fileOf(account), LIST_CACHE_FORMAT);
    if (loaded.status === 'damaged') this.onDamaged(loaded);
    return loaded.status === 'loaded' ? loaded.value : undefined;
  }

  /** Resolves once every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Queues a write; resolves once it (and every earlier one) is on disk. */
  save(account: CachedAccount, lists: ContactLists): Promise<void> {
    return this.writer.write(this.fileOf(account), encode(LIST_CACHE_FORMAT, { lists }));
  }
}

function parseCachedLists(value: unknown): ContactLists | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, addedAlert, privacy, entries } = value as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return undefined;
  if (addedAlert !== 'A' && addedAlert !== 'N') return undefined;
  if (privacy !== 'AL' && privacy !== 'BL') return undefined;
  if (typeof entries !== 'object' || entries === null) return undefined;
  const checked: Record<string, ListEntry> = {};
  for (const entry of Object.values(entries as Record<string, unknown>)) {
    const { handle, names } = (entry ?? {}) as Record<string, unknown>;
    if (typeof handle !== 'string' || typeof names !== 'object' || names === null) return undefined;
    const listNames = Object.entries(names as Record<string, unknown>);
    if (!listNames.every(([list, name]) => isListName(list) && typeof name === 'string')) return undefined;
    checked[keyOf(handle)] = { handle, names: Object.fromEntries(listNames) as ListEntry['names'] };
  }
  return { version, addedAlert, privacy, entries: checked };
}
