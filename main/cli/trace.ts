// `--trace`: the protocol console on stderr, one masked line per command with its time and
// connection, a payload indented below it, and each connection's opening and end (shared/console.ts
// lays the lines out as the console window copies and saves them).

import { type ConsoleWords, type WireCloseReason, type WireLine, consoleLineText, isWireCloseReason } from '../../shared/console';

const CLOSE_WORDS: Readonly<Record<WireCloseReason, string>> = {
  'closed-locally': 'closed by this client',
  'connection-closed': 'closed by the server',
  'connection-lost': 'lost',
  'line-too-long': 'closed: the server sent a line too long to read',
  'cannot-connect': 'could not connect',
  unreachable: 'no answer',
};

const TRACE_WORDS: ConsoleWords = {
  opened: (target, via) => `connected to ${target}${via === undefined ? '' : ` through ${via}`}`,
  closed: (reason) => (isWireCloseReason(reason) ? CLOSE_WORDS[reason] : reason),
};

/** The lines `line` prints as, without the trailing newline. */
export function traceText(line: WireLine): string {
  return consoleLineText(line, TRACE_WORDS);
}
