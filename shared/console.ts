// The protocol console's lines: every MSNP command a connection sends or receives, with when and
// which connection, and each connection's opening and end. Main masks every secret before a line
// exists (protocol/wire-log.ts), so what crosses IPC, what a window copies or saves, and what the
// CLI's --trace prints are the same safe lines.

/** `out`: the client sent it (C:), `in`: the server did (S:); `opened` and `closed` mark a connection's life. */
export type WireLineDirection = 'in' | 'out' | 'opened' | 'closed';

export interface WireLine {
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** `NS 1`, `SB 2`…: the kind and the connection's number in this account's session. */
  readonly connection: string;
  readonly direction: WireLineDirection;
  /**
   * The command as one line for `in` and `out` (masked); the server's `host:port` for `opened`; why,
   * as a reason code, for `closed`.
   */
  readonly text: string;
  /** A command's payload as text, masked (MSG bodies, the profile…). */
  readonly payload?: string;
  /** For `opened`: the proxy the connection goes through, without its password. */
  readonly via?: string;
}

/** A line as the app keeps it: numbered, so a window can tell which it already has. */
export interface ConsoleLine extends WireLine {
  readonly seq: number;
}

/**
 * An account's console: whether it records, and the lines it kept (the newest MAX_CONSOLE_LINES);
 * `firstSeq` is the oldest kept, so a window drops any older line (cleared, or past the limit).
 */
export interface ConsoleSnapshot {
  readonly recording: boolean;
  readonly lines: readonly ConsoleLine[];
  readonly firstSeq: number;
}

export const MAX_CONSOLE_LINES = 5000;

/**
 * A window's lines after a snapshot or a change event: what it had from `firstSeq` on, then what is
 * new (a snapshot repeats lines the window has; they are kept once).
 */
export function followConsole(current: readonly ConsoleLine[], change: ConsoleSnapshot): readonly ConsoleLine[] {
  const kept = current.filter((line) => line.seq >= change.firstSeq);
  const last = kept.at(-1)?.seq ?? 0;
  const added = change.lines.filter((line) => line.seq > last && line.seq >= change.firstSeq);
  if (added.length === 0 && kept.length === current.length) return current;
  return [...kept, ...added];
}

/** Why a connection ended, as protocol/transactions.ts's CloseReason names it (a `closed` line's text). */
export const WIRE_CLOSE_REASONS = ['cannot-connect', 'unreachable', 'connection-lost', 'connection-closed', 'line-too-long', 'closed-locally'] as const;
export type WireCloseReason = (typeof WIRE_CLOSE_REASONS)[number];

export function isWireCloseReason(text: string): text is WireCloseReason {
  return (WIRE_CLOSE_REASONS as readonly string[]).includes(text);
}

/** `C:` for what the client sent and `S:` for what the server did, as the protocol reference writes transcripts. */
export function wirePrefix(direction: 'in' | 'out'): 'C:' | 'S:' {
  return direction === 'out' ? 'C:' : 'S:';
}

/** How a connection's opening and end read: the renderer's strings and the CLI each word them. */
export interface ConsoleWords {
  readonly opened: (target: string, via: string | undefined) => string;
  /** `reason` is a WireCloseReason, or the text of a close the table does not know. */
  readonly closed: (reason: string) => string;
}

/** A line's columns as the console draws them; `text` is the command, or the worded opening or end. */
export interface ConsoleLineParts {
  readonly time: string;
  readonly connection: string;
  /** `C:` or `S:` for a command, empty for an opening or an end. */
  readonly prefix: string;
  readonly text: string;
  readonly payload?: string;
}

export function consoleLineParts(line: WireLine, words: ConsoleWords): ConsoleLineParts {
  const head = { time: wireTime(line.at), connection: line.connection };
  switch (line.direction) {
    case 'opened':
      return { ...head, prefix: '', text: words.opened(line.text, line.via) };
    case 'closed':
      return { ...head, prefix: '', text: words.closed(line.text) };
    default:
      return { ...head, prefix: wirePrefix(line.direction), text: line.text, ...(line.payload !== undefined && { payload: line.payload }) };
  }
}

/**
 * A line as plain text, the same in the console's copy, its saved file and the CLI's --trace:
 * `hh:mm:ss.mmm NS 2 C: USR 3 MD5 S [hidden]`, a payload below it indented by four spaces.
 */
export function consoleLineText(line: WireLine, words: ConsoleWords): string {
  const { time, connection, prefix, text, payload } = consoleLineParts(line, words);
  const body = payload === undefined ? '' : `\n${payload.replace(/\n+$/, '').replace(/^/gm, '    ')}`;
  return `${time} ${connection} ${prefix === '' ? '' : `${prefix} `}${text}${body}`;
}

/** `hh:mm:ss.mmm` in local time. */
export function wireTime(at: number): string {
  const time = new Date(at);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}.${String(time.getMilliseconds()).padStart(3, '0')}`;
}
