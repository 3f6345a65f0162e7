import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASCADE_STEP, type Rect, areaShowing, cascadeFrom, centredIn, fitInside, restoreBounds } from './window-placement';

const LEFT: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second display to the right, smaller, its top 200 pixels lower. */
const RIGHT: Rect = { x: 1920, y: 200, width: 1280, height: 984 };
const SIZE = { width: 300, height: 560 };

const inside = (bounds: Rect, area: Rect): boolean =>
  bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height;

describe('restoreBounds', () => {
  it('puts a window back exactly where it was when a display still shows it all', () => {
    const saved = { x: 2400, y: 300, width: 320, height: 600 };
    expect(restoreBounds(saved, SIZE, [LEFT, RIGHT], LEFT)).toEqual(saved);
  });

  it('centres a window on the primary display when the display it was on went away, keeping its size', () => {
    const onUnpluggedDisplay = { x: 2400, y: 300, width: 320, height: 600 };
    expect(restoreBounds(onUnpluggedDisplay, SIZE, [LEFT], LEFT)).toEqual({ x: 800, y: 220, width: 320, height: 600 });
  });

  it('moves a window that sticks out of its display back inside it', () => {
    expect(restoreBounds({ x: 1800, y: -50, width: 300, height: 560 }, SIZE, [LEFT], LEFT)).toEqual({ x: 1620, y: 0, width: 300, height: 560 });
  });

  it('uses the display that shows most of a window lying across two', () => {
    expect(restoreBounds({ x: 1800, y: 400, width: 300, height: 400 }, SIZE, [LEFT, RIGHT], LEFT)).toEqual({ x: 1920, y: 400, width: 300, height: 400 });
  });

  it('shrinks a window larger than the display it lands on (the resolution went down)', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 2500, height: 1400 }, SIZE, [LEFT], LEFT)).toEqual(LEFT);
  });

  it('centres the default size when nothing was remembered', () => {
    expect(restoreBounds(undefined, SIZE, [LEFT, RIGHT], LEFT)).toEqual({ x: 810, y: 240, width: 300, height: 560 });
  });

  it('never opens a window even partly off-screen, whatever was remembered and whichever displays remain', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 4000 }), height: fc.integer({ min: 1, max: 3000 }) });
    fc.assert(
      fc.property(rect, fc.subarray([LEFT, RIGHT], { minLength: 1 }), (saved, areas) => {
        const [primary] = areas as [Rect, ...Rect[]];
        const placed = restoreBounds(saved, SIZE, areas, primary);
        expect(areas.some((area) => inside(placed, area))).toBe(true);
      }),
    );
  });
});

describe('cascadeFrom', () => {
  const size = { width: 480, height: 400 };

  it('centres the first conversation window, and opens each next one a step lower and to the right', () => {
    const first = cascadeFrom(undefined, size, LEFT);
    expect(first).toEqual(centredIn(size, LEFT));
    const second = cascadeFrom(first, size, LEFT);
    expect(second).toEqual({ ...first, x: first.x + CASCADE_STEP, y: first.y + CASCADE_STEP });
  });

  it("starts again at the work area's corner when the next step would leave it", () => {
    const nearCorner = { x: 1430, y: 630, ...size };
    expect(cascadeFrom(nearCorner, size, LEFT)).toEqual({ x: 0, y: 0, ...size });
    expect(cascadeFrom({ x: 2700, y: 700, ...size }, size, RIGHT)).toEqual({ x: 1920, y: 200, ...size });
  });
});

describe('the geometry', () => {
  it('finds no display for a window that none shows', () => {
    expect(areaShowing({ x: -900, y: 0, width: 800, height: 600 }, [LEFT, RIGHT])).toBeUndefined();
  });

  it('rounds the fractional bounds of a scaled display to whole pixels', () => {
    expect(fitInside({ x: 10.4, y: 20.6, width: 300.5, height: 200.2 }, LEFT)).toEqual({ x: 10, y: 21, width: 301, height: 200 });
  });
});
