import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode, percentDecodeIn, percentEncode } from './percent';

describe('percentEncode', () => {
  it.each([
    ['Example User', 'Example%20User'],
    ['Dave :)', 'Dave%20%3A)'],
    ['100%', '100%25'],
    ['a+b', 'a%2Bb'],
    ['Exémple User', 'Ex%C3%A9mple%20User'],
    ['Café Friend', 'Caf%C3%A9%20Friend'],
    ['😀', '%F0%9F%98%80'],
    ['张伟', '%E5%BC%A0%E4%BC%9F'],
    ['a@b.com', 'a@b.com'],
    ["-_.!~*'()", "-_.!~*'()"],
    ['tab\there\r\n', 'tab%09here%0D%0A'],
    ['', ''],
  ])('%j → %j', (text, encoded) => {
    expect(percentEncode(text)).toBe(encoded);
  });

  it('never produces whitespace or a +, so the result is always one valid parameter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(percentEncode(text)).toMatch(/^[A-Za-z0-9\-_.!~*'()@%]*$/);
      }),
    );
  });
});

describe('percentDecode', () => {
  it.each([
    ['Example%20User', 'Example User'],
    ['Dave%20%3A%29', 'Dave :)'],
    ['Ex%C3%A9mple%20User', 'Exémple User'],
    ['ex%c3%a9mple', 'exémple'],
    ['%F0%9F%98%80', '😀'],
    ['%E5%BC%A0%E4%BC%9F', '张伟'],
    ['example%40hotmail.com', 'example@hotmail.com'],
    ['a+b', 'a+b'],
  ])('%j → %j', (encoded, text) => {
    expect(percentDecode(encoded)).toBe(text);
  });

  it.each([
    ['Café', 'Café'],
    ['张伟😀', '张伟😀'],
    ['Café%20Friend', 'Café Friend'],
  ])('accepts raw UTF-8 as sent by Escargot: %j → %j', (token, text) => {
    expect(percentDecode(token)).toBe(text);
  });

  it.each([
    ['100%', '100%'],
    ['%zz', '%zz'],
    ['50%off%20today', '50%off today'],
    ['%', '%'],
    ['%2', '%2'],
    ['%%41', '%A'],
  ])('keeps a stray %% literal: %j → %j', (token, text) => {
    expect(percentDecode(token)).toBe(text);
  });

  it.each(['%C3', '%FF%FE', 'Caf%E9', '%ED%A0%80', 'ok%C3%20'])('returns the token as it arrived when escapes are not UTF-8: %j', (token) => {
    expect(percentDecode(token)).toBe(token);
  });

  it('decodes what percentEncode produced, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(percentDecode(percentEncode(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text without escapes unchanged, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('%')), (text) => {
        expect(percentDecode(text)).toBe(text);
      }),
    );
  });
});

describe('percentDecode against decodeURIComponent and the tolerant reading', () => {
  const hex = (byte: number): string => byte.toString(16).padStart(2, '0');
  // ASCII, escapes of any byte in either case (valid UTF-8 sequences and broken ones), a stray '%',
  // half an escape, a BOM's escape and raw UTF-8.
  const fragment = fc.oneof(
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 4 }),
    fc.integer({ min: 0, max: 255 }).map((byte) => `%${hex(byte)}`),
    fc.integer({ min: 0, max: 255 }).map((byte) => `%${hex(byte).toUpperCase()}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }).map((text) => percentEncode(text)),
    fc.constantFrom('%', '%2', '%g1', '%EF%BB%BF', 'é', '😀'),
    // Overlong forms, a surrogate and past U+10FFFF, beside the valid sequences at those edges.
    fc.constantFrom('%C0%80', '%C1%BF', '%E0%80%80', '%ED%A0%80', '%F0%80%80%80', '%F4%90%80%80', '%C2%80', '%E0%A0%80', '%ED%9F%BF', '%F0%90%80%80', '%F4%8F%BF%BF'),
    // Shaped like a sequence: a lead byte, then bytes at the edges of the ranges RFC 3629 allows.
    fc
      .tuple(
        fc.integer({ min: 0xc0, max: 0xf7 }),
        fc.array(fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0), { minLength: 1, maxLength: 3 }),
      )
      .map(([lead, rest]) => [lead, ...rest].map((byte) => `%${hex(byte)}`).join('')),
  );
  const token = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

  /** What a token decodes to by the rules alone: escapes as bytes, the rest as its UTF-8, all strictly UTF-8, or the token as it came. */
  function tolerantly(text: string): string {
    const bytes: number[] = [];
    for (let index = 0; index < text.length; ) {
      if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) {
        bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
        index += 3;
        continue;
      }
      const literal = String.fromCodePoint(text.codePointAt(index) as number);
      bytes.push(...new TextEncoder().encode(literal));
      index += literal.length;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return text;
    }
  }

  it('gives what decodeURIComponent gives for an ASCII token it accepts, and reads any other tolerantly', () => {
    fc.assert(
      fc.property(token, (text) => {
        let native: string | undefined;
        try {
          native = /^[\x20-\x7e]*$/.test(text) ? decodeURIComponent(text) : undefined;
        } catch {
          native = undefined;
        }
        const expected = native !== undefined && native.charCodeAt(0) !== 0xfeff ? native : tolerantly(text);
        expect(percentDecode(text)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes a long token', () => {
    expect(percentDecode(percentEncode('Café ☕ 😀 '.repeat(400)))).toBe('Café ☕ 😀 '.repeat(400));
  });
});

describe('percentDecodeIn', () => {
  it('decodes a stretch of a longer text as percentDecode decodes that stretch alone', () => {
    // Escapes and their pieces, so that a stretch often ends inside one (`%4` before `1…`).
    const piece = fc.constantFrom('%', '4', '1', 'C3', '%C3', '%A9', '%E2%98%95', '%20', 'a', ' ', 'é', '%EF%BB%BF', 'z');
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (whole, a, b) => {
        const start = a % (whole.length + 1);
        const end = start + (b % (whole.length - start + 1));
        expect(percentDecodeIn(whole, start, end)).toBe(percentDecode(whole.slice(start, end)));
      }),
      { numRuns: 3000 },
    );
    expect(percentDecodeIn('a%4142', 0, 3)).toBe('a%4');
    expect(percentDecodeIn('x Caf%C3%A9 y', 2, 11)).toBe('Café');
  });
});
