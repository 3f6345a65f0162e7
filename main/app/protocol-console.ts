// One account's protocol console (Tools → Protocol Console): off until a console window turns it
// on, then every masked MSNP line of the account's connections (main/client/wire-trace.ts), the
// newest MAX_CONSOLE_LINES kept. Windows hear what is new once per turn of the event loop, so a
// sign-in's burst of LST lines is a few events, not thousands.

import { type ConsoleLine, type ConsoleSnapshot, MAX_CONSOLE_LINES, type WireLine } from '../../shared/console';
import { TypedEmitter } from '../../shared/emitter';
import type { TraceSink } from '../client/wire-trace';

export class ProtocolConsole extends TypedEmitter<{ change: ConsoleSnapshot }> {
  private recording = false;
  private lines: ConsoleLine[] = [];
  private unsent: ConsoleLine[] = [];
  private nextSeq = 1;
  private flushScheduled = false;

  /** What the account's messenger writes to. */
  readonly sink: TraceSink = {
    enabled: () => this.recording,
    line: (line) => this.add(line),
  };

  snapshot(): ConsoleSnapshot {
    return { recording: this.recording, lines: [...this.lines], firstSeq: this.firstSeq };
  }

  setRecording(recording: boolean): void {
    if (recording === this.recording) return;
    this.recording = recording;
    this.flush();
  }

  clear(): void {
    this.lines = [];
    this.unsent = [];
    this.flush();
  }

  private get firstSeq(): number {
    return this.lines[0]?.seq ?? this.nextSeq;
  }

  private add(line: WireLine): void {
    const numbered: ConsoleLine = { ...line, seq: this.nextSeq++ };
    this.lines.push(numbered);
    if (this.lines.length > MAX_CONSOLE_LINES) this.lines.splice(0, this.lines.length - MAX_CONSOLE_LINES);
    this.unsent.push(numbered);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const firstSeq = this.firstSeq;
    const lines = this.unsent.filter((line) => line.seq >= firstSeq);
    this.unsent = [];
    this.emit('change', { recording: this.recording, lines, firstSeq });
  }
}
