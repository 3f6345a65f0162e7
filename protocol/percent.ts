// Free text on a command line (friendly names, font names) is UTF-8, percent-encoded (§2.5).

const UNRESERVED = /[A-Za-z0-9\-_.!~*'()@]/;
const BOM = 0xfeff;
const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Percent-encodes every byte that is not unreserved; space is always %20, never '+'. */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of encoder.encode(char)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** A hex digit's value, or -1 (also for NaN, what charCodeAt gives past the end). */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** The byte the escape at `index` names, or -1 when no '%' and two hex digits are there before `end`. */
function escapedByte(token: string, index: number, end: number): number {
  if (index + 3 > end || token.charCodeAt(index) !== 0x25) return -1;
  const high = hexValue(token.charCodeAt(index + 1));
  const low = hexValue(token.charCodeAt(index + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

/**
 * The usual token, ASCII with every escape a valid UTF-8 sequence (RFC 3629: no overlong form, no
 * surrogate, nothing past U+10FFFF), decoded as decodeURIComponent would, about twice as fast as
 * checking for it and calling that: a sign-in's list dump is thousands of them. Undefined for
 * anything else (raw UTF-8, a stray '%', escapes that are not UTF-8, a leading BOM), which the
 * byte loop below reads tolerantly.
 */
function decodeEscapes(token: string, start: number, end: number): string | undefined {
  let decoded = '';
  // Where the run of plain characters not yet copied starts.
  let plain = start;
  for (let index = start; index < end; ) {
    const code = token.charCodeAt(index);
    if (code !== 0x25) {
      if (code > 0x7f) return undefined;
      index++;
      continue;
    }
    if (index > plain) decoded += token.slice(plain, index);
    const lead = escapedByte(token, index, end);
    index += 3;
    if (lead < 0x80) {
      if (lead < 0) return undefined;
      decoded += String.fromCharCode(lead);
      plain = index;
      continue;
    }
    // How many bytes follow the lead, its bits of the code point, and where the next byte must lie.
    let following: number;
    let point: number;
    let lowest = 0x80;
    let highest = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      following = 1;
      point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      point = lead & 0x0f;
      if (lead === 0xe0) lowest = 0xa0;
      if (lead === 0xed) highest = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      point = lead & 0x07;
      if (lead === 0xf0) lowest = 0x90;
      if (lead === 0xf4) highest = 0x8f;
    } else {
      return undefined;
    }
    for (; following > 0; following--) {
      const byte = escapedByte(token, index, end);
      if (byte < lowest || byte > highest) return undefined;
      point = (point << 6) | (byte & 0x3f);
      lowest = 0x80;
      highest = 0xbf;
      index += 3;
    }
    decoded += point > 0xffff ? String.fromCharCode(0xd800 | ((point - 0x10000) >> 10), 0xdc00 | (point & 0x3ff)) : String.fromCharCode(point);
    plain = index;
  }
  if (plain < end) decoded += token.slice(plain, end);
  return decoded.charCodeAt(0) === BOM ? undefined : decoded;
}

/**
 * Decodes a percent-encoded token. Tolerant: raw UTF-8 passes through unchanged, a stray '%'
 * that does not start a valid escape stays literal, and escapes that do not form valid UTF-8
 * leave the token as it arrived.
 */
export function percentDecode(token: string): string {
  return percentDecodeIn(token, 0, token.length);
}

/**
 * `percentDecode` of `text` from `start` to `end`, read where it lies: a param of a line is decoded
 * without a string being made of it first.
 */
export function percentDecodeIn(text: string, start: number, end: number): string {
  const escape = text.indexOf('%', start);
  if (escape < 0 || escape >= end) return text.slice(start, end);
  return decodeEscapes(text, start, end) ?? decodeTolerantly(text.slice(start, end));
}

/** The byte loop: raw UTF-8, a stray '%', escapes that are not UTF-8, a leading BOM (which its decoder drops). */
function decodeTolerantly(token: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < token.length; ) {
    const char = token[index] as string;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(token.slice(index + 1, index + 3))) {
      bytes.push(parseInt(token.slice(index + 1, index + 3), 16));
      index += 3;
      continue;
    }
    const codePoint = token.codePointAt(index) as number;
    const literal = String.fromCodePoint(codePoint);
    for (const byte of encoder.encode(literal)) bytes.push(byte);
    index += literal.length;
  }
  try {
    return strictDecoder.decode(new Uint8Array(bytes));
  } catch {
    return token;
  }
}
