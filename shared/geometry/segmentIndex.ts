import type { Segment } from './segments';

/** At most this many grid cells per segment: enough to keep cells short, bounded memory. */
const CELLS_PER_SEGMENT = 2;

interface Grid {
  minX: number;
  minY: number;
  size: number;
  columns: number;
  rows: number;
}

/**
 * A uniform grid over the segments' bounding box. The cell side is at least the mean segment
 * extent (so a typical segment touches few cells) and at least large enough that there are no
 * more than CELLS_PER_SEGMENT cells per segment (so memory stays linear, even for long thin rings).
 */
function gridFor(segments: readonly Segment[]): Grid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let extent = 0;
  for (const s of segments) {
    minX = Math.min(minX, s.minX);
    minY = Math.min(minY, s.minY);
    maxX = Math.max(maxX, s.maxX);
    maxY = Math.max(maxY, s.maxY);
    extent += Math.max(s.maxX - s.minX, s.maxY - s.minY);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cells = CELLS_PER_SEGMENT * segments.length;
  const size = Math.max(
    extent / segments.length,
    Math.sqrt((width * height) / cells),
    Math.max(width, height) / cells,
  );
  if (!(size > 0) || !Number.isFinite(size)) return { minX, minY, size: 1, columns: 1, rows: 1 };
  return {
    minX,
    minY,
    size,
    columns: Math.min(cells, Math.floor(width / size) + 1),
    rows: Math.min(cells, Math.floor(height / size) + 1),
  };
}

function column(grid: Grid, x: number): number {
  return Math.min(grid.columns - 1, Math.floor((x - grid.minX) / grid.size));
}

function row(grid: Grid, y: number): number {
  return Math.min(grid.rows - 1, Math.floor((y - grid.minY) / grid.size));
}

/**
 * Visit every pair of segments whose bounding boxes overlap (touching counts), exactly once, in
 * near-linear time for real rings. Each segment is filed in every cell its box covers; a pair is
 * visited only in the cell holding the lower-left corner of the two boxes' intersection, so pairs
 * that share several cells are not repeated. The visitor returns true to stop early.
 */
export function forEachCandidatePair(
  segments: readonly Segment[],
  visit: (s: Segment, t: Segment) => boolean | void,
): void {
  if (segments.length < 2) return;
  const grid = gridFor(segments);
  const cellCount = grid.columns * grid.rows;
  const starts = new Int32Array(cellCount + 1);
  const forEachCell = (s: Segment, action: (cell: number) => void) => {
    const c1 = column(grid, s.maxX);
    const r1 = row(grid, s.maxY);
    for (let r = row(grid, s.minY); r <= r1; r++)
      for (let c = column(grid, s.minX); c <= c1; c++) action(r * grid.columns + c);
  };
  for (const s of segments) forEachCell(s, (cell) => (starts[cell + 1] = starts[cell + 1]! + 1));
  for (let cell = 0; cell < cellCount; cell++) starts[cell + 1] = starts[cell + 1]! + starts[cell]!;
  const members = new Int32Array(starts[cellCount]!);
  const filled = starts.slice(0, cellCount);
  segments.forEach((s, i) =>
    forEachCell(s, (cell) => {
      members[filled[cell]!] = i;
      filled[cell] = filled[cell]! + 1;
    }),
  );

  for (let cell = 0; cell < cellCount; cell++) {
    const end = starts[cell + 1]!;
    for (let i = starts[cell]!; i < end; i++) {
      const s = segments[members[i]!]!;
      for (let j = i + 1; j < end; j++) {
        const t = segments[members[j]!]!;
        if (s.maxX < t.minX || t.maxX < s.minX || s.maxY < t.minY || t.maxY < s.minY) continue;
        const owner =
          row(grid, Math.max(s.minY, t.minY)) * grid.columns + column(grid, Math.max(s.minX, t.minX));
        if (owner !== cell) continue;
        if (visit(s, t)) return;
      }
    }
  }
}
