import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRows } from './virtualRows';

describe('visibleRows', () => {
  it('renders only the rows in view plus the overscan, whatever the list length', () => {
    // 10 000 rows of 24 px, a 480 px viewport scrolled to row 5 000: rows 4 990 … 5 030.
    const w = visibleRows(10_000, 24, 5_000 * 24, 480, 10);
    expect(w).toEqual({ start: 4_990, end: 5_030 });
    expect(w.end - w.start).toBeLessThanOrEqual(480 / 24 + 2 * 10);
  });

  it('clamps at both ends and for short or empty lists', () => {
    expect(visibleRows(10_000, 24, 0, 480, 10)).toEqual({ start: 0, end: 30 });
    expect(visibleRows(10_000, 24, 10_000 * 24, 480, 10)).toEqual({ start: 9_990, end: 10_000 });
    expect(visibleRows(5, 24, 0, 480, 10)).toEqual({ start: 0, end: 5 });
    expect(visibleRows(0, 24, 100, 480, 10)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(100, 24, -50, 480, 0)).toEqual({ start: 0, end: 20 });
  });
});

describe('scrollToShow', () => {
  it('scrolls up or down just enough, and not at all for a row in view', () => {
    expect(scrollToShow(10, 20, 0, 100)).toBe(120); // row 10 spans 200…220: bottom at 220 − 100
    expect(scrollToShow(2, 20, 100, 100)).toBe(40);
    expect(scrollToShow(6, 20, 100, 100)).toBeNull();
    // A 20 px sticky header covers the top of the viewport: the row must clear it at the bottom too.
    expect(scrollToShow(8, 20, 100, 100, 20)).toBeNull();
    expect(scrollToShow(9, 20, 100, 100, 20)).toBe(120);
  });
});
