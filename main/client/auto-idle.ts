// Auto-idle (§10, §15.3): after N minutes without input the facade sets IDL, and the next input
// restores the status the user chose.

export class AutoIdle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private minutes = 0;
  private running = false;

  constructor(
    private readonly becameIdle: () => void,
    private readonly becameActive: () => void,
  ) {}

  /** 0 turns auto-idle off. */
  setMinutes(minutes: number): void {
    this.minutes = Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
    if (this.running) this.restart();
  }

  /** Watching starts when the session is online and stops when it is not. */
  start(): void {
    this.running = true;
    this.restart();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  activity(): void {
    if (!this.running) return;
    this.becameActive();
    this.restart();
  }

  private restart(): void {
    clearTimeout(this.timer);
    this.timer = this.minutes > 0 ? setTimeout(this.becameIdle, this.minutes * 60_000) : undefined;
  }
}
