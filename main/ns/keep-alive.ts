// PNG/QNG keep-alive (§5.16): after a quiet minute send PNG; if nothing at all comes back within
// the answer window the connection is half-open and is treated as lost.

import { afterThisTurn } from '../../shared/turn';

export const KEEP_ALIVE_IDLE_MS = 60_000;
export const KEEP_ALIVE_ANSWER_MS = 60_000;

export class KeepAlive {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private answerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Traffic was heard and the timers wait for the end of the code that heard it to start again. */
  private heard = false;

  constructor(
    private readonly ping: () => void,
    private readonly dead: () => void,
    private readonly idleMs = KEEP_ALIVE_IDLE_MS,
    private readonly answerMs = KEEP_ALIVE_ANSWER_MS,
  ) {}

  /**
   * Anything received proves the connection is alive. The timers start again once per read, at
   * its end, rather than once per line: a read can hold hundreds of lines (a sign-in's presence
   * burst), and stopping and making a timer costs more than handling a line.
   */
  traffic(): void {
    if (this.heard) return;
    this.heard = true;
    afterThisTurn(() => {
      if (!this.heard) return;
      this.heard = false;
      this.start();
    });
  }

  stop(): void {
    this.heard = false;
    clearTimeout(this.idleTimer);
    clearTimeout(this.answerTimer);
    this.idleTimer = this.answerTimer = undefined;
  }

  private start(): void {
    this.stop();
    this.idleTimer = setTimeout(() => {
      this.ping();
      this.answerTimer = setTimeout(this.dead, this.answerMs);
    }, this.idleMs);
  }
}
