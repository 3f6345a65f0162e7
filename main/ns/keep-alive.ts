// PNG/QNG keep-alive (§5.16): after a quiet minute send PNG; if nothing at all comes back within
// the answer window the connection is half-open and is treated as lost.

export const KEEP_ALIVE_IDLE_MS = 60_000;
export const KEEP_ALIVE_ANSWER_MS = 60_000;

export class KeepAlive {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private answerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ping: () => void,
    private readonly dead: () => void,
    private readonly idleMs = KEEP_ALIVE_IDLE_MS,
    private readonly answerMs = KEEP_ALIVE_ANSWER_MS,
  ) {}

  /** Anything received proves the connection is alive. */
  traffic(): void {
    this.stop();
    this.idleTimer = setTimeout(() => {
      this.ping();
      this.answerTimer = setTimeout(this.dead, this.answerMs);
    }, this.idleMs);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.answerTimer);
    this.idleTimer = this.answerTimer = undefined;
  }
}
