import type { Position, ZoneGeometry } from '../domain/geometry';
import { area } from '../geometry/jsts/ops';
import { gkProjection } from '../geometry/jsts/projection';
import { planarRings, polygonParts, toJsts, type Planar } from '../geometry/jsts/convert';

/** Test data near Beijing in Gauss-Krüger 3° zone 39 (central meridian 117°E). */
export const GK_ZONE = 39;
export const ORIGIN: Planar = [480_000, 4_420_000];
const { project, unproject } = gkProjection(GK_ZONE);

/** A lon/lat polygon from planar rings given relative to ORIGIN (metres). */
export function lonLatPolygon(...rings: Planar[][]): ZoneGeometry {
  return {
    type: 'Polygon',
    coordinates: rings.map((r) => r.map(([x, y]): Position => unproject([ORIGIN[0] + x, ORIGIN[1] + y]))),
  };
}

export function lonLatPoint(x: number, y: number): Position {
  return unproject([ORIGIN[0] + x, ORIGIN[1] + y]);
}

export const square = (size: number, x = 0, y = 0): ZoneGeometry =>
  lonLatPolygon([
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ]);

/** Planar area (m²) of a lon/lat geometry in the test zone. */
export function gkArea(g: ZoneGeometry): number {
  return area(toJsts(g, project));
}

/** Extent relative to ORIGIN: [minX, minY, maxX, maxY] in metres. */
export function gkExtent(g: ZoneGeometry): [number, number, number, number] {
  const pts = gkPoints(g);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function gkPoints(g: ZoneGeometry): Planar[] {
  return polygonParts(toJsts(g, project))
    .flatMap((p) => planarRings(p).flat())
    .map(([x, y]): Planar => [x - ORIGIN[0], y - ORIGIN[1]]);
}
