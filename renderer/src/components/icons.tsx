// Small toolbar icons (original artwork, 16×16). Decorative: the button next to one names it.

import type { ReactNode } from 'react';

const GREEN = '#2f9e3a';
const BLUE = '#2a62b8';
// The letter follows the text colour, so it stays visible in every theme.
const INK = 'currentColor';

function Icon({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  return (
    <svg className={className ?? 'icon'} width={16} height={16} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** One small buddy, for the icons that are about a person. */
function Person({ colour }: { readonly colour: string }) {
  return (
    <g fill={colour}>
      <circle cx={6} cy={4.5} r={3} />
      <path d="M1 15 Q1 8.5 6 8.5 Q11 8.5 11 15 Z" />
    </g>
  );
}

export function EnvelopeIcon({ className }: { readonly className?: string }) {
  return (
    <Icon className={className}>
      <rect x={0.5} y={2.5} width={15} height={11} rx={1} fill="#fff8dc" stroke="#8a6d1d" />
      <path d="M0.5 3 L8 9 L15.5 3" fill="none" stroke="#8a6d1d" />
    </Icon>
  );
}

export function AddContactIcon() {
  return (
    <Icon>
      <Person colour={GREEN} />
      <circle cx={12} cy={11} r={3.8} fill="#fff" />
      <path d="M12 8.6 V13.4 M9.6 11 H14.4" stroke={BLUE} strokeWidth={1.8} />
    </Icon>
  );
}

export function SendMessageIcon() {
  return (
    <Icon>
      <path d="M2 2.5 H14 Q15 2.5 15 3.5 V10 Q15 11 14 11 H7 L3.5 14 V11 H2 Q1 11 1 10 V3.5 Q1 2.5 2 2.5 Z" fill="#eef4ff" stroke={BLUE} />
      <path d="M4 5.5 H12 M4 8 H10" stroke={BLUE} strokeWidth={1.1} />
    </Icon>
  );
}

export function InviteIcon() {
  return (
    <Icon>
      <g transform="translate(4 0)">
        <Person colour={BLUE} />
      </g>
      <Person colour={GREEN} />
    </Icon>
  );
}

export function BlockIcon() {
  return (
    <Icon>
      <Person colour="#8a8f98" />
      <circle cx={11.5} cy={11} r={3.6} fill="#fff" stroke="#c21f1f" strokeWidth={1.4} />
      <path d="M9 13.5 L14 8.5" stroke="#c21f1f" strokeWidth={1.4} />
    </Icon>
  );
}

export function FontIcon() {
  return (
    <Icon>
      <path d="M2 14 L6.5 2 H8.5 L13 14 M4 9.5 H11" fill="none" stroke={INK} strokeWidth={1.8} strokeLinejoin="round" />
      <rect x={1} y={14.5} width={14} height={1.5} fill="#c21f1f" />
    </Icon>
  );
}
