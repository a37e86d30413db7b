import { spendActive } from '../budgets';
import { densifyBulge, type Point } from '../../geometry/densify';
import type { LayerGeometry } from '../layer';
import { Cursor, readEdge } from './dxfHatchEdges';
import { containmentHolds, insideRing, oddParityFill } from './dxfHatchFill';
import type { DxfPair } from './dxfText';

/**
 * HATCH boundary paths to a polygon (GDAL and many GIS tools write filled polygons this way):
 * polyline paths with bulges, and edge paths of lines, circular and elliptic arcs and splines. Rings nest by
 * containment: the largest is a shell, a ring inside a shell is its hole, a ring inside a hole
 * starts a new shell. Rings that cross fill by the odd-parity rule CAD programs use
 * (dxfHatchFill.ts).
 */
function polylinePath(c: Cursor, maxDeviation: number): Point[] {
  const hasBulge = c.num(72) !== 0;
  c.num(73);
  const count = c.num(93);
  const vertices: { p: Point; bulge: number }[] = [];
  for (let i = 0; i < count; i++) {
    const p: Point = [c.num(10), c.num(20)];
    vertices.push({ p, bulge: hasBulge ? c.optional(42, 0) : 0 });
  }
  const last = vertices.at(-1);
  if (last && vertices.length > 1 && last.p[0] === vertices[0]!.p[0] && last.p[1] === vertices[0]!.p[1])
    vertices.pop();
  const ring: Point[] = [];
  vertices.forEach((v, i) => {
    const piece = densifyBulge(v.p, vertices[(i + 1) % vertices.length]!.p, v.bulge, maxDeviation);
    ring.push(...(ring.length ? piece.slice(1) : piece));
  });
  return ring;
}

function edgePath(c: Cursor, maxDeviation: number): Point[] {
  const count = c.num(93);
  const ring: Point[] = [];
  for (let i = 0; i < count; i++) {
    const piece = readEdge(c, maxDeviation, i === count - 1);
    ring.push(...(ring.length ? piece.slice(1) : piece));
  }
  return ring;
}

const area2 = (r: Point[]) =>
  r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length]![1] - r[(i + 1) % r.length]![0] * p[1], 0);

const close = (r: Point[]): Point[] =>
  r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1] ? r : [...r, r[0]!];

/** Rings that nest or lie apart, as shells and holes by containment. */
function nested(rings: Point[][]): Point[][][] {
  rings.sort((a, b) => Math.abs(area2(b)) - Math.abs(area2(a)));
  const shells: { shell: Point[]; holes: Point[][] }[] = [];
  for (const ring of rings) {
    const at = ring[0]!;
    // Each shell and hole looked at costs one pass over its edges, from the file's ring budget.
    spendActive(
      'ringTests',
      shells.reduce((sum, s) => sum + s.shell.length + s.holes.length, 0),
    );
    const holeOf = shells.find((s) => insideRing(at, s.shell) && !s.holes.some((h) => insideRing(at, h)));
    if (holeOf) holeOf.holes.push(ring);
    else shells.push({ shell: ring, holes: [] });
  }
  return shells.map((s) => [close(s.shell), ...s.holes.map(close)]);
}

export interface HatchRead {
  geometry: LayerGeometry;
  /** Handles of the entities the boundary paths were taken from (an associative hatch). */
  sources: string[];
}

export function hatchGeometry(pairs: readonly DxfPair[], maxDeviation: number): HatchRead {
  const start = pairs.findIndex((p) => p.code === 91);
  if (start < 0) throw new Error('no boundary paths');
  const c = new Cursor(pairs, start);
  const paths = c.num(91);
  const rings: Point[][] = [];
  const sourceHandles: string[] = [];
  for (let i = 0; i < paths; i++) {
    const flags = c.num(92);
    const ring = flags & 2 ? polylinePath(c, maxDeviation) : edgePath(c, maxDeviation);
    const sources = c.optional(97, 0);
    for (let k = 0; k < sources; k++) sourceHandles.push(c.text(330));
    if (ring.length >= 3) rings.push(ring);
  }
  const byContainment = nested(rings);
  const polygons = containmentHolds(byContainment) ? byContainment : oddParityFill(rings);
  if (!polygons.length) throw new Error('no closed boundary');
  const geometry: LayerGeometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, sources: sourceHandles };
}
