// `--trace`: the protocol console on stderr, one masked line per command with its time and
// connection, a payload indented below it, and each connection's opening and end.

import { type WireCloseReason, type WireLine, isWireCloseReason, wirePrefix, wireTime } from '../../shared/console';

const CLOSE_WORDS: Readonly<Record<WireCloseReason, string>> = {
  'closed-locally': 'closed by this client',
  'connection-closed': 'closed by the server',
  'connection-lost': 'lost',
  'line-too-long': 'closed: the server sent a line too long to read',
  'cannot-connect': 'could not connect',
  unreachable: 'no answer',
};

/** The lines `line` prints as, without the trailing newline. */
export function traceText(line: WireLine): string {
  const head = `${wireTime(line.at)} ${line.connection}`;
  switch (line.direction) {
    case 'opened':
      return `${head} connected to ${line.text}${line.via === undefined ? '' : ` through ${line.via}`}`;
    case 'closed':
      return `${head} ${isWireCloseReason(line.text) ? CLOSE_WORDS[line.text] : line.text}`;
    default: {
      const payload = line.payload === undefined ? '' : `\n${line.payload.replace(/\n$/, '').replace(/^/gm, '    ')}`;
      return `${head} ${wirePrefix(line.direction)} ${line.text}${payload}`;
    }
  }
}
