// Where a window opens. Pure geometry over the displays' work areas (what windows may use, without
// the task bar or dock), so it is tested without Electron: a remembered place is kept only where a
// display still shows it, and a window is never placed even partly off-screen.

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect extends Size {
  readonly x: number;
  readonly y: number;
}

/** How far each new conversation window opens below and to the right of the one before. */
export const CASCADE_STEP = 24;

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The work area that shows most of `bounds`; undefined when none shows any of it. */
export function areaShowing(bounds: Rect, areas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestOverlap) [best, bestOverlap] = [area, overlap];
  }
  return best;
}

/** `bounds` no larger than `area` and moved in wherever it sticks out. */
export function fitInside(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.round(bounds.width), area.width);
  const height = Math.min(Math.round(bounds.height), area.height);
  const x = Math.min(Math.max(Math.round(bounds.x), area.x), area.x + area.width - width);
  const y = Math.min(Math.max(Math.round(bounds.y), area.y), area.y + area.height - height);
  return { x, y, width, height };
}

export function centredIn(size: Size, area: Rect): Rect {
  const fitted = fitInside({ x: area.x, y: area.y, ...size }, area);
  return { ...fitted, x: area.x + Math.floor((area.width - fitted.width) / 2), y: area.y + Math.floor((area.height - fitted.height) / 2) };
}

/**
 * Where a window with remembered bounds opens: on the display that shows most of it, wholly inside
 * that display's work area; centred on the primary display when none shows it any more (that display
 * was unplugged) or nothing was remembered, keeping the remembered size where it fits.
 */
export function restoreBounds(saved: Rect | undefined, fallback: Size, areas: readonly Rect[], primary: Rect): Rect {
  if (!saved) return centredIn(fallback, primary);
  const area = areaShowing(saved, areas);
  return area ? fitInside(saved, area) : centredIn(saved, primary);
}

/**
 * The next conversation window: a step below and right of the newest one, in the work area that
 * shows it; back at that area's top-left corner when the step would take it past an edge. The first
 * one is centred in `area`.
 */
export function cascadeFrom(newest: Rect | undefined, size: Size, area: Rect): Rect {
  if (!newest) return centredIn(size, area);
  const next = { x: newest.x + CASCADE_STEP, y: newest.y + CASCADE_STEP, ...size };
  const fits = next.x + next.width <= area.x + area.width && next.y + next.height <= area.y + area.height;
  return fitInside(fits ? next : { x: area.x, y: area.y, ...size }, area);
}
