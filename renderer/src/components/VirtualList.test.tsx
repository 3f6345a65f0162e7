import { act, fireEvent, render, screen } from '@testing-library/react';
import { useCallback, useEffect, useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layOutVirtualLists } from '../testing/layout';
import { type ListVirtualizer, useVirtualList, VirtualRows, type VirtualListOptions } from './VirtualList';

const ROW_HEIGHT = 20;
/** Ten rows in view. */
const VIEWPORT_HEIGHT = 200;
const COUNT = 1000;

layOutVirtualLists({ rowHeight: ROW_HEIGHT, viewportHeight: VIEWPORT_HEIGHT });

/** The list's virtualizer, for a test to scroll it as a program would. */
let drawnVirtualizer: ListVirtualizer | undefined;

function List(options: Partial<VirtualListOptions>) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualList(
    useCallback(() => viewportRef.current, []),
    { count: COUNT, rowKey: (index) => index, estimateHeight: ROW_HEIGHT, ...options },
  );
  useEffect(() => {
    drawnVirtualizer = virtualizer;
  }, [virtualizer]);
  return <VirtualRows virtualizer={virtualizer} viewportRef={viewportRef} data-testid="list" renderRow={(index) => `Row ${index}`} />;
}

const drawn = (): number[] => [...screen.getByTestId('list').querySelectorAll('[data-index]')].map((row) => Number(row.getAttribute('data-index')));

// Frames come when a test says so: each runs the animation frame callbacks asked for before it.
let frameCallbacks = new Map<number, FrameRequestCallback>();
let lastFrameId = 0;
beforeEach(() => {
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frameCallbacks.set(++lastFrameId, callback);
    return lastFrameId;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frameCallbacks.delete(id));
});
afterEach(() => {
  vi.restoreAllMocks();
  frameCallbacks = new Map();
});

const nextFrame = (): void => {
  const callbacks = [...frameCallbacks.values()];
  frameCallbacks = new Map();
  act(() => {
    for (const callback of callbacks) callback(performance.now());
  });
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('a virtual list', () => {
  it('draws the rows in view first, and those either side of them a frame later', () => {
    render(<List fixedHeight />);
    expect(drawn()).toEqual(range(0, 9));
    nextFrame();
    expect(drawn()).toEqual(range(0, 15));
  });

  it('opening with its window, draws its bare viewport, then lays itself out at its end, then draws the rows in view', () => {
    render(<List stickToEnd rowsAfterFirstPaint />);
    const viewport = screen.getByTestId('list');
    expect(drawn()).toEqual([]);
    expect(viewport.scrollHeight).toBe(0);
    nextFrame();
    expect(drawn()).toEqual([]);
    expect(viewport.scrollHeight).toBe(COUNT * ROW_HEIGHT);
    expect(viewport.scrollTop).toBe(COUNT * ROW_HEIGHT - VIEWPORT_HEIGHT);
    // happy-dom moves scrollTop without the scroll event a browser sends before the next frame.
    fireEvent.scroll(viewport);
    nextFrame();
    expect(drawn()).toEqual(range(COUNT - 10, COUNT - 1));
    nextFrame();
    expect(drawn()).toEqual(range(COUNT - 16, COUNT - 1));
  });

  it('kept at its end with rows only appended, follows the rows added while the reader is there, and leaves the reader elsewhere in place', () => {
    const { rerender } = render(<List stickToEnd appendOnly count={COUNT} />);
    nextFrame();
    const viewport = screen.getByTestId('list');
    const end = (count: number) => count * ROW_HEIGHT - VIEWPORT_HEIGHT;
    fireEvent.scroll(viewport);
    rerender(<List stickToEnd appendOnly count={COUNT + 10} />);
    expect(viewport.scrollTop).toBe(end(COUNT + 10));
    fireEvent.scroll(viewport);
    expect(drawn()).toContain(COUNT + 9);

    act(() => drawnVirtualizer?.scrollToOffset(0));
    fireEvent.scroll(viewport);
    rerender(<List stickToEnd appendOnly count={COUNT + 20} />);
    expect(viewport.scrollTop).toBe(0);
    expect(drawn()).toContain(0);

    act(() => drawnVirtualizer?.scrollToEnd());
    fireEvent.scroll(viewport);
    rerender(<List stickToEnd appendOnly count={COUNT + 30} />);
    expect(viewport.scrollTop).toBe(end(COUNT + 30));
  });

  it('kept at its end with rows only appended but read far from it, lays its rows out once for the rows it measures, not once for each', () => {
    // The rows come out shorter than estimated, so each measurement moves every row after it.
    let keysAsked = 0;
    const rowKey = (index: number) => {
      keysAsked++;
      return index;
    };
    render(<List stickToEnd appendOnly estimateHeight={ROW_HEIGHT + 10} rowKey={rowKey} />);
    nextFrame();
    const viewport = screen.getByTestId('list');
    keysAsked = 0;
    act(() => drawnVirtualizer?.scrollToOffset(0));
    fireEvent.scroll(viewport);
    expect(drawn()).toContain(0);
    // A pass over the rows asks for each one's key: a pass or two, not one for each row measured.
    expect(keysAsked).toBeLessThan(3 * COUNT);
  });

  it('goes to its first row with Home and its last with End, pressed on the focused viewport itself', () => {
    const { rerender } = render(<List />);
    const viewport = screen.getByTestId('list');
    const virtualizer = drawnVirtualizer as ListVirtualizer;
    const toEnd = vi.spyOn(virtualizer, 'scrollToEnd');
    const toOffset = vi.spyOn(virtualizer, 'scrollToOffset');
    expect(fireEvent.keyDown(viewport, { key: 'End' })).toBe(false);
    expect(toEnd).toHaveBeenCalledTimes(1);
    expect(fireEvent.keyDown(viewport, { key: 'Home', ctrlKey: true })).toBe(false);
    expect(toOffset).toHaveBeenCalledWith(0);
    // Keys for a row's own controls, extended selections and other keys are the browser's.
    const row = viewport.querySelector('[data-index="0"]') as HTMLElement;
    expect(fireEvent.keyDown(row, { key: 'End' })).toBe(true);
    expect(fireEvent.keyDown(viewport, { key: 'End', shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(viewport, { key: 'PageDown' })).toBe(true);
    expect(toEnd).toHaveBeenCalledTimes(1);
    rerender(<List count={0} />);
    expect(fireEvent.keyDown(viewport, { key: 'End' })).toBe(true);
  });
});
