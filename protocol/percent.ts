// Free text on a command line (friendly names, font names) is UTF-8, percent-encoded (§2.5).

const UNRESERVED = /[A-Za-z0-9\-_.!~*'()@]/;
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

/**
 * Decodes a percent-encoded token. Tolerant: raw UTF-8 passes through unchanged, a stray '%'
 * that does not start a valid escape stays literal, and escapes that do not form valid UTF-8
 * leave the token as it arrived.
 */
export function percentDecode(token: string): string {
  if (!token.includes('%')) return token;
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
