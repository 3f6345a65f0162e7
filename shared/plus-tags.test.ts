import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlus, stripPlus, type PlusRun } from './plus-tags';

const joined = (runs: readonly PlusRun[]): string => runs.map((run) => run.text).join('');

/** Tag soup: real tags, broken ones and plain text in any order, so that pairs match and miss. */
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom('[b]', '[/b]', '[i]', '[/i]', '[u]', '[/u]', '[s]', '[/s]', '[B]', '[/B]'),
      fc.constantFrom('[c=4]', '[c=#ff8800]', '[c=red]', '[c=42]', '[/c]', '[/c=12]', '[a=8]', '[a=#00ff00]', '[/a]', '[/a=2]'),
      fc.constantFrom('[', ']', '[c]', '[c=]', '[c=zz]', '[b=1]', '[/x]', '[c=100]', '[/c=nope]', '[[b]', '[/b]]'),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('👍🏽', 'é', '\n', ' '),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const TAG = /^\[\/?[a-z](?:=[^[\]]{1,16})?\]/i;

/** Whether `output` is `input` with some whole tags deleted (and nothing else changed). */
function isInputLessTags(input: string, output: string): boolean {
  const seen = new Map<string, boolean>();
  const walk = (i: number, o: number): boolean => {
    const key = `${i},${o}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result = false;
    if (i === input.length) result = o === output.length;
    else {
      if (o < output.length && input[i] === output[o]) result = walk(i + 1, o + 1);
      const tag = TAG.exec(input.slice(i))?.[0];
      if (!result && tag) result = walk(i + tag.length, o);
    }
    seen.set(key, result);
    return result;
  };
  return walk(0, 0);
}

describe('parsePlus', () => {
  it.each([
    ['[b]bold[/b] plain', [{ text: 'bold', style: { bold: true } }, { text: ' plain', style: {} }]],
    ['[c=4]red[/c]', [{ text: 'red', style: { color: '#ff0000' } }]],
    ['[C=#FF8800]orange[/C]', [{ text: 'orange', style: { color: '#ff8800' } }]],
    ['[a=8]lit[/a]', [{ text: 'lit', style: { background: '#ffff00' } }]],
    ['[c=navy][u]x[/u][/c]', [{ text: 'x', style: { underline: true, color: '#00007f' } }]],
    ['[s][i]gone[/i][/s]', [{ text: 'gone', style: { italic: true, strikethrough: true } }]],
    ['[b][i]x[/b]y[/i]', [{ text: 'x', style: { bold: true, italic: true } }, { text: 'y', style: { italic: true } }]],
    ['[c=4]a[c=12]b[/c]c[/c]', [{ text: 'a', style: { color: '#ff0000' } }, { text: 'b', style: { color: '#0000fc' } }, { text: 'c', style: { color: '#ff0000' } }]],
  ])('reads %j', (text, runs) => {
    expect(parsePlus(text)).toEqual(runs);
  });

  it('runs a gradient from the first colour to the closing one, a step per character', () => {
    const runs = parsePlus('[c=4]abc[/c=12]');
    expect(runs).toEqual([
      { text: 'a', style: { color: '#ff0000' } },
      { text: 'b', style: { color: '#80007e' } },
      { text: 'c', style: { color: '#0000fc' } },
    ]);
    expect(parsePlus('[a=#000000]ab[/a=#ffffff]').map((run) => run.style.background)).toEqual(['#000000', '#ffffff']);
  });

  it('keeps a grapheme whole inside a gradient', () => {
    expect(parsePlus('[c=1]👍🏽x[/c=0]').map((run) => run.text)).toEqual(['👍🏽', 'x']);
  });

  it('caps a long gradient at 128 colour steps', () => {
    const runs = parsePlus(`[c=1]${'x'.repeat(5000)}[/c=0]`);
    expect(new Set(runs.map((run) => run.style.color)).size).toBe(128);
    expect(joined(runs)).toBe('x'.repeat(5000));
  });

  it.each([
    '[b]never closed',
    'closed [/b] only',
    '[c=]empty[/c]',
    '[c=zz]not a colour[/c]',
    '[c=100]too high[/c]',
    '[b=1]b takes no value[/b]',
    '[x]unknown[/x]',
    '[/c=12]x[c=4]',
    'a [ b ] c',
  ])('shows a malformed tag as typed: %j', (text) => {
    expect(joined(parsePlus(text)).includes('[')).toBe(true);
    expect(stripPlus(text)).toBe(joined(parsePlus(text)));
  });

  it('removes a numbered colour whose shade it does not know, without colouring', () => {
    expect(parsePlus('[c=42]x[/c]')).toEqual([{ text: 'x', style: {} }]);
  });

  it('only ever produces #rrggbb colours, and the plain text stripPlus gives', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const runs = parsePlus(text);
        expect(joined(runs)).toBe(stripPlus(text));
        for (const { style } of runs) {
          for (const colour of [style.color, style.background]) if (colour !== undefined) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
        }
      }),
    );
  });

  it('removes whole tags and nothing else', () => {
    fc.assert(fc.property(soup, (text) => isInputLessTags(text, stripPlus(text))));
  });

  it('never merges neighbours that look the same, never leaves an empty run', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const runs = parsePlus(text);
        for (const [index, run] of runs.entries()) {
          expect(run.text).not.toBe('');
          if (index > 0) expect(runs[index - 1]?.style).not.toEqual(run.style);
        }
      }),
    );
  });

  it('leaves text without brackets alone', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('[')),
        (text) => {
          expect(stripPlus(text)).toBe(text);
          expect(joined(parsePlus(text))).toBe(text);
        },
      ),
    );
  });

  it('styles exactly the text between a matched pair', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((text) => !/[[\]]/.test(text)),
        fc.constantFrom('b', 'i', 'u', 's'),
        (text, tag) => {
          const runs = parsePlus(`[${tag}]${text}[/${tag}]`);
          expect(runs).toHaveLength(1);
          expect(runs[0]?.text).toBe(text);
          expect(Object.keys(runs[0]?.style ?? {})).toHaveLength(1);
        },
      ),
    );
  });
});
