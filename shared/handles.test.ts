import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HANDLE_LENGTH, isSpaceCode, isValidHandle } from './handles';

describe('isValidHandle', () => {
  it.each(['example@hotmail.com', 'Someone.Else+tag@demo.msn', 'a@b', `${'a'.repeat(MAX_HANDLE_LENGTH - 4)}@b.c`])('accepts %s', (handle) => {
    expect(isValidHandle(handle)).toBe(true);
  });

  it.each(['', 'example', '@hotmail.com', 'example@', 'a@b@c', 'two words@hotmail.com', 'tab\t@x.y', `${'a'.repeat(MAX_HANDLE_LENGTH - 3)}@b.c`])(
    'refuses %j',
    (handle) => {
      expect(isValidHandle(handle)).toBe(false);
    },
  );

  it('counts the 129-byte limit in UTF-8 bytes, not characters', () => {
    const local = 'é'.repeat(62);
    expect(isValidHandle(`${local}@b.c`)).toBe(true);
    expect(isValidHandle(`${local}é@b.c`)).toBe(false);
  });

  it('agrees with the shape /^[^\\s@]+@[^\\s@]+$/ and the byte limit on any string', () => {
    const shape = /^[^\s@]+@[^\s@]+$/;
    // Strings made mostly of what decides: @, every kind of white space, letters, and any code unit.
    const unit = fc.oneof(
      fc.constantFrom('@', 'a', '.', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', 'é'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 140 }).map((units) => units.join('')), (text) => {
        const expected = shape.test(text) && new TextEncoder().encode(text).length <= MAX_HANDLE_LENGTH;
        expect(isValidHandle(text)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads white space as \\s does, for every code unit', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isSpaceCode(code)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});
