import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { scrollToShow, visibleRows, type RowWindow } from './virtualRows';

/** Before the scroller is measured: tall enough for a full-height panel, so tests and first paints see rows. */
const FIRST_VIEWPORT_PX = 1200;

export interface VirtualRows extends RowWindow {
  /** Pass as the scrolling element's `ref`. */
  attach(element: HTMLElement | null): void;
  onScroll(event: UIEvent<HTMLElement>): void;
  /** Height of all rows, px: the size of the positioned element the rows sit in. */
  totalHeight: number;
  /** Top of row `index` inside that element, px. */
  top(index: number): number;
  /** Scroll just enough to show row `index`. */
  scrollToIndex(index: number): void;
}

/**
 * One list primitive for long lists of equal-height rows (the object tree, the attribute table):
 * only the rows in view, plus `overscan` either side, are in the DOM. The caller positions row i
 * at `top(i)` inside an element `totalHeight` px high within the scroller. `headerHeight` is a
 * sticky header inside the scroller that covers the first pixels.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  { overscan = 12, headerHeight = 0 }: { overscan?: number; headerHeight?: number } = {},
): VirtualRows {
  const scroller = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FIRST_VIEWPORT_PX);

  const attach = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    scroller.current = element;
    if (!element) return;
    setViewport(element.clientHeight || FIRST_VIEWPORT_PX);
    observer.current = new ResizeObserver(() => setViewport(element.clientHeight || FIRST_VIEWPORT_PX));
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop),
    [],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element || index < 0) return;
      const next = scrollToShow(index, rowHeight, element.scrollTop, element.clientHeight, headerHeight);
      if (next === null) return;
      element.scrollTop = next;
      setScrollTop(next);
    },
    [rowHeight, headerHeight],
  );

  const window = visibleRows(count, rowHeight, scrollTop, viewport, overscan);
  return {
    ...window,
    attach,
    onScroll,
    totalHeight: count * rowHeight,
    top: (index) => index * rowHeight,
    scrollToIndex,
  };
}
