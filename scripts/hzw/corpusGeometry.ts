import type { LayerGeometry } from '../../shared/formats/layer';
import { partsOf as layerParts } from '../../shared/crs/placeLayer';

/**
 * Geometry distances for the corpus comparison. Two readings of one feature agree when every
 * vertex of each lies on the other (within a tolerance): vertex by vertex when both have the same
 * parts and vertex counts, otherwise vertex to segment, so a curve densified differently by GDAL
 * and by us is judged by how far the chords stray, not by how many there are.
 */
export type Position = number[];
/** Distance between two positions in the units the caller reports (file units, or metres). */
export type Metric = (a: Position, b: Position) => number;

export const planar: Metric = (a, b) =>
  a[0] === b[0] && a[1] === b[1] ? 0 : Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) || Infinity;

/** Metres between two lon/lat positions (equirectangular; exact enough below a kilometre). */
export const metres: Metric = (a, b) => {
  if (a[0] === b[0] && a[1] === b[1]) return 0;
  const k = (Math.PI / 180) * 6_371_008.8;
  const dx = (a[0]! - b[0]!) * Math.cos(((a[1]! + b[1]!) / 2) * (Math.PI / 180));
  // Non-finite positions (an overflowing coordinate) are infinitely apart, never "equal".
  return k * Math.hypot(dx, a[1]! - b[1]!) || Infinity;
};

/** The parts of a geometry as position lists: each ring or line, every point its own part. */
export function partsOf(g: LayerGeometry | null): Position[][] {
  // Malformed input (a null position, coordinates of the wrong depth) counts as no position.
  return rawParts(g)
    .filter(Array.isArray)
    .map((part) => part.filter((p) => Array.isArray(p) && typeof p[0] === 'number'));
}

function rawParts(g: LayerGeometry | null): Position[][] {
  if (!g) return [];
  const collection = g as unknown as { type: string; geometries?: LayerGeometry[] };
  if (collection.type === 'GeometryCollection') return (collection.geometries ?? []).flatMap(rawParts);
  return Array.isArray(g.coordinates) ? (layerParts(g) as Position[][]) : [];
}

const closed = (part: Position[]) =>
  part.length > 3 && part[0]![0] === part.at(-1)![0] && part[0]![1] === part.at(-1)![1];

/** Largest vertex-to-vertex distance; rings may run either way; null when the shapes differ. */
function vertexGap(a: Position[][], b: Position[][], metric: Metric): number | null {
  if (a.length !== b.length) return null;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.length !== y.length) return null;
    const forward = Math.max(0, ...x.map((p, k) => metric(p, y[k]!)));
    const reverse = closed(x) ? Math.max(0, ...x.map((p, k) => metric(p, y[y.length - 1 - k]!))) : Infinity;
    max = Math.max(max, Math.min(forward, reverse));
  }
  return max;
}

function segmentDistance(p: Position, a: Position, b: Position, metric: Metric): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / length2;
  const k = Math.max(0, Math.min(1, t));
  return metric(p, [a[0]! + k * dx, a[1]! + k * dy]);
}

/** Farthest any vertex of `from` lies from the part of `to` with the same index. */
function oneWay(from: Position[][], to: Position[][], metric: Metric): number {
  let max = 0;
  from.forEach((part, i) => {
    const other = to[i]!;
    for (const p of part) {
      let best = other.length === 1 ? metric(p, other[0]!) : Infinity;
      for (let k = 0; k + 1 < other.length; k++)
        best = Math.min(best, segmentDistance(p, other[k]!, other[k + 1]!, metric));
      max = Math.max(max, best);
    }
  });
  return max;
}

export interface GeometryGap {
  /** Largest distance between the two readings; Infinity when the parts do not pair up. */
  gap: number;
  /** How it was measured: vertex to vertex, vertex to segment, or not at all (parts differ). */
  by: 'vertices' | 'segments' | 'parts';
}

export function geometryGap(a: LayerGeometry | null, b: LayerGeometry | null, metric: Metric): GeometryGap {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.length !== pb.length) return { gap: Infinity, by: 'parts' };
  const same = vertexGap(pa, pb, metric);
  if (same === 0) return { gap: 0, by: 'vertices' };
  // Different vertex counts, or a ring that starts elsewhere: judge by the segments.
  const segments = Math.max(oneWay(pa, pb, metric), oneWay(pb, pa, metric));
  return same !== null && same <= segments
    ? { gap: same, by: 'vertices' }
    : { gap: segments, by: 'segments' };
}

/** The third value of every position (height), null where a position has none. */
export function heightsOf(g: LayerGeometry | null): (number | null)[] {
  return partsOf(g).flatMap((part) => part.map((p) => (p.length > 2 ? p[2]! : null)));
}

/** The first finite position of a geometry, for CRS samples. */
export function firstPosition(g: LayerGeometry | null): Position | null {
  for (const part of partsOf(g))
    for (const p of part) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) return p;
  return null;
}
