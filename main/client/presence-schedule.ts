// When the presence lines the session reported are shown in the state: at the end of the socket
// read that brought them, all of them in one state. Every line of a read is framed before a
// microtask runs, so a storm of changes, or a sign-in's burst of initial presence (ILN: hundreds
// of lines answering my first CHG), becomes a state per read, and the state never lags behind the
// answer to a request that came after those lines in the same read.
//
// A read's batch replaces the contacts it names in one copy of the contact list (state.ts
// withPresences: 5000 references, where it once copied the whole record); the state sync sends the
// windows a patch per turn of the event loop at most, and a window applies one per frame. Waiting
// for a turn with nothing read before showing a burst (so that one read after another made one
// state) delayed every sign-in's contacts by two turns for a copy that no longer costs what it did.

import { afterThisTurn } from '../../shared/turn';

export class PresenceSchedule {
  private waiting = false;
  private readonly onShown: Array<() => void> = [];

  /** `show` shows every line waiting. */
  constructor(private readonly show: () => void) {}

  /** A presence line waits to be shown, with the others of its read. */
  add(): void {
    if (this.waiting) return;
    this.waiting = true;
    afterThisTurn(() => this.showNow());
  }

  /** Resolves once every line that waits now has been shown (or forgotten). */
  shown(): Promise<void> {
    if (!this.waiting) return Promise.resolve();
    return new Promise((resolve) => this.onShown.push(resolve));
  }

  /** The waiting lines were forgotten (a sign-out, a new sign-in): nothing is left to show. */
  clear(): void {
    this.settle();
  }

  private showNow(): void {
    if (!this.waiting) return;
    this.settle();
    this.show();
  }

  private settle(): void {
    this.waiting = false;
    for (const resolve of this.onShown.splice(0)) resolve();
  }
}
