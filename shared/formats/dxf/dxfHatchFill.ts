import type { Point } from '../../geometry/densify';
import {
  planarPolygon,
  planarRings,
  polygonParts,
  toJsts,
  type JstsGeometry,
} from '../../geometry/jsts/convert';
import { difference, isValid, repair, union } from '../../geometry/jsts/ops';

/**
 * The area a HATCH fills when its boundary loops cross. CAD programs fill a hatch by the odd-parity
 * rule (a point is filled when it lies inside an odd number of loops); loops that nest give shells
 * and holes by containment (dxfHatch.ts), but crossing loops need the overlay: the symmetric
 * difference of all loops. A hatch of one loop — nearly every hatch — is never checked.
 */
export function insideRing(p: Point, ring: readonly Point[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/**
 * Shells and holes found by containment are a valid (multi)polygon unless some loops cross: JTS's
 * validity check finds crossings whatever the vertices, in about n log n.
 */
export function containmentHolds(polygons: Point[][][]): boolean {
  if (polygons.length === 1 && polygons[0]!.length === 1) return true;
  return isValid(toJsts({ type: 'MultiPolygon', coordinates: polygons }));
}

const closed = (r: readonly Point[]): Point[] =>
  r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1] ? [...r] : [...r, r[0]!];

/** The odd-parity area of the loops, as polygons of rings (outer first). */
export function oddParityFill(rings: readonly Point[][]): Point[][][] {
  let filled: JstsGeometry | null = null;
  for (const ring of rings) {
    const loop = repair(planarPolygon([closed(ring)]));
    filled = filled ? union(difference(filled, loop), difference(loop, filled)) : loop;
  }
  return filled ? polygonParts(filled).map((p) => planarRings(p) as Point[][]) : [];
}
