import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMime, contentTypeParameter, mediaType, parseHeaderLines, parseMime } from './mime';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const TEXT_MESSAGE =
  'MIME-Version: 1.0\r\n' +
  'Content-Type: text/plain; charset=UTF-8\r\n' +
  'X-MMS-IM-Format: FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42\r\n' +
  '\r\n' +
  'Sure :) see you there';

describe('parseMime', () => {
  it('splits the header block from the body at the first empty line', () => {
    const message = parseMime(encoder.encode(TEXT_MESSAGE));
    expect([...message.headers]).toEqual([
      ['mime-version', '1.0'],
      ['content-type', 'text/plain; charset=UTF-8'],
      ['x-mms-im-format', 'FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42'],
    ]);
    expect(message.body).toBe('Sure :) see you there');
  });

  it('keeps the body byte-exact, empty lines and CR LF included', () => {
    const message = parseMime('Content-Type: text/plain\r\n\r\nGreat!\r\n\r\nBye\r\n');
    expect(message.body).toBe('Great!\r\n\r\nBye\r\n');
  });

  it('decodes a UTF-8 payload', () => {
    const message = parseMime(encoder.encode('Content-Type: text/plain; charset=UTF-8\r\n\r\nÇa va? café 😀'));
    expect(message.body).toBe('Ça va? café 😀');
  });

  it('looks headers up case-insensitively, by their lower-cased name', () => {
    const message = parseMime('content-TYPE: text/plain\r\nTypingUser: bob@hotmail.com\r\n\r\n');
    expect(message.headers.get('content-type')).toBe('text/plain');
    expect(message.headers.get('typinguser')).toBe('bob@hotmail.com');
    expect(mediaType(message)).toBe('text/plain');
  });

  it('keeps the first occurrence of a repeated header', () => {
    const message = parseMime('Content-Type: text/plain\r\nCONTENT-TYPE: text/x-msmsgscontrol\r\n\r\nhi');
    expect(message.headers.get('content-type')).toBe('text/plain');
  });

  it('tolerates LF-only line ends', () => {
    const message = parseMime('MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nhello\nworld');
    expect(message.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(message.body).toBe('hello\nworld');
  });

  it('finds the end of a CR LF header block even when the body holds LF-only blank lines', () => {
    const message = parseMime('Content-Type: text/plain\r\n\r\na\n\nb');
    expect(message.body).toBe('a\n\nb');
  });

  it('finds the end of an LF header block followed by a CR LF blank line', () => {
    const message = parseMime('Content-Type: text/plain\nMIME-Version: 1.0\n\r\nhello');
    expect(message.headers.get('mime-version')).toBe('1.0');
    expect(message.body).toBe('hello');
  });

  it('treats everything as headers when the blank line is missing', () => {
    const message = parseMime('MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile\r\nLoginTime: 1726321960\r\n');
    expect(message.headers.get('logintime')).toBe('1726321960');
    expect(message.body).toBe('');
  });

  it('keeps the body of a message with an empty header block', () => {
    const message = parseMime('\r\nhello');
    expect(message.headers.size).toBe(0);
    expect(message.body).toBe('hello');
  });

  it('parses an empty payload', () => {
    const message = parseMime(new Uint8Array(0));
    expect(message.headers.size).toBe(0);
    expect(message.body).toBe('');
  });
});

describe('parseHeaderLines', () => {
  it('trims values, keeps empty ones and skips lines without a name', () => {
    const fields = parseHeaderLines('PostalCode: \r\nGender:\r\n  Kid :  0  \r\nno colon here\r\n: orphan value\r\nURL: http://x/y?a=b:c');
    expect([...fields]).toEqual([
      ['postalcode', ''],
      ['gender', ''],
      ['kid', '0'],
      ['url', 'http://x/y?a=b:c'],
    ]);
  });
});

describe('mediaType and contentTypeParameter', () => {
  it('reads the media type lower-cased, without parameters', () => {
    expect(mediaType(parseMime('Content-Type: Text/X-MSMSGSControl\r\n\r\n'))).toBe('text/x-msmsgscontrol');
    expect(mediaType(parseMime('Content-Type: text/plain ; charset=UTF-8\r\n\r\n'))).toBe('text/plain');
  });

  it('gives an empty media type when there is no Content-Type', () => {
    expect(mediaType(parseMime('MIME-Version: 1.0\r\n\r\n'))).toBe('');
  });

  it('reads a parameter by case-insensitive name, unquoted', () => {
    const message = parseMime('Content-Type: text/plain; CharSet="UTF-8"; format=flowed\r\n\r\n');
    expect(contentTypeParameter(message, 'charset')).toBe('UTF-8');
    expect(contentTypeParameter(message, 'FORMAT')).toBe('flowed');
    expect(contentTypeParameter(message, 'boundary')).toBeUndefined();
  });

  it('keeps an equals sign inside a parameter value', () => {
    const message = parseMime('Content-Type: multipart/mixed; boundary="a=b=c"\r\n\r\n');
    expect(contentTypeParameter(message, 'boundary')).toBe('a=b=c');
  });

  it('gives no parameter when there is no Content-Type', () => {
    expect(contentTypeParameter(parseMime('\r\n'), 'charset')).toBeUndefined();
  });
});

describe('buildMime', () => {
  it('writes headers in order with CR LF, a blank line and the body, byte-exact', () => {
    const payload = buildMime(
      [
        ['MIME-Version', '1.0'],
        ['Content-Type', 'text/x-msmsgscontrol'],
        ['TypingUser', 'example@hotmail.com'],
      ],
      '\r\n',
    );
    expect(decoder.decode(payload)).toBe(
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: example@hotmail.com\r\n\r\n\r\n',
    );
    expect(payload.byteLength).toBe(92);
  });

  it('counts a UTF-8 body in bytes', () => {
    const payload = buildMime(
      [
        ['MIME-Version', '1.0'],
        ['Content-Type', 'text/plain; charset=UTF-8'],
        ['X-MMS-IM-Format', 'FN=MS%20Sans%20Serif; EF=B; CO=ff; CS=0; PF=22'],
      ],
      'Ça va? Coffee at the café at 8?',
    );
    expect(payload.byteLength).toBe(160);
  });

  it('round-trips through parseMime', () => {
    const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    const headerValue = fc.string({ unit: 'binary', maxLength: 40 }).filter((value) => !/[\r\n]/.test(value) && value.trim() === value);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(headerName, headerValue), { selector: ([name]) => name.toLowerCase(), maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (headers, body) => {
          const payload = buildMime(headers, body);
          const message = parseMime(payload);
          expect([...message.headers]).toEqual(headers.map(([name, value]) => [name.toLowerCase(), value]));
          expect(message.body).toBe(body);
          const rebuilt = buildMime(
            headers.map(([name]) => [name, message.headers.get(name.toLowerCase()) ?? '']),
            message.body,
          );
          expect(rebuilt).toEqual(payload);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseHeaderLines, read where the lines lie', () => {
  /** The lines split, each read on its own: what it must agree with. */
  function byLines(text: string): Map<string, string> {
    const headers = new Map<string, string>();
    for (const rawLine of text.split('\n')) {
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(key)) headers.set(key, line.slice(colon + 1).trim());
    }
    return headers;
  }

  it('agrees with reading each line on its own, for any text of colons, line ends and spaces', () => {
    const piece = fc.constantFrom(':', '\n', '\r', '\r\n', ' ', '\t', 'Key', 'a', 'B', 'é', 'Content-Type', 'x: y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
        expect([...parseHeaderLines(text)]).toEqual([...byLines(text)]);
      }),
      { numRuns: 5000 },
    );
  });
});
