import { area, difference, intersection, unionAll } from '../geometry/jsts/ops';
import { boxesIntersect } from '../geometry/spatialIndex';
import { planarCoordinates, polygonParts, type JstsGeometry, type Planar } from '../geometry/jsts/convert';
import { distanceToBoundary, pointInPlanarPolygon, type PlanarPolygon, type PlanarZone } from './planarZones';

export type Containment = { ok: true } | { ok: false; areaM2: number; farthest: Planar; distanceM: number };

function orient(a: Planar, b: Planar, c: Planar): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Segments cross at a point interior to both (touching and collinear runs do not count). */
function properlyCross(a: Planar, b: Planar, c: Planar, d: Planar): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function insideOrNear(p: Planar, outers: readonly PlanarPolygon[], tol: number): boolean {
  return outers.some((rings) => pointInPlanarPolygon(p, rings)) || distanceToBoundary(p, outers) <= tol;
}

function anyProperCrossing(inner: readonly PlanarPolygon[], outers: readonly PlanarPolygon[]): boolean {
  for (const rings of inner)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        for (const orings of outers)
          for (const oring of orings)
            for (let j = 1; j < oring.length; j++)
              if (properlyCross(a, b, oring[j - 1]!, oring[j]!)) return true;
      }
  return false;
}

/**
 * Cheap proof that `inner` lies in the outers: every vertex and edge midpoint inside (or within
 * tolerance of the boundary) and no edge properly crossing an outer edge. False means "not
 * proven", never "outside".
 */
export function quicklyContained(
  inner: readonly PlanarPolygon[],
  outers: readonly PlanarPolygon[],
  tol: number,
): boolean {
  for (const rings of inner)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        if (!insideOrNear(a, outers, tol)) return false;
        if (!insideOrNear([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], outers, tol)) return false;
      }
  return !anyProperCrossing(inner, outers);
}

/** The vertex of `piece` farthest from the polygons' boundaries, with that distance. */
export function thickness(
  piece: JstsGeometry,
  polygons: readonly PlanarPolygon[][],
): { at: Planar; d: number } {
  let best: { at: Planar; d: number } = { at: [0, 0], d: 0 };
  for (const v of planarCoordinates(piece)) {
    const d = Math.max(...polygons.map((p) => distanceToBoundary(v, p)));
    if (d > best.d) best = { at: v, d };
  }
  return best;
}

/**
 * The union of a set of zones, kept for as long as the set (the same array) is: the nesting check
 * asks about every inner zone of a level against the same outer zones. Unioned afresh for each
 * inner, an object of 100 zones took seconds (25 unions of 25 zones per level).
 */
const unions = new WeakMap<readonly PlanarZone[], JstsGeometry>();

function unionOf(zones: readonly PlanarZone[]): JstsGeometry {
  if (zones.length === 1) return zones[0]!.jsts();
  let union = unions.get(zones);
  if (!union) unions.set(zones, (union = unionAll(zones.map((z) => z.jsts()))));
  return union;
}

/**
 * Does `inner` lie within the union of `outers`, up to `tol` metres? Zero-width rings (a CCZ equal
 * to its range) pass: shared boundaries are within tolerance by definition.
 */
export function containedIn(inner: PlanarZone, outers: readonly PlanarZone[], tol: number): Containment {
  const outerPolygons = outers.flatMap((o) => o.polygons);
  if (outers.some((o) => quicklyContained(inner.polygons, o.polygons, tol))) return { ok: true };
  if (outers.length > 1 && quicklyContained(inner.polygons, outerPolygons, tol)) return { ok: true };
  // Apart from every outer zone's box, all of the inner zone is outside: no overlay needed.
  const apart = outers.every((o) => !boxesIntersect(o.box, inner.box));
  const outside = apart ? inner.jsts() : difference(inner.jsts(), unionOf(outers));
  if (outside.isEmpty()) return { ok: true };
  const { at, d } = thickness(outside, [outerPolygons]);
  if (d <= tol) return { ok: true };
  return { ok: false, areaM2: area(outside), farthest: at, distanceM: d };
}

/** Where two zone sets overlap by more than `tol` in width: the overlap and its area, or null. */
export function overlapOf(
  a: readonly PlanarZone[],
  b: readonly PlanarZone[],
  tol: number,
): { areaM2: number; at: Planar } | null {
  const ga = unionOf(a);
  const gb = unionOf(b);
  const common = intersection(ga, gb);
  const squareMetres = area(common);
  if (common.isEmpty() || squareMetres === 0) return null;
  // An overlap's corners lie on both boundaries, so its width is measured as 2·area/perimeter
  // per part (≈ the width of a strip), not by vertex distances.
  let widest: { width: number; at: Planar } = { width: 0, at: [0, 0] };
  for (const part of polygonParts(common)) {
    const width = (2 * part.getArea()) / part.getLength();
    if (width > widest.width) widest = { width, at: planarCoordinates(part)[0]! };
  }
  return widest.width <= tol ? null : { areaM2: squareMetres, at: widest.at };
}
