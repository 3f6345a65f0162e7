// A virtualized list on @tanstack/react-virtual: only the rows in view (plus a few either side) are
// in the DOM, so thousands of contacts or messages scroll as smoothly as ten. Rows may be of any
// height (each is measured once drawn); the rows named in `keepIndices` are always drawn, so the
// row that keyboard focus or aria-activedescendant points at never leaves the DOM.
// A list draws its rows in view first and the rows either side of them a frame later; one that
// opens with a window (a conversation's transcript) can leave even those to the frames after the
// window's own, so that no frame does the whole of it.

import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';

const OVERSCAN = 6;
/** The viewport's height until it can be measured, and in DOMs without layout (component tests). */
const FALLBACK_HEIGHT = 480;

export type ListVirtualizer = Virtualizer<HTMLDivElement, HTMLDivElement>;

export interface VirtualListOptions {
  readonly count: number;
  /** Called for every row whenever the rows are laid out again: a number is the cheapest key. */
  readonly rowKey: (index: number) => string | number;
  /** A row's height before it is drawn (the exact height when `fixedHeight`). */
  readonly estimateHeight: number;
  /** Rows are all `estimateHeight` tall, so none need measuring. */
  readonly fixedHeight?: boolean;
  /** Rows drawn wherever the list is scrolled. */
  readonly keepIndices?: readonly number[];
  /** Keeps the list scrolled to its end as rows are added, while the user is at the end. */
  readonly stickToEnd?: boolean;
  /** Rows are only ever added after the last one: none is removed, or added before another. */
  readonly appendOnly?: boolean;
  /**
   * Draws the bare viewport in the frame it appears; the list lays itself out (and a list kept at
   * its end scrolls there) in the next frame, and draws its rows in the one after.
   */
  readonly rowsAfterFirstPaint?: boolean;
  /** Space above the first row and below the last, in pixels (padding on the viewport would skew the offsets). */
  readonly padding?: number;
}

/** Reports the viewport's size, standing in a fallback height where the DOM has no layout. */
const observeRectWithFallback: typeof observeElementRect<HTMLDivElement> = (instance, report) =>
  observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }));

/**
 * What a list has drawn: its bare viewport; its layout (the rows' places, the viewport's size and
 * scroll position) with no rows yet; the rows in view; and every row it should (those in view and
 * OVERSCAN either side of them).
 */
type DrawingStage = 'viewport' | 'laid-out' | 'in-view' | 'all';
const NEXT_STAGE = { viewport: 'laid-out', 'laid-out': 'in-view', 'in-view': 'all', all: 'all' } as const;

/** A stage more each frame, from `first` until the list draws every row it should. */
function useDrawingStage(first: DrawingStage): DrawingStage {
  const [stage, setStage] = useState(first);
  useEffect(() => {
    if (stage === 'all') return;
    const frame = requestAnimationFrame(() => setStage(NEXT_STAGE[stage]));
    return () => cancelAnimationFrame(frame);
  }, [stage]);
  return stage;
}

/** Within this many pixels of the end, the list counts as scrolled to its end. */
export const STICK_TO_END_PX = 40;

export function useVirtualList(scrollElement: () => HTMLDivElement | null, options: VirtualListOptions): ListVirtualizer {
  const { keepIndices, stickToEnd } = options;
  const stage = useDrawingStage(options.rowsAfterFirstPaint ? 'viewport' : 'in-view');
  const laidOut = stage !== 'viewport';
  // Anchored to its end, a list stays there as rows are measured and added, and keeps the reader's
  // row in place when rows before it go; but each row measured then lays out every row after it
  // again, to see whether the end moved: at the top of 10,000 messages, all of them for each row.
  // Rows only ever added at the end move nothing the reader sees elsewhere, so a list of those is
  // anchored to its end only while the reader is there.
  const [atEnd, setAtEnd] = useState(true);
  const anchoredToEnd = atEnd || !options.appendOnly;
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (stage === 'laid-out') return [];
      const drawn = defaultRangeExtractor(range);
      const kept = (keepIndices ?? []).filter((index) => index >= 0 && index < range.count && !drawn.includes(index));
      return kept.length === 0 ? drawn : [...drawn, ...kept].sort((a, b) => a - b);
    },
    [keepIndices, stage],
  );
  // No React Compiler memoizes this project's components, so the virtualizer's fresh functions are safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    // Showing the bare viewport, the virtualizer neither lays out the rows (a pass over all of them)
    // nor watches the viewport.
    enabled: laidOut,
    count: options.count,
    getScrollElement: scrollElement,
    getItemKey: options.rowKey,
    estimateSize: () => options.estimateHeight,
    overscan: stage === 'all' ? OVERSCAN : 0,
    paddingStart: options.padding ?? 0,
    paddingEnd: options.padding ?? 0,
    rangeExtractor,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    observeElementRect: observeRectWithFallback,
    ...(options.fixedHeight ? { measureElement: () => options.estimateHeight } : {}),
    // A list kept at its end is first drawn there, not at its first rows (which it would draw and
    // measure for nothing before scrolling down).
    ...(stickToEnd
      ? {
          anchorTo: anchoredToEnd ? ('end' as const) : ('start' as const),
          followOnAppend: true,
          ...(options.appendOnly ? { onChange: (instance: ListVirtualizer) => setAtEnd(instance.isAtEnd()) } : {}),
          scrollEndThreshold: STICK_TO_END_PX,
          initialOffset: () => Math.max(0, options.count * options.estimateHeight - FALLBACK_HEIGHT),
        }
      : {}),
  });
  // A list kept at its end opens there, as soon as it is laid out.
  useLayoutEffect(() => {
    if (stickToEnd && laidOut) virtualizer.scrollToEnd();
  }, [stickToEnd, laidOut, virtualizer]);
  return virtualizer;
}

interface VirtualRowsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  readonly virtualizer: ListVirtualizer;
  readonly viewportRef: Ref<HTMLDivElement>;
  readonly renderRow: (index: number) => ReactNode;
  /** Every row's height, for lists of fixed-height rows (whose content may fill the row). */
  readonly rowHeight?: number;
}

/**
 * Home and End pressed on the focused viewport itself. The browser's own scroll to the top or the
 * bottom stops where the rows' estimated heights put it, and the rows measured there then move the
 * first or last row out of view (by hundreds of pixels in a long transcript); the virtualizer
 * scrolls to the row and follows it until its place stops changing.
 */
function scrollToEdge(virtualizer: ListVirtualizer, event: KeyboardEvent<HTMLDivElement>): void {
  if (event.defaultPrevented || event.target !== event.currentTarget || event.altKey || event.shiftKey || event.metaKey) return;
  if (event.key !== 'Home' && event.key !== 'End') return;
  if (virtualizer.options.count === 0) return;
  event.preventDefault();
  if (event.key === 'Home') virtualizer.scrollToOffset(0);
  else virtualizer.scrollToEnd();
}

/** The scrolling viewport and its drawn rows, each positioned where the virtualizer puts it. */
export function VirtualRows({ virtualizer, viewportRef, renderRow, rowHeight, onKeyDown, ...rest }: VirtualRowsProps) {
  return (
    <div
      ref={viewportRef}
      {...rest}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        scrollToEdge(virtualizer, event);
      }}
    >
      <div role="none" className="virtual-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="none"
            className="virtual-list__row"
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
          >
            {renderRow(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
