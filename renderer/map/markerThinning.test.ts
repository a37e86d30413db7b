import { describe, expect, it } from 'vitest';
import { MARKER_CELL_PX, thinMarkers, type MarkerCandidate } from './markerThinning';

/** 10 000 markers scattered (deterministically) over a 2 km square. */
function crowd(count = 10_000, side = 2000): MarkerCandidate[] {
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * side;
  return Array.from({ length: count }, (_, i) => ({
    id: `o${String(i).padStart(5, '0')}`,
    x: next(),
    y: next(),
    size: 0,
  }));
}

const cellOf = (m: MarkerCandidate, resolution: number) =>
  `${Math.floor(m.x / (MARKER_CELL_PX[0] * resolution))}:${Math.floor(m.y / (MARKER_CELL_PX[1] * resolution))}`;

describe('thinning markers per screen cell', () => {
  it('shows at most one marker per cell of a crowded area, and more of them when zoomed in', () => {
    const markers = crowd();
    // At 20 m per pixel a cell is 1 920 × 560 m: the 2 km square touches at most 3 × 5 cells.
    const far = thinMarkers(markers, 20, new Set());
    expect(far.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThanOrEqual(15);
    expect(new Set(far.map((m) => cellOf(m, 20))).size).toBe(far.length);
    const near = thinMarkers(markers, 2, new Set());
    expect(near.length).toBeGreaterThan(far.length * 10);
    expect(new Set(near.map((m) => cellOf(m, 2))).size).toBe(near.length);
  });

  it('always shows a marker that is alone in its cell', () => {
    const lonely = { id: 'zz-lonely', x: 50_000, y: 50_000, size: 0 };
    const shown = thinMarkers([...crowd(), lonely], 20, new Set());
    expect(shown).toContain(lonely);
  });

  it('gives a crowded cell to the largest object, then the lowest id, whatever the order', () => {
    const small = { id: 'a', x: 10, y: 10, size: 5 };
    const large = { id: 'b', x: 20, y: 20, size: 900 };
    const sameSize = { id: 'c', x: 30, y: 30, size: 900 };
    expect(thinMarkers([small, large, sameSize], 20, new Set())).toEqual([large]);
    expect(thinMarkers([sameSize, small, large], 20, new Set())).toEqual([large]);
    const markers = crowd();
    const once = thinMarkers(markers, 20, new Set()).map((m) => m.id);
    const reversed = thinMarkers([...markers].reverse(), 20, new Set()).map((m) => m.id);
    expect(reversed.sort()).toEqual(once.sort());
  });

  it('keeps a selected marker, which takes its cell from the one that would have won', () => {
    const markers = crowd();
    const winners = new Set(thinMarkers(markers, 20, new Set()).map((m) => m.id));
    const loser = markers.find((m) => !winners.has(m.id))!;
    const shown = thinMarkers(markers, 20, new Set([loser.id]));
    expect(shown).toContain(loser);
    expect(shown.filter((m) => cellOf(m, 20) === cellOf(loser, 20))).toEqual([loser]);
  });
});
