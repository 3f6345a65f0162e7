// MSG payloads are MIME-style: header lines, an empty line, then the body (§7.1, §9).

export interface MimeMessage {
  /** Header names lower-cased; the first occurrence of a name wins. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Parses a payload. Tolerates LF-only line ends and a missing blank line (then everything is headers). */
export function parseMime(payload: Uint8Array | string): MimeMessage {
  const { head, body } = splitMime(typeof payload === 'string' ? payload : decoder.decode(payload));
  return { headers: parseHeaderLines(head), body };
}

/**
 * The header block and the body of a decoded payload. The header block ends at the first empty
 * line, whatever each line ends in; an empty line at the very start means there are no headers at
 * all, and without an empty line everything is headers.
 */
export function splitMime(text: string): { readonly head: string; readonly body: string } {
  const blank = /(?:^|\n)\r?\n/.exec(text);
  if (!blank) return { head: text, body: '' };
  return { head: text.slice(0, blank.index), body: text.slice(blank.index + blank[0].length) };
}

/**
 * Parses `Key: value` lines (used for headers and for the key/value bodies of NS messages): a line
 * ends at LF, its key is what comes before its first colon (a line starting with one has none),
 * its value what follows, both trimmed, and a key's first line counts. Read where the lines lie,
 * each character once.
 */
export function parseHeaderLines(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  // The first colon at or after the current line's start (-1: none left in the text).
  let colon = text.indexOf(':');
  for (let start = 0; start < text.length && colon >= 0; ) {
    const feed = text.indexOf('\n', start);
    const end = feed < 0 ? text.length : feed;
    if (colon < start) colon = text.indexOf(':', start);
    // A CR before the LF is white space the value's trim takes off.
    if (colon > start && colon < end) {
      const key = text.slice(start, colon).trim().toLowerCase();
      if (!headers.has(key)) headers.set(key, text.slice(colon + 1, end).trim());
    }
    start = end + 1;
  }
  return headers;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(message: MimeMessage): string {
  return (message.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A parameter of the Content-Type header (`charset`), lower-cased name. */
export function contentTypeParameter(message: MimeMessage, name: string): string | undefined {
  const parts = (message.headers.get('content-type') ?? '').split(';').slice(1);
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 0 || part.slice(0, equals).trim().toLowerCase() !== name.toLowerCase()) continue;
    return part.slice(equals + 1).trim().replace(/^"|"$/g, '');
  }
  return undefined;
}

/** Builds a payload with CRLF line ends: headers in the given order, a blank line, the body. */
export function buildMime(headers: ReadonlyArray<readonly [string, string]>, body: string): Uint8Array {
  const head = headers.map(([key, value]) => `${key}: ${value}\r\n`).join('');
  return encoder.encode(`${head}\r\n${body}`);
}
