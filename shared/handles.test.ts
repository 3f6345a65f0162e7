import { describe, expect, it } from 'vitest';
import { MAX_HANDLE_LENGTH, isValidHandle } from './handles';

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
});
