// Switchboard MSG payloads (§7): text messages, typing notifications and application invitations,
// built and parsed with the MIME helpers. Texts longer than one payload are split on character
// boundaries so no part ever ends inside a UTF-8 sequence.

import type { Draft, MessageFormat } from '../../shared/model';
import { MAX_PAYLOAD_BYTES, buildMime, contentTypeParameter, isAscii, mediaType, parseHeaderLines, splitMime, writeAscii } from '../../protocol/index';
import { formatHeaderValue, parseFormatHeader } from './format';

export type IncomingPayload =
  | { readonly kind: 'text'; readonly text: string; readonly format?: MessageFormat; readonly automatic?: true }
  | { readonly kind: 'typing'; readonly handle: string }
  | { readonly kind: 'invitation'; readonly command: string; readonly cookie?: string; readonly application?: string }
  | { readonly kind: 'other'; readonly contentType: string };

/** `text/plain` without a charset is ISO-8859-1; WHATWG decodes that label as its superset windows-1252. */
const latin1 = new TextDecoder('windows-1252');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const MIME_VERSION = ['MIME-Version', '1.0'] as const;
/**
 * Marks an automatic reply, with e-mail's header for the purpose (RFC 3834): clients that do not
 * know it ignore an unknown header, and this one shows the message as automatic and never answers it.
 */
const AUTO_SUBMITTED = 'Auto-Submitted';
const AUTO_REPLIED = 'auto-replied';

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export interface TextPayloadOptions {
  /** An automatic reply (the away message), marked so on the wire. */
  readonly automatic?: boolean;
  readonly maxPayloadBytes?: number;
}

/** The headers of a text message; the format header only when the dialect carries it (MSNP3). */
function textHeaders(format: MessageFormat | undefined, automatic: boolean): Array<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [MIME_VERSION, ['Content-Type', 'text/plain; charset=UTF-8']];
  if (format) headers.push(['X-MMS-IM-Format', formatHeaderValue(format)]);
  if (automatic) headers.push([AUTO_SUBMITTED, AUTO_REPLIED]);
  return headers;
}

/** A text message's header block, blank line included, as bytes: [typed, automatic]. */
type HeaderBlocks = [Buffer | undefined, Buffer | undefined];

/**
 * Header blocks made once per format: a conversation sends one format message after message (the
 * service hands over the same normalized object each time, format.ts), so a message costs its text.
 */
const headerBlocks = new WeakMap<MessageFormat, HeaderBlocks>();
const plainHeaderBlocks: HeaderBlocks = [undefined, undefined];

function headerBlock(format: MessageFormat | undefined, automatic: boolean): Buffer {
  let blocks = format ? headerBlocks.get(format) : plainHeaderBlocks;
  if (!blocks) {
    blocks = [undefined, undefined];
    headerBlocks.set(format as MessageFormat, blocks);
  }
  const slot = automatic ? 1 : 0;
  return (blocks[slot] ??= Buffer.from(buildMime(textHeaders(format, automatic), '')));
}

/**
 * One or more payloads for a text, each at most `maxPayloadBytes` (headers included). Line breaks
 * are sent as CR LF. Parts break between grapheme clusters, or between code points when a single
 * cluster is larger than a part.
 */
export function buildTextPayloads(text: string, format?: MessageFormat, options: TextPayloadOptions = {}): Uint8Array[] {
  const { automatic = false, maxPayloadBytes = MAX_PAYLOAD_BYTES } = options;
  const head = headerBlock(format, automatic);
  const room = maxPayloadBytes - head.byteLength;
  if (room < 4) throw new RangeError('The message headers leave no room for text');
  const body = text.includes('\n') ? text.replace(/\r?\n/g, '\r\n') : text;
  return splitText(body, room).map((part) => withBody(head, part));
}

/**
 * The header block followed by the UTF-8 text, in one buffer. ASCII text (most of it) is written
 * a byte per character: two calls into the UTF-8 encoder (its length, then its bytes) cost more.
 */
function withBody(head: Buffer, text: string): Buffer {
  const ascii = isAscii(text);
  const payload = Buffer.allocUnsafe(head.byteLength + (ascii ? text.length : Buffer.byteLength(text)));
  payload.set(head, 0);
  if (ascii) writeAscii(payload, head.byteLength, text);
  else payload.write(text, head.byteLength, 'utf8');
  return payload;
}

