// When the presence lines the session reported are shown in the state. Showing them copies the
// list of every contact (thousands of references) and makes a state, so they are shown in batches:
// - a change (NLN, FLN) at the end of the read that brought it, with every line waiting then: a
//   storm of changes becomes a state per read, and the state never lags behind the answer to a
//   request that came after those lines in the same read;
// - the initial presence (ILN: hundreds of lines answering my first CHG, which the kernel may hand
//   over in pieces, read in consecutive turns of the event loop) at the first turn in which no
//   more arrived: the burst becomes one state rather than one per read. A turn with nothing to
//   read costs microseconds.

import { afterThisTurn } from '../../shared/turn';

/** The most turns a burst of initial presence waits for more: lines that never pause are still shown. */
const MOST_TURNS = 8;

export class PresenceSchedule {
  private waiting = false;
  private endOfRead = false;
  private turn: NodeJS.Immediate | undefined;
  /** Whether initial presence arrived since the last turn looked. */
  private arrivedThisTurn = false;
  private turns = 0;
  private readonly onShown: Array<() => void> = [];

  /** `show` shows every line waiting. */
  constructor(private readonly show: () => void) {}

  /** A presence line waits to be shown; `initial` for an ILN. */
  add(initial: boolean): void {
    this.waiting = true;
    if (!initial) {
      if (!this.endOfRead) {
        this.endOfRead = true;
        // Every line of one TCP read is framed before a microtask runs.
        afterThisTurn(() => this.showNow());
      }
      return;
    }
    this.arrivedThisTurn = true;
    this.turn ??= setImmediate(() => this.nextTurn());
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

  private nextTurn(): void {
    this.turn = undefined;
    if (this.arrivedThisTurn && ++this.turns < MOST_TURNS) {
      this.arrivedThisTurn = false;
      this.turn = setImmediate(() => this.nextTurn());
      return;
    }
    this.showNow();
  }

  private showNow(): void {
    if (!this.waiting) return;
    this.settle();
    this.show();
  }

  private settle(): void {
    if (this.turn) clearImmediate(this.turn);
    this.turn = undefined;
    this.waiting = false;
    this.endOfRead = false;
    this.arrivedThisTurn = false;
    this.turns = 0;
    for (const resolve of this.onShown.splice(0)) resolve();
  }
}
