// Turns a sender's MessageFormat into React style props. Only validated values get through:
// a font name of plain characters, a #rrggbb colour, a known pitch-and-family, and booleans. A colour
// too faint to read on the theme's transcript moves (same hue) until it meets the theme's contrast.

import type { CSSProperties } from 'react';
import type { MessageFormat } from '../../../../shared/model';
import { readableOn } from '../../theme/contrast';
import { SURFACES, type Surface } from '../../theme/surfaces';
import { genericFamily } from './fonts';

const SAFE_FONT = /^[\p{L}\p{N} _.-]{1,64}$/u;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
export function messageStyle(format: MessageFormat | undefined, surface: Surface = SURFACES.classic): CSSProperties | undefined {
  if (!format) return undefined;
  const style: CSSProperties = {};
  // Without the sender's font, the browser falls back to one of the same family, as Windows did.
  if (SAFE_FONT.test(format.font)) style.fontFamily = `"${format.font}", ${genericFamily(format.pitchFamily) ?? 'var(--font-ui)'}`;
  if (HEX_COLOUR.test(format.color)) style.color = readableOn(format.color, surface.background, surface.minContrast);
  if (format.bold === true) style.fontWeight = 'bold';
  if (format.italic === true) style.fontStyle = 'italic';
  const lines = [format.underline === true && 'underline', format.strikethrough === true && 'line-through'].filter(Boolean);
  if (lines.length > 0) style.textDecorationLine = lines.join(' ');
  return style;
}
