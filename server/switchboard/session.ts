// One switchboard session (§6.1): a relay between its participants. Whoever is in it receives every
// other participant's MSG, and JOI/BYE as people come and go. It ends when the last one leaves, or
// after a quiet spell.

export interface Participant {
  readonly handle: string;
  /** The participant's friendly name, percent-encoded, as it is now. */
  readonly wireName: string;
  deliver(name: string, params: readonly string[], payload?: Uint8Array): void;
  /** The session ended around this participant (idle timeout, server shutdown). */
  dismiss(): void;
}

export class SwitchboardSession {
  readonly participants: Participant[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;

  constructor(
    readonly id: string,
    private readonly idleMs: number,
    private readonly onEnd: (session: SwitchboardSession, reason: string) => void,
  ) {
    this.touch();
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  has(handle: string): boolean {
    return this.participants.some((participant) => participant.handle === handle);
  }

  /** Adds a participant; the others receive JOI. The joiner's own roster (IRO) is its caller's business. */
  join(joiner: Participant): void {
    for (const other of [...this.participants]) other.deliver('JOI', [joiner.handle, joiner.wireName]);
    this.participants.push(joiner);
    this.touch();
  }

  leave(leaver: Participant): void {
    const index = this.participants.indexOf(leaver);
    if (index < 0) return;
    this.participants.splice(index, 1);
    for (const other of [...this.participants]) other.deliver('BYE', [leaver.handle]);
    if (this.participants.length === 0) this.end('everyone left');
  }

  /** Copies a message to every other participant; returns how many received it. */
  relay(sender: Participant, payload: Uint8Array): number {
    const others = this.participants.filter((participant) => participant !== sender);
    for (const other of others) other.deliver('MSG', [sender.handle, sender.wireName], payload);
    this.touch();
    return others.length;
  }

  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idleTimer);
    for (const participant of this.participants.splice(0)) participant.dismiss();
    this.onEnd(this, reason);
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.end('idle'), this.idleMs);
    this.idleTimer.unref?.();
  }
}
