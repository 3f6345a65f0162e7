// The two-buddies status icon, drawn here (original artwork): green when online, a clock badge
// for the away family, a red bar for busy and the phone, grey when offline, a red ring when blocked.

import type { StatusCode } from '../../../shared/model';

type Tone = 'online' | 'away' | 'busy' | 'offline';

const TONE: Readonly<Record<StatusCode, Tone>> = {
  NLN: 'online',
  IDL: 'away',
  BRB: 'away',
  AWY: 'away',
  LUN: 'away',
  BSY: 'busy',
  PHN: 'busy',
  HDN: 'offline',
  FLN: 'offline',
};

const SIGNED_IN = { front: '#2f9e3a', back: '#2a62b8' };
const SIGNED_OUT = { front: '#8a8f98', back: '#aab0ba' };

function Buddy({ x, colour }: { readonly x: number; readonly colour: string }) {
  return (
    <g fill={colour}>
      <circle cx={x} cy={5} r={3} />
      <path d={`M${x - 4.5} 15 Q${x - 4.5} 8.5 ${x} 8.5 Q${x + 4.5} 8.5 ${x + 4.5} 15 Z`} />
    </g>
  );
}

function Badge({ tone }: { readonly tone: Tone }) {
  if (tone === 'away') {
    return (
      <g>
        <circle cx={12} cy={12} r={3.6} fill="#fff" stroke="#c27c0e" strokeWidth={1.2} />
        <path d="M12 10.2 V12 H13.6" stroke="#c27c0e" strokeWidth={1.1} fill="none" strokeLinecap="round" />
      </g>
    );
  }
  if (tone === 'busy') {
    return (
      <g>
        <circle cx={12} cy={12} r={3.6} fill="#d12c2c" />
        <rect x={10} y={11.3} width={4} height={1.4} fill="#fff" />
      </g>
    );
  }
  return null;
}

export function StatusIcon({
  status,
  blocked = false,
  size = 16,
}: {
  readonly status: StatusCode;
  readonly blocked?: boolean;
  readonly size?: number;
}) {
  const tone = TONE[status];
  const colours = tone === 'offline' ? SIGNED_OUT : SIGNED_IN;
  return (
    <svg
      className="status-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      data-status={status}
    >
      <Buddy x={10} colour={colours.back} />
      <Buddy x={5.5} colour={colours.front} />
      <Badge tone={tone} />
      {blocked && (
        <g stroke="#c21f1f" strokeWidth={1.6} fill="none">
          <circle cx={8} cy={8} r={6.8} />
          <path d="M3.2 12.8 L12.8 3.2" />
        </g>
      )}
    </svg>
  );
}
