import Flatbush from 'flatbush';

/** Axis-aligned box [minX, minY, maxX, maxY] in one planar system (Gauss-Krüger metres here). */
export type Box = [number, number, number, number];

/**
 * A static R-tree over boxes (the program's only door to flatbush). Built once for a set of
 * polygons; `search` returns the indices (in insertion order) of boxes intersecting or touching
 * the query. `data` is a plain ArrayBuffer, so an index can be handed to a worker and reopened
 * with `openBoxIndex` without rebuilding.
 */
export interface BoxIndex {
  readonly size: number;
  search(box: Box): number[];
  readonly data: ArrayBuffer;
}

function wrap(tree: Flatbush | null): BoxIndex {
  return {
    size: tree?.numItems ?? 0,
    search: (b) => (tree ? tree.search(b[0], b[1], b[2], b[3]) : []),
    data: (tree?.data as ArrayBuffer | undefined) ?? new ArrayBuffer(0),
  };
}

/** Index `count` boxes stored flat as [minX, minY, maxX, maxY, …]. */
export function buildBoxIndex(boxes: ArrayLike<number>, count = boxes.length / 4): BoxIndex {
  if (count === 0) return wrap(null);
  const tree = new Flatbush(count);
  for (let i = 0; i < count; i++) {
    tree.add(boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!);
  }
  tree.finish();
  return wrap(tree);
}

/** Reopen an index from its `data` (e.g. after it crossed into a worker). */
export function openBoxIndex(data: ArrayBuffer): BoxIndex {
  return wrap(data.byteLength === 0 ? null : Flatbush.from(data));
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
