// A name or message from the network, drawn as React text nodes: Messenger Plus! colours and
// styles (or their plain text, as the user chose), with colours moved until they are readable on
// this theme, and http(s), www. and e-mail links. Nothing in it ever becomes markup; a link's
// address is one that shared/links.ts accepted, and clicking it asks main to open it.

import { Fragment, memo, useMemo, type CSSProperties, type MouseEvent } from 'react';
import type { PlusStyle } from '../../../../shared/plus-tags';
import { command } from '../../bridge';
import { useMessenger } from '../../store/context';
import { selectPlusTagMode } from '../../store/selectors';
import { readableOn } from '../../theme/contrast';
import type { Surface } from '../../theme/surfaces';
import { useSurface } from '../../theme/theme';
import { richPieces } from './pieces';
import '../../styles/rich-text.css';

function pieceStyle(style: PlusStyle, surface: Surface): CSSProperties | undefined {
  if (Object.keys(style).length === 0) return undefined;
  const css: CSSProperties = {};
  if (style.bold) css.fontWeight = 'bold';
  if (style.italic) css.fontStyle = 'italic';
  const lines = [style.underline && 'underline', style.strikethrough && 'line-through'].filter(Boolean);
  if (lines.length > 0) css.textDecorationLine = lines.join(' ');
  const background = style.background ?? surface.background;
  if (style.background) css.backgroundColor = style.background;
  if (style.color || style.background) css.color = readableOn(style.color ?? surface.text, background, surface.minContrast);
  return css;
}

function openLink(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  event.preventDefault();
  void command('openLink', href);
}

interface RichTextProps {
  readonly text: string;
  /** False where a link cannot be (inside a tree row or a button): the address stays text. */
  readonly links?: boolean;
}

export const RichText = memo(function RichText({ text, links = true }: RichTextProps) {
  const mode = useMessenger(selectPlusTagMode);
  const surface = useSurface();
  const groups = useMemo(() => richPieces(text, mode, links), [text, mode, links]);
  return groups.map((group, groupIndex) => {
    const pieces = group.pieces.map((piece, index) => {
      const style = pieceStyle(piece.style, surface);
      return style ? (
        <span key={index} style={style}>
          {piece.text}
        </span>
      ) : (
        piece.text
      );
    });
    if (group.href === undefined) return <Fragment key={groupIndex}>{pieces}</Fragment>;
    const href = group.href;
    return (
      <a key={groupIndex} className="rich-link" href={href} target="_blank" rel="noopener noreferrer" onClick={(event) => openLink(event, href)}>
        {pieces}
      </a>
    );
  });
});
