// Keeps every window's mirror of the state in step with main: a full snapshot when a window is
// ready, then coalesced patches. A sign-in burst (thousands of LST/ILN lines, each a new state)
// becomes a patch per turn of the event loop, at most one per frame while the changes keep coming,
// and a change that changes nothing sends nothing.
// A conversation that changed is sent as what changed in it (StatePatch's ConversationUpdate), so a
// typing flag or an ACK costs the same in a transcript of five thousand messages as in one of five.

import { TypedEmitter } from '../../shared/emitter';
import type { MessengerState } from '../../shared/model';
import { type StatePatch, diffState } from '../../shared/state';

/** The shortest time between two patches while changes keep coming: one display frame. */
export const PATCH_INTERVAL_MS = 16;

export interface StateSyncOptions {
  readonly initial: MessengerState;
  /**
   * Defers a flush. By default a change after a quiet spell goes out on the next turn of the event
   * loop, and changes that keep coming (a presence storm, a burst of messages) go out at most once
   * per PATCH_INTERVAL_MS: a window repaints once a frame at best, so more patches are only work.
   */
  readonly schedule?: (flush: () => void) => void;
  /** The clock the default pacing reads (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Takes every new state and emits `patch` once per scheduled flush. A patch brings a window from the
 * last flushed state to the newest, and applying it to the newest again changes nothing (values are
 * whole, a transcript's tail replaces everything after its start): a window that asks for a
 * snapshot between a change and its flush ends in the same state as the others.
 */
export class StateSync extends TypedEmitter<{ patch: StatePatch }> {
  private current: MessengerState;
  private sent: MessengerState;
  private pending = false;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly schedule: (flush: () => void) => void;
  private readonly now: () => number;

  constructor(options: StateSyncOptions) {
    super();
    this.current = options.initial;
    this.sent = options.initial;
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? ((flush) => this.paced(flush));
  }

  private paced(flush: () => void): void {
    const wait = this.lastFlushAt + PATCH_INTERVAL_MS - this.now();
    if (wait > 0) setTimeout(flush, wait);
    else setImmediate(flush);
  }

  /** The newest state, for a snapshot. */
  get state(): MessengerState {
    return this.current;
  }

  update(state: MessengerState): void {
    this.current = state;
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => this.flush());
  }

  /** Emits the patch for everything since the last flush now (also run by the scheduler). */
  flush(): void {
    this.pending = false;
    this.lastFlushAt = this.now();
    const patch = diffState(this.sent, this.current);
    this.sent = this.current;
    if (patch) this.emit('patch', patch);
  }
}
