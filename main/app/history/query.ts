// What the user types in the search box, as an FTS5 query, and FTS5's highlighted text as pieces.
//
// Every word becomes a quoted FTS5 string, so nothing the user types is query syntax (AND, NEAR,
// a stray quote or parenthesis): all words must appear, and the last one may still be being typed,
// so it matches as a prefix. Words with no letter or digit ("-", ":)") are dropped: the tokenizer
// would find nothing in them.

import type { HighlightPart } from '../../../shared/history';

/** The markers highlight() puts around matched words; control characters no message is shown with. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

const HAS_TOKEN = /[\p{L}\p{N}]/u;

/** The FTS5 MATCH expression for the user's words; undefined when there is nothing to search for. */
export function matchExpression(input: string): string | undefined {
  const words = input
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((word) => HAS_TOKEN.test(word));
  if (words.length === 0) return undefined;
  return words.map((word, index) => `"${word.replaceAll('"', '""')}"${index === words.length - 1 ? ' *' : ''}`).join(' ');
}

/**
 * Splits highlight() output into pieces whose joined text is `original` exactly. The markers are
 * told apart from the text by walking both strings: a character of the marked text that is not the
 * original's next one is a marker. Should the two ever disagree (a message containing the marker
 * characters themselves), the text comes back whole and unhighlighted rather than altered.
 */
export function highlightParts(original: string, marked: string): readonly HighlightPart[] {
  const parts: HighlightPart[] = [];
  let position = 0;
  let hit = false;
  let current = '';
  const push = (): void => {
    if (current !== '') parts.push({ text: current, hit });
    current = '';
  };
  for (const char of marked) {
    if (original.startsWith(char, position)) {
      current += char;
      position += char.length;
    } else if (char === HIT_START || char === HIT_END) {
      push();
      hit = char === HIT_START;
    } else {
      return [{ text: original, hit: false }];
    }
  }
  push();
  return position === original.length ? parts : [{ text: original, hit: false }];
}