/** Splits text into parts of at most `maxBytes` UTF-8 bytes without breaking a character. */
export function splitText(text: string, maxBytes: number): string[] {
  // Nearly every message fits in one part: one encode then, not one per grapheme.
  if (byteLength(text) <= maxBytes) return [text];
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  const push = (piece: string, bytes: number): void => {
    if (currentBytes + bytes > maxBytes && current.length > 0) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += piece;
    currentBytes += bytes;
  };
  for (const { segment } of graphemes.segment(text)) {
    const bytes = byteLength(segment);
    if (bytes <= maxBytes) {
      push(segment, bytes);
      continue;
    }
    for (const codePoint of segment) push(codePoint, byteLength(codePoint));
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/** `TypingUser: handle`, no charset, body a single CR LF (§7.3). */
export function buildTypingPayload(handle: string): Uint8Array {
  return buildMime([MIME_VERSION, ['Content-Type', 'text/x-msmsgscontrol'], ['TypingUser', handle]], '\r\n');
}

/** The polite answer to an invitation this client cannot handle (§7.4). */
export function buildInvitationDecline(cookie: string): Uint8Array {
  const body = `Invitation-Command: CANCEL\r\nInvitation-Cookie: ${cookie}\r\nCancel-Code: REJECT_NOT_INSTALLED\r\n\r\n`;
  return buildMime([MIME_VERSION, ['Content-Type', 'text/x-msmsgsinvite; charset=UTF-8']], body);
}

/** What a text message's headers say: how its body is encoded, its format, whether it is automatic. */
interface TextHead {
  readonly utf8: boolean;
  readonly format?: MessageFormat;
  readonly automatic: boolean;
}

/**
 * The last text header block read (its bytes, blank line included), with what it says. Someone
 * chatting sends the same headers message after message (the same client, the same format), so
 * each block is read once and then only compared, byte for byte, and only the text is decoded.
 */
let lastTextHead: { readonly block: Uint8Array; readonly head: TextHead } | undefined;

const utf8 = new TextDecoder('utf-8');

export function parsePayload(payload: Uint8Array): IncomingPayload {
  const known = lastTextHead;
  if (known && startsWith(payload, known.block)) {
    return textPayload(known.head, known.head.utf8 ? utf8.decode(payload.subarray(known.block.byteLength)) : '', payload);
  }
  const { head: block, body } = splitMime(utf8.decode(payload));
  const message = { headers: parseHeaderLines(block), body };
  const contentType = mediaType(message);
  switch (contentType) {
    case 'text/plain': {
      const charset = (contentTypeParameter(message, 'charset') ?? '').toLowerCase();
      const formatHeader = message.headers.get('x-mms-im-format');
      // RFC 3834: any value but "no" means the message was sent by a program, not typed.
      const autoSubmitted = message.headers.get(AUTO_SUBMITTED.toLowerCase());
      const head: TextHead = {
        utf8: charset === 'utf-8' || charset === 'utf8',
        ...(formatHeader !== undefined && { format: parseFormatHeader(formatHeader) }),
        automatic: autoSubmitted !== undefined && autoSubmitted.toLowerCase() !== 'no',
      };
      // Remembered only with its blank line (a payload without one is all headers), as a copy:
      // the payload is a view of a read buffer that the copy lets go of.
      const start = bodyStart(payload);
      if (start !== undefined) lastTextHead = { block: new Uint8Array(payload.subarray(0, start)), head };
      return textPayload(head, body, payload);
    }
    case 'text/x-msmsgscontrol': {
      const handle = message.headers.get('typinguser');
      return handle ? { kind: 'typing', handle } : { kind: 'other', contentType };
    }
    case 'text/x-msmsgsinvite': {
      const fields = parseHeaderLines(message.body);
      return {
        kind: 'invitation',
        command: (fields.get('invitation-command') ?? '').toUpperCase(),
        cookie: fields.get('invitation-cookie'),
        application: fields.get('application-name'),
      };
    }
    default:
      return { kind: 'other', contentType };
  }
}

/** Whether `payload` begins with the bytes of `prefix`. */
function startsWith(payload: Uint8Array, prefix: Uint8Array): boolean {
  if (payload.byteLength < prefix.byteLength) return false;
  for (let index = prefix.byteLength - 1; index >= 0; index--) if (payload[index] !== prefix[index]) return false;
  return true;
}

function textPayload({ utf8: isUtf8, format, automatic }: TextHead, body: string, payload: Uint8Array): IncomingPayload {
  // `text/plain` without a UTF-8 charset is read from the bytes again, as windows-1252.
  const decoded = isUtf8 ? body : latin1.decode(bodyBytes(payload));
  const text: Draft<Extract<IncomingPayload, { kind: 'text' }>> = { kind: 'text', text: decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded };
  if (format) text.format = format;
  if (automatic) text.automatic = true;
  return text;
}

/** The raw body bytes after the first empty line, found the way parseMime finds it. */
function bodyBytes(payload: Uint8Array): Uint8Array {
  const start = bodyStart(payload);
  return start === undefined ? new Uint8Array(0) : payload.subarray(start);
}

/** Where the body begins: just after the first empty line; undefined when there is none. */
function bodyStart(payload: Uint8Array): number | undefined {
  if (payload[0] === 0x0a) return 1;
  if (payload[0] === 0x0d && payload[1] === 0x0a) return 2;
  for (let index = 0; index + 1 < payload.length; index++) {
    if (payload[index] !== 0x0a) continue;
    if (payload[index + 1] === 0x0a) return index + 2;
    if (payload[index + 1] === 0x0d && payload[index + 2] === 0x0a) return index + 3;
  }
  return undefined;
}
