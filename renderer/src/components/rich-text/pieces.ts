// Text from the network as the pieces RichText draws: Plus! runs (or their plain text, when the
// user strips tags) cut at link boundaries, each piece knowing its style and which link it is in.

import type { PlusTagMode } from '../../../../shared/preferences';
import { parsePlus, stripPlus, type PlusRun, type PlusStyle } from '../../../../shared/plus-tags';
import { findLinks, type FoundLink } from './find-links';

export interface Piece {
  readonly text: string;
  readonly style: PlusStyle;
}

/** Consecutive pieces: inside one link (with its href) or outside any. */
export interface PieceGroup {
  readonly href?: string;
  readonly pieces: readonly Piece[];
}

function runsOf(text: string, mode: PlusTagMode): PlusRun[] {
  if (mode === 'render') return parsePlus(text);
  const plain = stripPlus(text);
  return plain === '' ? [] : [{ text: plain, style: {} }];
}

export function richPieces(text: string, mode: PlusTagMode, withLinks: boolean): PieceGroup[] {
  const runs = runsOf(text, mode);
  const links: readonly FoundLink[] = withLinks ? findLinks(runs.map((run) => run.text).join('')) : [];
  if (links.length === 0) return runs.length === 0 ? [] : [{ pieces: runs }];
  const groups: { href?: string; pieces: Piece[] }[] = [];
  const add = (piece: Piece, href: string | undefined) => {
    const last = groups.at(-1);
    if (last && last.href === href) last.pieces.push(piece);
    else groups.push({ ...(href !== undefined && { href }), pieces: [piece] });
  };
  let at = 0;
  for (const run of runs) {
    let offset = 0;
    while (offset < run.text.length) {
      const position = at + offset;
      const link = links.find((candidate) => candidate.start <= position && position < candidate.end);
      const next = links.find((candidate) => candidate.start > position);
      const stop = Math.min(run.text.length, (link ? link.end : (next?.start ?? Infinity)) - at);
      add({ text: run.text.slice(offset, stop), style: run.style }, link?.href);
      offset = stop;
    }
    at += run.text.length;
  }
  return groups;
}
