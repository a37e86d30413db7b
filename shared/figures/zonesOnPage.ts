import { toGaussKruger, type Projected } from '../crs/gaussKruger';
import type { ZoneGeometry } from '../domain/geometry';
import type { ZoneType } from '../domain/taxonomy';
import { toPage, type GroundFrame } from './frame';

/** A zone as the figure needs it: its type (for the symbol and legend) and lon/lat geometry. */
export interface FigureZone {
  objectId: string;
  zoneType: ZoneType;
  geometry: ZoneGeometry;
}

/** Polygons (outer ring first, then holes) in Gauss-Krüger metres without the zone prefix. */
export type GkPolygons = Projected[][][];

export function zoneToGk(geometry: ZoneGeometry, gkZone: number): GkPolygons {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) => ring.map((p) => toGaussKruger(p, gkZone, { prefixed: false }))),
  );
}

export interface GkBox {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

export function gkBox(polygons: readonly GkPolygons[]): GkBox | null {
  let box: GkBox | null = null;
  for (const polys of polygons)
    for (const poly of polys)
      for (const [e, n] of poly[0] ?? []) {
        box ??= { minE: e, minN: n, maxE: e, maxN: n };
        box.minE = Math.min(box.minE, e);
        box.minN = Math.min(box.minN, n);
        box.maxE = Math.max(box.maxE, e);
        box.maxN = Math.max(box.maxN, n);
      }
  return box;
}

/** Whether any polygon shares area with the frame: an edge crosses it, or one contains the other. */
export function polygonsTouchFrame(polygons: GkPolygons, g: GroundFrame): boolean {
  const inFrame = ([e, n]: Projected) => e >= g.minE && e <= g.maxE && n >= g.minN && n <= g.maxN;
  const corners: Projected[] = [
    [g.minE, g.minN],
    [g.maxE, g.minN],
    [g.maxE, g.maxN],
    [g.minE, g.maxN],
  ];
  for (const rings of polygons) {
    const outer = rings[0] ?? [];
    if (outer.some(inFrame)) return true;
    if (insideRings(corners[0]!, rings)) return true;
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++)
        for (let c = 0; c < 4; c++)
          if (segmentsCross(ring[i - 1]!, ring[i]!, corners[c]!, corners[(c + 1) % 4]!)) return true;
  }
  return false;
}

function insideRings(p: Projected, rings: readonly Projected[][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

function segmentsCross(a: Projected, b: Projected, c: Projected, d: Projected): boolean {
  const apart = (i: 0 | 1) =>
    Math.max(a[i], b[i]) < Math.min(c[i], d[i]) || Math.max(c[i], d[i]) < Math.min(a[i], b[i]);
  if (apart(0) || apart(1)) return false;
  const side = (p: Projected, q: Projected, r: Projected) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) <= 0 && side(c, d, a) * side(c, d, b) <= 0;
}

export function polygonsToPage(polygons: GkPolygons, g: GroundFrame): [number, number][][][] {
  return polygons.map((rings) => rings.map((ring) => ring.map(([e, n]) => toPage(g, e, n))));
}
