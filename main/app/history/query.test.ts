import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, highlightParts, matchExpression } from './query';

describe('matchExpression', () => {
  it('quotes every word, so nothing typed is query syntax, and lets the last one be a prefix', () => {
    expect(matchExpression('hello wor')).toBe('"hello" "wor" *');
    expect(matchExpression('say "hi" NEAR(x) OR')).toBe('"say" """hi""" "NEAR(x)" "OR" *');
  });

  it('drops words with nothing to find, and gives up when none are left', () => {
    expect(matchExpression(':) -- coffee')).toBe('"coffee" *');
    expect(matchExpression('  :-)  ')).toBeUndefined();
  });
});

describe('highlightParts', () => {
  it('splits marked text into pieces whose text is the original exactly', () => {
    const original = 'A café at <ten> & more café';
    const marked = `A ${HIT_START}café${HIT_END} at <ten> & more ${HIT_START}café${HIT_END}`;
    const parts = highlightParts(original, marked);
    expect(parts).toEqual([
      { text: 'A ', hit: false },
      { text: 'café', hit: true },
      { text: ' at <ten> & more ', hit: false },
      { text: 'café', hit: true },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(original);
  });

  it('keeps a message that contains the marker characters itself, whole and unhighlighted', () => {
    const original = `odd ${HIT_END}x${HIT_START} text`;
    expect(highlightParts(original, `${HIT_START}odd${HIT_END} ${HIT_END}x${HIT_START} text`).map((part) => part.text).join('')).toBe(original);
    expect(highlightParts('abc', 'xyz')).toEqual([{ text: 'abc', hit: false }]);
  });
});
