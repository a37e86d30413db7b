/** The rows a scrolled list must render: [start, end) with `overscan` rows either side. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Rows of a list of `count` equal rows of `rowHeight` px that intersect a viewport scrolled to
 * `scrollTop` and `viewport` px high, widened by `overscan` rows either side so keyboard focus and
 * short scrolls find their row already there.
 */
export function visibleRows(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): RowWindow {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible; null when it is
 * already in view.
 */
export function scrollToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  headerHeight = 0,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport - headerHeight) return Math.max(0, bottom - viewport + headerHeight);
  return null;
}
