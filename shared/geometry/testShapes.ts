import type { PolygonGeometry, Ring } from '../domain/geometry';

/** Test support: an axis-aligned closed square ring, counter-clockwise, from its south-west corner. */
export function square(x: number, y: number, d: number): Ring {
  return [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
}

export function polygon(...rings: Ring[]): PolygonGeometry {
  return { type: 'Polygon', coordinates: rings };
}
