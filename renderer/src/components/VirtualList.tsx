// A fixed-row-height virtualizer: only the rows in view (plus a few either side) are in the
// DOM, so thousands of contacts scroll as smoothly as ten.

import { useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

const OVERSCAN = 6;
/** Used until the viewport can be measured (and in DOMs without layout). */
const FALLBACK_HEIGHT = 480;

interface VirtualListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  readonly items: readonly T[];
  readonly rowHeight: number;
  readonly rowKey: (item: T) => string;
  readonly renderRow: (item: T, index: number) => ReactNode;
  /** The row kept in view (keyboard focus). */
  readonly activeIndex?: number;
}

export interface RowRange {
  readonly first: number;
  /** One past the last row to render. */
  readonly end: number;
}

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number): RowRange {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return { first, end };
}

export function VirtualList<T>({ items, rowHeight, rowKey, renderRow, activeIndex, ...rest }: VirtualListProps<T>) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const measure = () => setHeight(viewport.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || activeIndex === undefined || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    let next = viewport.scrollTop;
    if (top < next) next = top;
    else if (top + rowHeight > next + height) next = top + rowHeight - height;
    if (next !== viewport.scrollTop) {
      viewport.scrollTop = next;
      setScrollTop(next);
    }
  }, [activeIndex, rowHeight, height]);

  const { first, end } = visibleRange(scrollTop, height, rowHeight, items.length);
  const rows: ReactNode[] = [];
  for (let index = first; index < end; index += 1) {
    const item = items[index] as T;
    rows.push(
      <div key={rowKey(item)} role="none" className="virtual-list__row" style={{ top: index * rowHeight, height: rowHeight }}>
        {renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div ref={viewportRef} {...rest} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div role="none" className="virtual-list__canvas" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
