// What the wire log may show: never a password hash, a challenge answer or a switchboard cookie,
// and message bodies only by their length.

import type { MsnpCommand } from './command';

export type WireDirection = 'in' | 'out';
export type WireLogger = (direction: WireDirection, text: string) => void;

const HIDDEN = '[hidden]';

export function describeForLog(command: MsnpCommand): string {
  const params = [...command.params];
  switch (command.name) {
    case 'USR': {
      // NS: USR trid MD5 S <challenge|hash>; SB: USR trid handle cookie
      const s = params.indexOf('S');
      if (s >= 0) params.fill(HIDDEN, s + 1);
      else if (params.length >= 3 && params[1]?.includes('@')) params[2] = HIDDEN;
      break;
    }
    case 'ANS':
      if (params.length >= 3) params[2] = HIDDEN;
      break;
    case 'XFR':
    case 'RNG': {
      const cki = params.indexOf('CKI');
      if (cki >= 0 && cki + 1 < params.length) params[cki + 1] = HIDDEN;
      break;
    }
  }
  const text = [command.name, ...params].join(' ');
  return command.payload ? `${text} <${command.payload.byteLength} bytes>` : text;
}
