import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_FORMAT, type MessageFormat } from '../../../../shared/model';
import { contrastRatio } from '../../theme/contrast';
import { SURFACES } from '../../theme/surfaces';
import { messageStyle } from './message-style';

const plain: MessageFormat = { ...DEFAULT_MESSAGE_FORMAT, font: 'Arial' };

describe('message style', () => {
  it('keeps colours that are already readable', () => {
    expect(messageStyle({ ...plain, color: '#000080' })?.color).toBe('#000080');
  });

  it('moves a colour until it is readable on the theme’s transcript', () => {
    const yellow = messageStyle({ ...plain, color: '#ffff00' })?.color as string;
    expect(contrastRatio(yellow, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    const navyAtNight = messageStyle({ ...plain, color: '#000080' }, SURFACES.night)?.color as string;
    expect(contrastRatio(navyAtNight, SURFACES.night.background)).toBeGreaterThanOrEqual(4.5);
    const greyInHighContrast = messageStyle({ ...plain, color: '#777777' }, SURFACES['high-contrast'])?.color as string;
    expect(contrastRatio(greyInHighContrast, '#000000')).toBeGreaterThanOrEqual(7);
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
