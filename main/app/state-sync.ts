// Keeps every window's mirror of the state in step with main: a full snapshot when a window is
// ready, then coalesced patches. A sign-in burst (thousands of LST/ILN lines, each a new state)
// becomes a patch per turn of the event loop, and a change that changes nothing sends nothing.
// Nothing waits here for a frame: the last patch of a sign-in goes out as soon as its state exists,
// and a window applies what arrives at most once per frame (renderer/src/store/sync.ts).
// A conversation that changed is sent as what changed in it (StatePatch's ConversationUpdate), so a
// typing flag or an ACK costs the same in a transcript of five thousand messages as in one of five.

import { TypedEmitter } from '../../shared/emitter';
import type { MessengerState } from '../../shared/model';
import { type StatePatch, diffState } from '../../shared/state';

export interface StateSyncOptions {
  readonly initial: MessengerState;
  /** Defers a flush; by default to the next turn of the event loop (setImmediate). */
  readonly schedule?: (flush: () => void) => void;
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
  private readonly schedule: (flush: () => void) => void;

  constructor(options: StateSyncOptions) {
    super();
    this.current = options.initial;
    this.sent = options.initial;
    this.schedule = options.schedule ?? ((flush) => setImmediate(flush));
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
    const patch = diffState(this.sent, this.current);
    this.sent = this.current;
    if (patch) this.emit('patch', patch);
  }
}
