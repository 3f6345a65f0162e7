import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_FORMAT, type MessageFormat } from '../../../../shared/model';
import { contrastOnWhite, messageStyle, readableColour } from './message-style';

const plain: MessageFormat = { ...DEFAULT_MESSAGE_FORMAT, font: 'Arial' };

const rgb = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));

describe('message style', () => {
  it('keeps colours that are already readable', () => {
    expect(readableColour('#000080')).toBe('#000080');
  });

  it('darkens light colours, keeping the hue, until they meet 4.5:1 on white', () => {
    const yellow = readableColour('#ffff00');
    expect(contrastOnWhite(rgb(yellow))).toBeGreaterThanOrEqual(4.5);
    const [r, g, b] = rgb(yellow);
    expect(r).toBe(g);
    expect(b).toBe(0);
  });

  it('combines underline and strikethrough', () => {
    expect(messageStyle({ ...plain, underline: true, strikethrough: true })?.textDecorationLine).toBe('underline line-through');
  });

  it('ignores font names with characters that could escape the declaration', () => {
    expect(messageStyle({ ...plain, font: 'Arial", serif; x' })?.fontFamily).toBeUndefined();
    expect(messageStyle({ ...plain, font: 'Comic Sans MS', pitchFamily: '42' })?.fontFamily).toBe('"Comic Sans MS", cursive');
  });

  it.each([
    ['12', 'serif'],
    ['22', 'sans-serif'],
    ['31', 'monospace'],
    ['42', 'cursive'],
    ['52', 'fantasy'],
    ['2', 'var(--font-ui)'],
    ['0', 'var(--font-ui)'],
    ['f2', 'var(--font-ui)'],
  ])('falls back from a missing font by the sender\'s pitch and family %s to %s', (pitchFamily, generic) => {
    expect(messageStyle({ ...plain, font: 'Not Installed', pitchFamily })?.fontFamily).toBe(`"Not Installed", ${generic}`);
  });
});
