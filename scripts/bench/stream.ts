// A realistic byte stream of what a client receives: a sign-in's list dump and presence burst on the
// notification server, Hotmail service messages, and switchboard chatter (formatted text, typing,
// ACKs), serialised with the project's own codec so every frame is valid.

import { type MsnpCommand, buildMime, percentEncode, serializeCommand } from '../../protocol/index';

const FORMAT = 'FN=MS%20Sans%20Serif; EF=B; CO=800000; CS=0; PF=22';
const STATUSES = ['NLN', 'BSY', 'AWY', 'IDL', 'BRB', 'PHN', 'LUN'];

function text(body: string): Uint8Array {
  return buildMime(
    [
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['X-MMS-IM-Format', FORMAT],
    ],
    body,
  );
}

function typing(handle: string): Uint8Array {
  return buildMime(
    [
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/x-msmsgscontrol'],
      ['TypingUser', handle],
    ],
    '\r\n',
  );
}

const mailNotice = buildMime(
  [
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/x-msmsgsinitialemailnotification; charset=UTF-8'],
  ],
  'Inbox-Unread: 3\r\nFolders-Unread: 0\r\nInbox-URL: /cgi-bin/HoTMaiL\r\nFolders-URL: /cgi-bin/folders\r\nPost-URL: http://www.hotmail.com\r\n\r\n',
);

/** The `index`-th command of an endless, repeating mix of NS and SB traffic. */
function commandAt(index: number): MsnpCommand {
  const handle = `contact${index % 5000}@example.com`;
  const name = percentEncode(`Contact ${index % 5000} — ☕ ${'x'.repeat(index % 40)}`);
  switch (index % 12) {
    case 0:
    case 1:
    case 2:
      return { name: 'LST', params: ['8', 'FL', '5012', String((index % 5000) + 1), '5000', handle, name] };
    case 3:
      return { name: 'ILN', params: ['9', STATUSES[index % STATUSES.length] as string, handle, name] };
    case 4:
      return { name: 'NLN', params: [STATUSES[(index >> 2) % STATUSES.length] as string, handle, name] };
    case 5:
      return { name: 'FLN', params: [handle] };
    case 6:
      return { name: 'MSG', params: [handle, name], payload: text(`Message ${index}: ${'lorem ipsum dolor sit amet '.repeat(1 + (index % 8))}`) };
    case 7:
      return { name: 'MSG', params: [handle, name], payload: typing(handle) };
    case 8:
      return { name: 'ACK', params: [String(index)] };
    case 9:
      return { name: 'MSG', params: ['Hotmail', 'Hotmail'], payload: mailNotice };
    case 10:
      return { name: 'ADD', params: ['0', 'RL', String(index), handle, name] };
    default:
      return { name: 'CHG', params: [String(index), 'NLN'] };
  }
}

/** At least `bytes` of stream, ending on a command boundary; also how many commands it holds. */
export function realisticStream(bytes: number): { readonly bytes: Uint8Array; readonly commands: number } {
  const parts: Uint8Array[] = [];
  let total = 0;
  let commands = 0;
  while (total < bytes) {
    const part = serializeCommand(commandAt(commands++));
    parts.push(part);
    total += part.byteLength;
  }
  return { bytes: Buffer.concat(parts), commands };
}

/** One line of each kind (MSG lines without their payload), for the parse/serialize round trips. */
export function sampleCommands(): MsnpCommand[] {
  return Array.from({ length: 12 }, (_, index) => commandAt(index + 12 * 7));
}
