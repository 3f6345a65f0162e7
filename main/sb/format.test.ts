import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MessageFormat } from '../../shared/model';
import { DEFAULT_MESSAGE_FORMAT, bgrToCss, cssToBgr, formatHeaderValue, isValidFontName, normalizeFormat, parseFormatHeader } from './format';

describe('X-MMS-IM-Format', () => {
  it('parses the reference header: Comic Sans MS, italic, BGR 800000 is navy', () => {
    expect(parseFormatHeader('FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42')).toEqual({
      font: 'Comic Sans MS',
      bold: false,
      italic: true,
      underline: false,
      strikethrough: false,
      color: '#000080',
      charset: '0',
      pitchFamily: '42',
    });
  });

  it('builds the header with FN first, effects in BIUS order and BGR without leading zeros', () => {
    const format: MessageFormat = { ...DEFAULT_MESSAGE_FORMAT, bold: true, strikethrough: true, underline: true, color: '#ff0000' };
    expect(formatHeaderValue(format)).toBe('FN=MS%20Sans%20Serif; EF=BUS; CO=ff; CS=0; PF=22');
    expect(formatHeaderValue(DEFAULT_MESSAGE_FORMAT)).toBe('FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=22');
  });

  it('converts colours between BGR hex and #rrggbb', () => {
    expect(bgrToCss('ff')).toBe('#ff0000');
    expect(bgrToCss('ff00')).toBe('#00ff00');
    expect(bgrToCss('FF0000')).toBe('#0000ff');
    expect(bgrToCss('0')).toBe('#000000');
    expect(bgrToCss('1234567')).toBeUndefined();
    expect(bgrToCss('red')).toBeUndefined();
    expect(cssToBgr('#000080')).toBe('800000');
    expect(cssToBgr('#000000')).toBe('0');
  });

  it('accepts keys in any order and case, ignores unknown keys and fills missing ones (gaim sends no CS)', () => {
    expect(parseFormatHeader('pf=0; RL=1; co=ff00; ef=ub; fn=Arial')).toEqual({
      ...DEFAULT_MESSAGE_FORMAT,
      font: 'Arial',
      bold: true,
      underline: true,
      color: '#00ff00',
      pitchFamily: '0',
    });
  });

  it.each([
    ['FN=%3Cscript%3Ealert(1)%3C%2Fscript%3E; CO=ff', 'markup in the font name'],
    ['FN=Arial%22%3B%20background%3Aurl(x); CO=ff', 'a quote breaking out of a CSS value'],
    ["FN=Arial';x; CO=ff", 'an apostrophe and semicolon'],
    ['FN=A%20very%20long%20font%20name%20that%20goes%20on%20and%20on; CO=ff', 'a name over 31 characters'],
    ['FN=%E2%80%AEevil; CO=ff', 'a bidi override character'],
    ['FN=Arial%0D%0AX-Evil:%201; CO=ff', 'a line break'],
  ])('replaces a hostile font name with the default (%s: %s)', (header) => {
    expect(parseFormatHeader(header).font).toBe(DEFAULT_MESSAGE_FORMAT.font);
    expect(parseFormatHeader(header).color).toBe('#ff0000');
  });

  it.each(['red;background:url(x)', 'ff"', '#ff0000', '', '1000000'])('replaces a colour that is not 1–6 hex digits (%j) with black', (co) => {
    expect(parseFormatHeader(`FN=Arial; CO=${co}`).color).toBe('#000000');
  });

  it('keeps font names of other scripts and ordinary punctuation', () => {
    expect(isValidFontName('ＭＳ ゴシック')).toBe(true);
    expect(isValidFontName('Lucida Sans-Typewriter')).toBe(true);
    expect(isValidFontName(' Arial')).toBe(false);
  });

  it('validates what the user asks to send the same way', () => {
    const hostile = { font: '</style><script>', color: 'javascript:1', charset: 'zz', pitchFamily: '123', bold: 'yes' as unknown as boolean };
    expect(normalizeFormat(hostile)).toEqual(DEFAULT_MESSAGE_FORMAT);
  });

  it('round-trips every valid format through the header', () => {
    const format = fc.record({
      font: fc.constantFrom('Arial', 'Comic Sans MS', 'Times New Roman', 'Courier New', 'Ärial Ünïcode', 'MS Sans Serif'),
      bold: fc.boolean(),
      italic: fc.boolean(),
      underline: fc.boolean(),
      strikethrough: fc.boolean(),
      color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      charset: fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16)),
      pitchFamily: fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16)),
    });
    fc.assert(
      fc.property(format, (value) => {
        expect(parseFormatHeader(formatHeaderValue(value))).toEqual(value);
      }),
    );
  });
});
