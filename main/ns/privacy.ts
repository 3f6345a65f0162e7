// Blocking and the "X has added you" flow (§11.1, §11.4): AL and BL are exclusive, so a block
// leaves AL first and an unblock leaves BL first; someone on RL who is on neither is asked
// about (GTC A) or silently allowed (GTC N).

import type { NsContext } from './context';
import { addToList, removeFromList } from './list-commands';
import { isOnList, keyOf, membersOf } from './lists';

export class PrivacyControl {
  /** Handles already announced this session, so one ADD 0 RL gives one question. */
  private readonly announced = new Set<string>();

  constructor(
    private readonly context: NsContext,
    private readonly report: (error: unknown) => void,
  ) {}

  /** Runs the RL review for the given handles, or for the whole RL after a sync. */
  review(handles?: readonly string[]): void {
    const lists = this.context.lists();
    const candidates = handles ?? membersOf(lists, 'RL').map((entry) => entry.handle);
    for (const handle of candidates) {
      const entry = lists.entries.get(keyOf(handle));
      if (!entry?.names.RL || entry.names.AL !== undefined || entry.names.BL !== undefined) continue;
      if (lists.addedAlert === 'N') {
        addToList(this.context, 'AL', entry.handle, entry.names.RL).catch(this.report);
      } else if (!this.announced.has(keyOf(handle))) {
        this.announced.add(keyOf(handle));
        this.context.emit('addedBy', { handle: entry.handle, friendlyName: entry.names.RL });
      }
    }
  }

  async answer(handle: string, answer: { readonly allow: boolean; readonly addToContacts: boolean }): Promise<void> {
    const lists = this.context.lists();
    const list = answer.allow ? 'AL' : 'BL';
    if (!isOnList(lists, list, handle)) await (answer.allow ? this.unblock(handle) : this.block(handle));
    if (answer.addToContacts && !isOnList(this.context.lists(), 'FL', handle)) {
      // The name they gave themselves (from RL) rather than the bare address the official client stored.
      await addToList(this.context, 'FL', handle, lists.entries.get(keyOf(handle))?.names.RL ?? handle);
    }
    this.announced.delete(keyOf(handle));
  }

  async block(handle: string): Promise<void> {
    if (isOnList(this.context.lists(), 'AL', handle)) await removeFromList(this.context, 'AL', handle);
    if (!isOnList(this.context.lists(), 'BL', handle)) await addToList(this.context, 'BL', handle);
  }

  async unblock(handle: string): Promise<void> {
    if (isOnList(this.context.lists(), 'BL', handle)) await removeFromList(this.context, 'BL', handle);
    if (!isOnList(this.context.lists(), 'AL', handle)) await addToList(this.context, 'AL', handle);
  }
}
