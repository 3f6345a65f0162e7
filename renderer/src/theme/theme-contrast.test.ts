// Every text colour of every theme against every background it is drawn on, from the stylesheets
// themselves. axe checks the windows in Chromium but cannot judge text over a gradient; here both
// ends of each gradient count as backgrounds.

import { describe, expect, it } from 'vitest';
import baseCss from '../styles/base.css?raw';
import themesCss from '../styles/themes.css?raw';
import { contrastRatio } from './contrast';
import { SURFACES } from './surfaces';


/** The custom properties of the first rule whose selector matches. */
function variables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, value]) => [name as string, (value as string).toLowerCase()]));
}

const classic = variables(baseCss, ':root');
const THEMES = {
  classic,
  night: { ...classic, ...variables(themesCss, ":root[data-theme='night']") },
  'high-contrast': { ...classic, ...variables(themesCss, ":root[data-theme='high-contrast']") },
} as const;

const CHROME = ['window', 'surface', 'chrome', 'chrome-high', 'chrome-low', 'header-top', 'header-bottom', 'header-shine', 'dialog', 'banner', 'row-hover', 'button-top', 'button-bottom', 'button-hover-bottom'];

/** Foreground → the backgrounds it is drawn on. */
const PAIRS: Readonly<Record<string, readonly string[]>> = {
  text: CHROME,
  'text-muted': ['window', 'surface', 'chrome', 'chrome-low', 'header-top', 'header-bottom', 'header-shine', 'dialog', 'row-hover'],
  link: ['window', 'surface', 'chrome', 'header-top', 'header-bottom', 'header-shine', 'dialog'],
  brand: ['surface', 'header-top', 'header-bottom', 'dialog', 'row-hover'],
  automatic: ['surface'],
  error: ['surface', 'error-bg', 'dialog', 'window'],
  'selection-text': ['selection'],
  'title-text': ['title-start', 'title-end'],
  'title-button-text': ['title-button'],
};

describe.each(Object.entries(THEMES))('the %s theme', (name, colours) => {
  const minimum = SURFACES[name as keyof typeof SURFACES].minContrast;
  const cases = Object.entries(PAIRS).flatMap(([foreground, backgrounds]) => backgrounds.map((background) => [foreground, background] as const));

  it.each(cases)(`keeps --%s readable on --%s (${minimum}:1)`, (foreground, background) => {
    const fg = colours[foreground as keyof typeof colours];
    const bg = colours[background as keyof typeof colours];
    expect(fg, foreground).toMatch(/^#/);
    expect(bg, background).toMatch(/^#/);
    expect(contrastRatio(fg as string, bg as string)).toBeGreaterThanOrEqual(minimum);
  });

  it('draws the transcript in the colours theme/surfaces.ts knows', () => {
    expect(colours.surface).toBe(SURFACES[name as keyof typeof SURFACES].background);
    expect(colours.text).toBe(SURFACES[name as keyof typeof SURFACES].text);
  });
});
