// The lists are cached per account so that an unchanged list costs one SYN line (§11.2).
// One small JSON file per server and handle in a directory the caller chooses (a list version
// means nothing on another server); writes are atomic (temp file + rename) and serialised, and a
// damaged file just means "nothing cached".

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicWriter } from '../storage/atomic-writer';
import { type ContactLists, type ListEntry, isListName, keyOf } from './lists';

/** Whose lists: the server the user signs in to (`host:port`) and the handle. */
export interface CachedAccount {
  readonly server: string;
  readonly handle: string;
}

export class ListCache {
  private readonly writer = new AtomicWriter();

  constructor(private readonly directory: string) {}

  fileOf({ server, handle }: CachedAccount): string {
    return join(this.directory, `lists-${encodeURIComponent(server.toLowerCase())}-${encodeURIComponent(keyOf(handle))}.json`);
  }

  async load(account: CachedAccount): Promise<ContactLists | undefined> {
    await this.flush();
    try {
      return parseCachedLists(JSON.parse(await readFile(this.fileOf(account), 'utf8')));
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
    return this.writer.write(this.fileOf(account), JSON.stringify(lists));
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
