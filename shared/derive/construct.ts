import { buffer, unionAll } from '../geometry/jsts/ops';
import {
  planarPolygon,
  planarRings,
  polygonParts,
  type JstsGeometry,
  type Planar,
} from '../geometry/jsts/convert';
import { circleVertexCount } from '../geometry/circle';
import type { CornerStyle, SideDistances } from './types';

/**
 * Planar constructions in Gauss-Krüger metres. All inputs and outputs are JTS geometries from the
 * adapter in shared/geometry/jsts; no setup per call beyond the geometry itself.
 */

/**
 * Chords per quarter circle of a round corner: at least 16, more for large distances so that no
 * chord strays more than DEFAULT_SAGITTA (5 cm) from the true arc (the checker's arc test).
 */
const quadrantSegments = (distanceM: number) =>
  Math.max(16, Math.ceil(circleVertexCount(Math.abs(distanceM)) / 4));

export function uniformOffset(footprint: JstsGeometry, distanceM: number, corner: CornerStyle): JstsGeometry {
  if (distanceM === 0) return footprint;
  return buffer(footprint, distanceM, { join: corner, quadrantSegments: quadrantSegments(distanceM) });
}

const DIAG = Math.SQRT1_2;

/**
 * The offset shape of per-side distances: the convex hull of the points reached by going each
 * direction's distance from the origin. Without diagonals that is the rectangle [−w, e] × [−s, n];
 * a diagonal distance d puts its corner at d·(±√½, ±√½) instead of the rectangle's corner.
 */
export function offsetShape(d: SideDistances): Planar[] {
  const corner = (v: number | null | undefined, sx: number, sy: number, fx: number, fy: number): Planar =>
    v === null || v === undefined ? [fx, fy] : [sx * v * DIAG, sy * v * DIAG];
  return [
    [d.e, 0],
    corner(d.ne, 1, 1, d.e, d.n),
    [0, d.n],
    corner(d.nw, -1, 1, -d.w, d.n),
    [-d.w, 0],
    corner(d.sw, -1, -1, -d.w, -d.s),
    [0, -d.s],
    corner(d.se, 1, -1, d.e, -d.s),
  ];
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, closed. */
export function convexHull(points: Planar[]): Planar[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Planar, a: Planar, b: Planar) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Planar[]) => {
    const out: Planar[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 1e-12) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(pts), ...half([...pts].reverse())];
  return [...hull, hull[0]!];
}

/**
 * Per-side offsets of a footprint P by the offset shape B (convex, containing the origin): the
 * Minkowski sum P ⊕ B, built as P ∪ ⋃ (edge ⊕ B) over every boundary edge, each edge ⊕ B being the
 * convex hull of the edge's end points moved by B's corners. For a rectangle the result is the
 * rectangle grown by each side's distance; for any polygon each side's extreme moves outward by
 * exactly that side's distance. Distances must be ≥ 0 so that B contains the origin.
 */
export function sideOffset(footprint: JstsGeometry, sides: SideDistances): JstsGeometry {
  const shape = offsetShape(sides);
  const pieces: JstsGeometry[] = [footprint];
  for (const polygon of polygonParts(footprint)) {
    for (const ring of planarRings(polygon)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        const pts: Planar[] = [];
        for (const [dx, dy] of shape) pts.push([a[0] + dx, a[1] + dy], [b[0] + dx, b[1] + dy]);
        const hull = convexHull(pts);
        if (hull.length >= 4) pieces.push(planarPolygon([hull]));
      }
    }
  }
  return unionAll(pieces);
}

/** Rectangle from a base point: x − w … x + e, y − s … y + n. */
export function basePointRectangle(p: Planar, d: Pick<SideDistances, 'n' | 'e' | 's' | 'w'>): JstsGeometry {
  const [x, y] = p;
  return planarPolygon([
    [
      [x - d.w, y - d.s],
      [x + d.e, y - d.s],
      [x + d.e, y + d.n],
      [x - d.w, y + d.n],
      [x - d.w, y - d.s],
    ],
  ]);
}

/**
 * A circle densified to vertices on the circle (arcs are forbidden in the national database): at
 * least 128 vertices (area error < 0.05 %), more for large radii so each chord's sagitta ≤ 5 cm.
 */
export function circle(p: Planar, radiusM: number): JstsGeometry {
  const n = Math.max(128, circleVertexCount(radiusM));
  const ring: Planar[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    ring.push([p[0] + radiusM * Math.cos(a), p[1] + radiusM * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return planarPolygon([ring]);
}

/** Both sides of a centre line, flat (square-cut) ends at the line's end points, round joins. */
export function corridor(line: JstsGeometry, halfWidthM: number): JstsGeometry {
  return buffer(line, halfWidthM, {
    endCap: 'flat',
    join: 'round',
    quadrantSegments: quadrantSegments(halfWidthM),
  });
}
