// Keeping the names stored in FL in step with the names contacts give themselves (§5.6, §5.9,
// §13.5): when an NLN shows a contact under a new name, the official client stores it with REA, so
// the list shows that name while they are offline and on the next sign-in.

import type { NsContext } from './context';
import { renameContact } from './list-commands';
import { keyOf } from './lists';

export class StoredNameSync {
  /**
   * The last name asked for, per contact: one REA per name change, even when NLN repeats the name
   * (a status change) or the REA failed (800, renaming too fast: asking again would fail again).
   */
  private readonly requested = new Map<string, string>();

  constructor(
    private readonly context: NsContext,
    private readonly log?: (line: string) => void,
  ) {}

  /** An NLN showed `handle` as `name`. */
  seen(handle: string, name: string): void {
    const key = keyOf(handle);
    if (key === keyOf(this.context.handle())) return;
    const stored = this.context.lists().entries.get(key)?.names.FL;
    if (stored === undefined || stored === name || this.requested.get(key) === name) return;
    this.requested.set(key, name);
    renameContact(this.context, handle, name).catch((error: Error) =>
      this.log?.(`could not store ${handle}'s new name: ${error.message}`),
    );
  }
}
