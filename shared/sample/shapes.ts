import type { Position, PolygonGeometry, Ring } from '../domain/geometry';
import { fromGaussKruger, toGaussKruger } from '../crs/gaussKruger';

/**
 * Closed-form shapes for the illustrative sample, built in metres in a 3° Gauss-Krüger zone
 * (so "30 m" means 30 m on the ground) and returned in lon/lat. Rings are counter-clockwise.
 */
export interface Frame {
  zone: number;
  /** Origin of the local frame, lon/lat. */
  origin: Position;
}

function toLonLat(frame: Frame, dx: number, dy: number): Position {
  const [e, n] = toGaussKruger(frame.origin, frame.zone, { prefixed: false });
  const [lon, lat] = fromGaussKruger([e + dx, n + dy], frame.zone, { prefixed: false });
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  return [round(lon), round(lat)];
}

function polygon(frame: Frame, corners: [number, number][]): PolygonGeometry {
  const ring: Ring = corners.map(([dx, dy]) => toLonLat(frame, dx, dy));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Axis-aligned rectangle centred at (cx, cy) metres, `w` east–west by `h` north–south. */
export function rectangle(frame: Frame, cx: number, cy: number, w: number, h: number): PolygonGeometry {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  return polygon(frame, [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
}

/**
 * A rectangle grown by per-side offsets (the "east 4.26 m, south 0.26 m…" pattern): the result of
 * offsetting an axis-aligned rectangle's sides outward, which for rectangles is exact.
 */
export function grownRectangle(
  frame: Frame,
  cx: number,
  cy: number,
  w: number,
  h: number,
  offsets: { e: number; s: number; w: number; n: number },
): PolygonGeometry {
  const x0 = cx - w / 2 - offsets.w;
  const x1 = cx + w / 2 + offsets.e;
  const y0 = cy - h / 2 - offsets.s;
  const y1 = cy + h / 2 + offsets.n;
  return polygon(frame, [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
}

/** "d metres each side of the wall base" along a north–south line, ends squared off d beyond. */
export function corridor(frame: Frame, cx: number, y0: number, y1: number, d: number): PolygonGeometry {
  return polygon(frame, [
    [cx - d, y0 - d],
    [cx + d, y0 - d],
    [cx + d, y1 + d],
    [cx - d, y1 + d],
  ]);
}

/** Regular octagon with vertices on the eight compass directions at radius r (the 八卦城 rings). */
export function octagon(frame: Frame, r: number): PolygonGeometry {
  const corners: [number, number][] = [];
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4;
    corners.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return polygon(frame, corners);
}

export function point(frame: Frame, dx = 0, dy = 0): Position {
  return toLonLat(frame, dx, dy);
}
