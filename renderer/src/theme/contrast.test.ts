import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, contrastRatio, readableOn } from './contrast';

const colour = fc.integer({ min: 0, max: 0xffffff }).map((value) => `#${value.toString(16).padStart(6, '0')}`);

describe('contrast', () => {
  it('measures the WCAG ratio both ways round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('keeps a colour that is readable already', () => {
    expect(readableOn('#000080', '#ffffff', 4.5)).toBe('#000080');
  });

  it('darkens yellow on white and lightens navy on the night transcript, keeping the hue', () => {
    const yellow = channels(readableOn('#ffff00', '#ffffff', 4.5));
    expect(yellow[0]).toBe(yellow[1]);
    expect(yellow[2]).toBe(0);
    expect(contrastRatio(readableOn('#000080', '#1a1f2b', 4.5), '#1a1f2b')).toBeGreaterThanOrEqual(4.5);
  });

  it('always reaches AA on any background, and 7:1 wherever black or white can', () => {
    fc.assert(
      fc.property(colour, colour, (foreground, background) => {
        expect(contrastRatio(readableOn(foreground, background, 4.5), background)).toBeGreaterThanOrEqual(4.5);
        const best = Math.max(contrastRatio('#000000', background), contrastRatio('#ffffff', background));
        if (best >= 7) expect(contrastRatio(readableOn(foreground, background, 7), background)).toBeGreaterThanOrEqual(7);
      }),
    );
  });
});
