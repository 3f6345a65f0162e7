// The switchboard messages the server's own participants send (Messenger Buddy and the demo
// contacts): a typing notification (§7.3) and a formatted text message (§7.1, §7.2).

import { buildMime } from '../protocol/index';

export function typingPayload(handle: string): Uint8Array {
  return buildMime([['MIME-Version', '1.0'], ['Content-Type', 'text/x-msmsgscontrol'], ['TypingUser', handle]], '\r\n');
}

/** `format` is an X-MMS-IM-Format value, e.g. `FN=MS%20Sans%20Serif; EF=; CO=800000; CS=0; PF=22`. */
export function textPayload(text: string, format: string): Uint8Array {
  return buildMime(
    [
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['X-MMS-IM-Format', format],
    ],
    text,
  );
}
