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

/** `hh:mm:ss.mmm` in local time. */
export function wireTime(at: number): string {
  const time = new Date(at);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}.${String(time.getMilliseconds()).padStart(3, '0')}`;
}
