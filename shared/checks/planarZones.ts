import { polygonsOf, type Position } from '../domain/geometry';
import type { ZoneType } from '../domain/taxonomy';
import type { DocumentZone } from '../formats/projectDocument';
import { gkProjection } from '../geometry/jsts/projection';
import { planarPolygon, type JstsGeometry, type Planar } from '../geometry/jsts/convert';
import { unionAll } from '../geometry/jsts/ops';
import type { Box } from '../geometry/spatialIndex';

export type PlanarPolygon = Planar[][];

/**
 * A zone projected once into the project's Gauss-Krüger zone: the checks measure angles,
 * widths, tolerances and areas in metres. The JTS geometry is built on first use only; most
 * zones never need an overlay.
 */
export interface PlanarZone {
  zone: DocumentZone;
  polygons: PlanarPolygon[];
  box: Box;
  jsts(): JstsGeometry;
}

export function boxOfPolygons(polygons: readonly PlanarPolygon[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons)
    for (const [x, y] of rings[0] ?? []) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  return box;
}

export function planarZone(zone: DocumentZone, gkZone: number): PlanarZone {
  const { project } = gkProjection(gkZone);
  const polygons = polygonsOf(zone.geometry).map((rings) =>
    rings.map((ring) => ring.map((p: Position) => project(p))),
  );
  let geometry: JstsGeometry | null = null;
  return {
    zone,
    polygons,
    box: boxOfPolygons(polygons),
    jsts() {
      geometry ??= unionAll(polygons.map((rings) => planarPolygon(rings)));
      return geometry;
    },
  };
}

/** GK metres → lon/lat for finding locations. */
export function toLonLat(p: Planar, gkZone: number): Position {
  return gkProjection(gkZone).unproject(p);
}

/** Each ring's box, worked out once per ring. */
const boxes = new WeakMap<readonly Planar[], Box>();

function ringBox(ring: readonly Planar[]): Box {
  let box = boxes.get(ring);
  if (!box) boxes.set(ring, (box = boxOfPolygons([[ring as Planar[]]])));
  return box;
}

/** How far a point is from a box (0 inside): no edge of a ring is nearer than its box. */
function boxDistance([x, y]: Planar, [x0, y0, x1, y1]: Box): number {
  return Math.hypot(Math.max(x0 - x, 0, x - x1), Math.max(y0 - y, 0, y - y1));
}

/**
 * Distance from a point to the nearest edge of any ring, m. Rings are visited nearest box first,
 * and a ring whose box is farther than the best edge so far is not visited: the nesting check
 * measures every vertex of an inner zone against all outer zones of its object (for an object of
 * 100 zones, millions of edge distances per zone otherwise).
 */
export function distanceToBoundary(p: Planar, polygons: readonly PlanarPolygon[]): number {
  const rings: { ring: readonly Planar[]; near: number }[] = [];
  for (const polygon of polygons)
    for (const ring of polygon) rings.push({ ring, near: boxDistance(p, ringBox(ring)) });
  rings.sort((a, b) => a.near - b.near);
  let best = Infinity;
  for (const { ring, near } of rings) {
    if (near > best) break;
    for (let i = 1; i < ring.length; i++) {
      const d = segmentDistance(p, ring[i - 1]!, ring[i]!);
      if (d < best) best = d;
    }
  }
  return best;
}

export function segmentDistance(p: Planar, a: Planar, b: Planar): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Even-odd point in polygon (outer ring and holes), boundary undecided. */
export function pointInPlanarPolygon(p: Planar, rings: PlanarPolygon): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Zones by type, superseded ones left out (they no longer govern: no nesting, no overlaps). */
export function inForceByType(zones: readonly PlanarZone[]): Map<ZoneType, PlanarZone[]> {
  const byType = new Map<ZoneType, PlanarZone[]>();
  for (const z of zones) {
    if (z.zone.attributes.status === 'superseded') continue;
    const list = byType.get(z.zone.attributes.zoneType) ?? [];
    list.push(z);
    byType.set(z.zone.attributes.zoneType, list);
  }
  return byType;
}
