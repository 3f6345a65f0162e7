// happy-dom lays nothing out. As a browser would for the virtual lists (components/VirtualList.tsx):
// every drawn row is `rowHeight` tall, a list's viewport shows `viewportHeight` of it, and scrolls
// as far as its content is tall.

import { afterEach, beforeEach } from 'vitest';

export interface ListLayout {
  readonly rowHeight: number;
  readonly viewportHeight: number;
}

const isViewport = (element: HTMLElement): boolean => element.firstElementChild?.classList.contains('virtual-list__canvas') ?? false;

/** Lays out the virtual lists of every test in the calling file (or `describe` block). */
export function layOutVirtualLists({ rowHeight, viewportHeight }: ListLayout): void {
  const layout: Record<string, (element: HTMLElement) => number> = {
    offsetHeight: (element) => (element.classList.contains('virtual-list__row') ? rowHeight : 0),
    clientHeight: (element) => (isViewport(element) ? viewportHeight : 0),
    scrollHeight: (element) => (isViewport(element) ? parseFloat((element.firstElementChild as HTMLElement).style.height) : 0),
  };
  const originals = Object.keys(layout).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
  beforeEach(() => {
    for (const [name, measure] of Object.entries(layout)) {
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: function (this: HTMLElement) { return measure(this); } });
    }
  });
  afterEach(() => {
    for (const [name, original] of originals) {
      if (original) Object.defineProperty(HTMLElement.prototype, name, original);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
