// How a sender's MessageFormat looks, as CSS declarations: the conversation window (React style
// props) and the HTML export both use it. Only validated values get through: a font name of plain
// characters, a #rrggbb colour, a known pitch-and-family, and booleans. Colours too light to read
// on white are darkened (same hue) until they meet WCAG AA's 4.5:1.

import type { MessageFormat } from './model';

const SAFE_FONT = /^[\p{L}\p{N} _.-]{1,64}$/u;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const MIN_CONTRAST = 4.5;

/** The CSS generic family for each LOGFONT family (the high digit of `PF`). */
const GENERIC_FAMILIES: Readonly<Record<number, string>> = {
  1: 'serif',
  2: 'sans-serif',
  3: 'monospace',
  4: 'cursive',
  5: 'fantasy',
};

/** The generic family a `PF` byte names; undefined for "don't care" and anything unknown. */
export function genericFamily(pitchFamily: string): string | undefined {
  if (!/^[0-9a-f]{1,2}$/i.test(pitchFamily)) return undefined;
  return GENERIC_FAMILIES[Number.parseInt(pitchFamily, 16) >> 4];
}

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}

/** Contrast ratio of a colour against white. */
export function contrastOnWhite(rgb: readonly number[]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

export function readableColour(hex: string): string {
  let rgb = channels(hex);
  for (let scale = 0.95; contrastOnWhite(rgb) < MIN_CONTRAST && scale > 0; scale -= 0.05) {
    rgb = channels(hex).map((channel) => Math.round(channel * scale)) as [number, number, number];
  }
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

export interface MessageDeclarations {
  fontFamily?: string;
  color?: string;
  fontWeight?: string;
  fontStyle?: string;
  textDecorationLine?: string;
}

/** `fallbackFamily`: what stands behind the font when its pitch-and-family names no generic family. */
export function messageDeclarations(format: MessageFormat | undefined, fallbackFamily: string): MessageDeclarations | undefined {
  if (!format) return undefined;
  const style: MessageDeclarations = {};
  // Without the sender's font, the browser falls back to one of the same family, as Windows did.
  if (SAFE_FONT.test(format.font)) style.fontFamily = `"${format.font}", ${genericFamily(format.pitchFamily) ?? fallbackFamily}`;
  if (HEX_COLOUR.test(format.color)) style.color = readableColour(format.color);
  if (format.bold === true) style.fontWeight = 'bold';
  if (format.italic === true) style.fontStyle = 'italic';
  const lines = [format.underline === true && 'underline', format.strikethrough === true && 'line-through'].filter(Boolean);
  if (lines.length > 0) style.textDecorationLine = lines.join(' ');
  return style;
}
