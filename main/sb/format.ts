// MSN 2.0 message formatting: the `X-MMS-IM-Format` header of MSNP3 text messages (§7.2).
// Everything parsed from the wire is validated into a MessageFormat whose values are safe to hand
// to a renderer as data: a font name of letters, digits and a few punctuation marks, a `#rrggbb`
// colour, and short hex numbers. Anything else falls back to the default value.

import { DEFAULT_MESSAGE_FORMAT, type MessageFormat } from '../../shared/model';
import { percentDecode, percentEncode } from '../../protocol/index';

export { DEFAULT_MESSAGE_FORMAT };

/** Windows font face names are at most 31 characters (LF_FACESIZE). */
export const MAX_FONT_NAME_LENGTH = 31;

/** Letters and digits of any script, single spaces and the few marks real face names use; never quotes,
 * commas, semicolons or angle brackets, so a name cannot break out of a CSS value or markup. */
const FONT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} \-_.&]*$/u;
const CSS_COLOR = /^#[0-9a-f]{6}$/;
const BGR_HEX = /^[0-9a-f]{1,6}$/;
const BYTE_HEX = /^[0-9a-f]{1,2}$/;

export function isValidFontName(font: string): boolean {
  return font.length <= MAX_FONT_NAME_LENGTH && FONT_NAME.test(font) && !/ {2}/.test(font) && !font.endsWith(' ');
}

/** `800000` (BGR, leading zeros omitted) → `#000080`; undefined when not a colour. */
export function bgrToCss(value: string): string | undefined {
  const hex = value.trim().toLowerCase();
  if (!BGR_HEX.test(hex)) return undefined;
  const padded = hex.padStart(6, '0');
  return `#${padded.slice(4, 6)}${padded.slice(2, 4)}${padded.slice(0, 2)}`;
}

/** `#000080` → `800000`: a Windows COLORREF printed with `%x`. */
export function cssToBgr(color: string): string {
  const css = color.toLowerCase();
  const red = parseInt(css.slice(1, 3), 16);
  const green = parseInt(css.slice(3, 5), 16);
  const blue = parseInt(css.slice(5, 7), 16);
  return ((blue << 16) | (green << 8) | red).toString(16);
}

/** A format with every value checked; used both for what arrives and for what the user asks to send. */
export function normalizeFormat(format: Partial<MessageFormat>): MessageFormat {
  if (lastNormalized && sameFormat(lastNormalized, format)) return lastNormalized;
  const font = typeof format.font === 'string' ? format.font.trim() : '';
  const color = typeof format.color === 'string' ? format.color.toLowerCase() : '';
  const normalized: MessageFormat = {
    font: isValidFontName(font) ? font : DEFAULT_MESSAGE_FORMAT.font,
    bold: format.bold === true,
    italic: format.italic === true,
    underline: format.underline === true,
    strikethrough: format.strikethrough === true,
    color: CSS_COLOR.test(color) ? color : DEFAULT_MESSAGE_FORMAT.color,
    charset: byteHex(format.charset) ?? DEFAULT_MESSAGE_FORMAT.charset,
    pitchFamily: byteHex(format.pitchFamily) ?? DEFAULT_MESSAGE_FORMAT.pitchFamily,
  };
  lastNormalized = sameFormat(lastNormalized, normalized) ? lastNormalized : normalized;
  return lastNormalized;
}

/**
 * The last format normalized. A person sends message after message in one format, so the same
 * object comes back for it and what is made from it once (its header, format.ts and messages.ts)
 * is made once, not per message.
 */
let lastNormalized: MessageFormat | undefined;

function sameFormat(normalized: MessageFormat | undefined, format: Partial<MessageFormat>): normalized is MessageFormat {
  return (
    normalized !== undefined &&
    normalized.font === format.font &&
    normalized.bold === format.bold &&
    normalized.italic === format.italic &&
    normalized.underline === format.underline &&
    normalized.strikethrough === format.strikethrough &&
    normalized.color === format.color &&
    normalized.charset === format.charset &&
    normalized.pitchFamily === format.pitchFamily
  );
}

function byteHex(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.trim().toLowerCase();
  return BYTE_HEX.test(hex) ? hex : undefined;
}

/**
 * Formats are values that never change, and one person writes in one format message after message:
 * each format object's header is made once, and the last header read is parsed once.
 */
const headerValues = new WeakMap<MessageFormat, string>();
let lastParsed: { readonly value: string; readonly format: MessageFormat } | undefined;

/** The header value, keys in the official order with FN first: `FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42`. */
export function formatHeaderValue(format: MessageFormat): string {
  let value = headerValues.get(format);
  if (value === undefined) {
    const safe = normalizeFormat(format);
    const effects =
      (safe.bold ? 'B' : '') + (safe.italic ? 'I' : '') + (safe.underline ? 'U' : '') + (safe.strikethrough ? 'S' : '');
    value = `FN=${percentEncode(safe.font)}; EF=${effects}; CO=${cssToBgr(safe.color)}; CS=${safe.charset}; PF=${safe.pitchFamily}`;
    headerValues.set(format, value);
  }
  return value;
}

/** Parses the header in any key order and case; unknown keys are ignored, missing or bad values take defaults. */
export function parseFormatHeader(value: string): MessageFormat {
  if (lastParsed?.value === value) return lastParsed.format;
  const format = readFormatHeader(value);
  lastParsed = { value, format };
  return format;
}

function readFormatHeader(value: string): MessageFormat {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const key = part.slice(0, equals).trim().toUpperCase();
    if (!fields.has(key)) fields.set(key, part.slice(equals + 1).trim());
  }
  const effects = (fields.get('EF') ?? '').toUpperCase();
  const font = fields.get('FN');
  const color = fields.get('CO');
  return normalizeFormat({
    font: font === undefined ? undefined : percentDecode(font),
    bold: effects.includes('B'),
    italic: effects.includes('I'),
    underline: effects.includes('U'),
    strikethrough: effects.includes('S'),
    color: color === undefined ? undefined : bgrToCss(color),
    charset: fields.get('CS'),
    pitchFamily: fields.get('PF'),
  });
}
