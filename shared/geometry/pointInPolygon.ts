import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../domain/geometry';
import { onRingBoundary, pointInRing } from './segments';

export type PointLocation = 'inside' | 'boundary' | 'outside';

function inBox(point: Position, ring: Ring): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return point[0] >= minX && point[0] <= maxX && point[1] >= minY && point[1] <= maxY;
}

function locateInRing(point: Position, ring: Ring): PointLocation {
  if (!inBox(point, ring)) return 'outside';
  if (onRingBoundary(point, ring)) return 'boundary';
  return pointInRing(point, ring) ? 'inside' : 'outside';
}

/** Where a point lies relative to one polygon given as rings (outer first, then holes). */
export function locateInPolygon(point: Position, rings: readonly Ring[]): PointLocation {
  const [shell, ...holes] = rings;
  if (!shell) return 'outside';
  const inShell = locateInRing(point, shell);
  if (inShell !== 'inside') return inShell;
  for (const hole of holes) {
    const inHole = locateInRing(point, hole);
    if (inHole === 'boundary') return 'boundary';
    if (inHole === 'inside') return 'outside';
  }
  return 'inside';
}

/**
 * Where a lon/lat point lies relative to a zone geometry, with edges straight in the lon/lat
 * plane (as stored). For a MultiPolygon, inside any part counts as inside.
 */
export function locatePoint(point: Position, geometry: ZoneGeometry): PointLocation {
  let location: PointLocation = 'outside';
  for (const rings of polygonsOf(geometry)) {
    const here = locateInPolygon(point, rings);
    if (here === 'inside') return 'inside';
    if (here === 'boundary') location = 'boundary';
  }
  return location;
}

/** Whether the zone covers the point: inside or on its boundary (a point query "what applies here"). */
export function pointInPolygon(point: Position, geometry: ZoneGeometry): boolean {
  return locatePoint(point, geometry) !== 'outside';
}
