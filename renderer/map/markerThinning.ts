/** A marker that may be shown: where it is (map units) and how much of the map its object covers. */
export interface MarkerCandidate {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** The area its object's zones cover (0 for a point alone): the larger object wins a crowded cell. */
  readonly size: number;
}

/** About the room one marker and its label take on screen, in CSS pixels. */
export const MARKER_CELL_PX: readonly [number, number] = [96, 28];

/** Larger objects first, then the lower id: the same marker wins a cell however often it is asked. */
function outranks(a: MarkerCandidate, b: MarkerCandidate): boolean {
  return a.size !== b.size ? a.size > b.size : a.id < b.id;
}

/**
 * The markers worth drawing at this resolution: at most one per screen cell of a grid anchored at
 * the map's origin (so panning never moves a marker to another cell), except that every selected
 * marker is kept and takes its cell. Computed over all markers, not only the visible ones, so the
 * set holds while the planner pans.
 */
export function thinMarkers<T extends MarkerCandidate>(
  candidates: Iterable<T>,
  resolution: number,
  selected: ReadonlySet<string>,
  cellPx: readonly [number, number] = MARKER_CELL_PX,
): T[] {
  const width = cellPx[0] * resolution;
  const height = cellPx[1] * resolution;
  const best = new Map<string, T>();
  const heldBySelection = new Set<string>();
  const shown: T[] = [];
  for (const candidate of candidates) {
    const cell = `${Math.floor(candidate.x / width)}:${Math.floor(candidate.y / height)}`;
    if (selected.has(candidate.id)) {
      shown.push(candidate);
      heldBySelection.add(cell);
      continue;
    }
    const held = best.get(cell);
    if (!held || outranks(candidate, held)) best.set(cell, candidate);
  }
  for (const [cell, candidate] of best) if (!heldBySelection.has(cell)) shown.push(candidate);
  return shown;
}
