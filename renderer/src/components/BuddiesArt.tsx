// The big two-buddy picture of the signed-out window (original artwork, after MSN 2.0's idea of a
// blue buddy behind a green one). Decorative: hidden from screen readers, which hear the form.

import { useId } from 'react';

const GREEN = { light: '#7fd07f', mid: '#35a043', dark: '#1f6e2a' };
const BLUE = { light: '#8fb8f0', mid: '#3b74c9', dark: '#1d4a8f' };

type Palette = typeof GREEN;

/** Shading from a light top-left to a darker edge, so each figure reads as rounded. */
function Shade({ id, palette }: { readonly id: string; readonly palette: Palette }) {
  return (
    <radialGradient id={id} cx="35%" cy="30%" r="75%">
      <stop offset="0%" stopColor={palette.light} />
      <stop offset="55%" stopColor={palette.mid} />
      <stop offset="100%" stopColor={palette.dark} />
    </radialGradient>
  );
}

/** One buddy: a head over rounded shoulders, centred on `x`, its feet on `ground`, `scale` times 48px tall shoulders. */
function Buddy({ x, ground, scale, fill }: { readonly x: number; readonly ground: number; readonly scale: number; readonly fill: string }) {
  const half = 38 * scale;
  const shoulders = ground - 52 * scale;
  const headRadius = 21 * scale;
  const headY = shoulders - headRadius - 5 * scale;
  return (
    <g fill={fill} stroke="#ffffff" strokeWidth={3} strokeLinejoin="round">
      <path
        d={`M${x - half} ${ground} C${x - half} ${shoulders + 10 * scale} ${x - half * 0.55} ${shoulders} ${x} ${shoulders}
           C${x + half * 0.55} ${shoulders} ${x + half} ${shoulders + 10 * scale} ${x + half} ${ground} Z`}
      />
      <circle cx={x} cy={headY} r={headRadius} />
    </g>
  );
}

export function BuddiesArt({ className }: { readonly className?: string }) {
  // useId's characters are not all valid in url(#…); keep the letters and digits.
  const prefix = `buddies-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const green = `${prefix}-green`;
  const blue = `${prefix}-blue`;
  return (
    <svg className={className} viewBox="0 0 170 140" aria-hidden="true" focusable="false" data-testid="buddies-art">
      <defs>
        <Shade id={green} palette={GREEN} />
        <Shade id={blue} palette={BLUE} />
      </defs>
      <ellipse cx={85} cy={133} rx={72} ry={5} fill="#c9d6ea" />
      <Buddy x={103} ground={128} scale={0.95} fill={`url(#${blue})`} />
      <Buddy x={64} ground={134} scale={1.05} fill={`url(#${green})`} />
    </svg>
  );
}
