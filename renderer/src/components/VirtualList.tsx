// A virtualized list on @tanstack/react-virtual: only the rows in view (plus a few either side) are
// in the DOM, so thousands of contacts or messages scroll as smoothly as ten. Rows may be of any
// height (each is measured once drawn); the rows named in `keepIndices` are always drawn, so the
// row that keyboard focus or aria-activedescendant points at never leaves the DOM.

import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, type HTMLAttributes, type ReactNode, type Ref } from 'react';

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
  /** Space above the first row and below the last, in pixels (padding on the viewport would skew the offsets). */
  readonly padding?: number;
}

/** Reports the viewport's size, standing in a fallback height where the DOM has no layout. */
const observeRectWithFallback: typeof observeElementRect<HTMLDivElement> = (instance, report) =>
  observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }));

/** Within this many pixels of the end, the list counts as scrolled to its end. */
export const STICK_TO_END_PX = 40;

export function useVirtualList(scrollElement: () => HTMLDivElement | null, options: VirtualListOptions): ListVirtualizer {
  const { keepIndices, stickToEnd } = options;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      const kept = (keepIndices ?? []).filter((index) => index >= 0 && index < range.count && !drawn.includes(index));
      return kept.length === 0 ? drawn : [...drawn, ...kept].sort((a, b) => a - b);
    },
    [keepIndices],
  );
  // No React Compiler memoizes this project's components, so the virtualizer's fresh functions are safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: options.count,
    getScrollElement: scrollElement,
    getItemKey: options.rowKey,
    estimateSize: () => options.estimateHeight,
    overscan: OVERSCAN,
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
          anchorTo: 'end' as const,
          followOnAppend: true,
          scrollEndThreshold: STICK_TO_END_PX,
          initialOffset: () => Math.max(0, options.count * options.estimateHeight - FALLBACK_HEIGHT),
        }
      : {}),
  });
}

interface VirtualRowsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  readonly virtualizer: ListVirtualizer;
  readonly viewportRef: Ref<HTMLDivElement>;
  readonly renderRow: (index: number) => ReactNode;
  /** Every row's height, for lists of fixed-height rows (whose content may fill the row). */
  readonly rowHeight?: number;
}

/** The scrolling viewport and its drawn rows, each positioned where the virtualizer puts it. */
export function VirtualRows({ virtualizer, viewportRef, renderRow, rowHeight, ...rest }: VirtualRowsProps) {
  return (
    <div ref={viewportRef} {...rest}>
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
