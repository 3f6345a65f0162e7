// What the JavaScript side needs to know about each theme: the background that text from the
// network (message colours, Plus! colours) is drawn on, and the contrast it must reach there.
// The same colours are the transcript's in styles/themes.css.

export type ThemeName = 'classic' | 'night' | 'high-contrast';

export interface Surface {
  readonly background: string;
  readonly text: string;
  /** WCAG AA asks 4.5:1 of body text; high contrast keeps to AAA's 7:1. */
  readonly minContrast: number;
}

export const SURFACES: Readonly<Record<ThemeName, Surface>> = {
  classic: { background: '#ffffff', text: '#1b1f24', minContrast: 4.5 },
  night: { background: '#161b26', text: '#e3e8f0', minContrast: 4.5 },
  'high-contrast': { background: '#000000', text: '#ffffff', minContrast: 7 },
};
