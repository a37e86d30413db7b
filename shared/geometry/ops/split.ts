import type { Position, ZoneGeometry } from '../../domain/geometry';
import { area, boundary, covers, interiorPoint, polygonize, union, unionAll } from '../jsts/ops';
import { pointToJsts, type JstsGeometry } from '../jsts/convert';
import { OpError } from './opError';
import { planar, planarLine, stored, type OpOptions } from './planar';

/**
 * The faces formed by a polygon's boundary and a drawn line: the boundary and the line are noded
 * together (their union), then polygonized. Faces inside the polygon are its split parts; faces
 * outside are areas the line encloses with the boundary.
 */
export function faces(
  polygon: JstsGeometry,
  line: JstsGeometry,
): { inside: JstsGeometry[]; outside: JstsGeometry[] } {
  const noded = union(boundary(polygon), line);
  const inside: JstsGeometry[] = [];
  const outside: JstsGeometry[] = [];
  for (const face of polygonize(noded)) {
    if (area(face) <= 1e-6) continue;
    (covers(polygon, pointToJsts(interiorPoint(face))) ? inside : outside).push(face);
  }
  return { inside, outside };
}

/**
 * Split a zone by a line drawn across it: the parts, largest first. The line must cross the zone
 * completely (enter and leave); each part is a valid polygon and the areas add up to the original.
 */
export function splitZone(
  geometry: ZoneGeometry,
  line: readonly Position[],
  options: OpOptions,
): ZoneGeometry[] {
  const polygon = planar(geometry, options);
  const { inside } = faces(polygon, planarLine(line, options));
  if (inside.length < 2) {
    throw new OpError('split', {
      zh: '分割线须完整穿过区划',
      en: 'the line must cross the zone from side to side',
    });
  }
  return inside.sort((a, b) => area(b) - area(a)).map((part) => stored(part, 'split', options));
}

/**
 * Reshape a boundary with a line drawn across it. Where the line runs outside the zone and comes
 * back, the enclosed area is added; where it cuts through the zone, only the largest part is kept
 * (the cut-off side is removed) — the line becomes the new boundary between its crossings.
 */
export function reshapeZone(
  geometry: ZoneGeometry,
  line: readonly Position[],
  options: OpOptions,
): ZoneGeometry {
  const polygon = planar(geometry, options);
  const { inside, outside } = faces(polygon, planarLine(line, options));
  if (inside.length <= 1 && outside.length === 0) {
    throw new OpError('reshape', {
      zh: '线须穿过区划边界两次',
      en: 'the line must cross the boundary twice',
    });
  }
  const kept = inside.length > 1 ? [inside.sort((a, b) => area(b) - area(a))[0]!] : [polygon];
  return stored(unionAll([...kept, ...outside]), 'reshape', options);
}
