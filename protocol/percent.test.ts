import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode, percentEncode } from './percent';

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
