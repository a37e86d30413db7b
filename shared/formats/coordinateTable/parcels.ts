import { polygonsOf, type ZoneGeometry } from '../../domain/geometry';
import { ZONE_TYPE_LABELS } from '../../domain/taxonomy';
import { toSurveyXY } from '../../crs/gaussKruger';
import { signedArea } from '../../geometry/rings';
import type { DocumentObject, DocumentZone } from '../projectDocument';

/** What to export: zones, each with its protected object when known. */
export interface CoordinateTableEntry {
  zone: DocumentZone;
  object?: DocumentObject;
}

/** A parcel to write from any source (a layer feature, say): its geometry in lon/lat, name and use. */
export interface ParcelSource {
  geometry: ZoneGeometry;
  name: string;
  use: string;
}

/** What the writers take: zones with their objects, or plain parcel sources. */
export type TableInput = readonly (CoordinateTableEntry | ParcelSource)[];

export interface CoordinateTableOptions {
  /** 3° Gauss-Krüger zone number (25–45) the coordinates are projected into. */
  gkZone: number;
  /** Y (easting) with the zone number in front (28 553 915.123); true unless told. */
  prefixed?: boolean;
  /** Decimal places of X and Y, 2–4; 3 (millimetres) unless told. */
  decimals?: 2 | 3 | 4;
  /** 'continuous' (J1… through the whole parcel, the default) or 'per-ring' (each ring from J1). */
  numbering?: 'continuous' | 'per-ring';
  /** Point-name prefix; 'J' (界址点) unless told. */
  pointPrefix?: string;
}

export interface TablePoint {
  name: string;
  /** 1 = outer ring, 2… = holes. */
  ring: number;
  /** Northing, metres. */
  x: number;
  /** Easting, metres, with the zone prefix when asked. */
  y: number;
}

export interface Parcel {
  /** "3" for a single-part zone, "3-1", "3-2" for the parts of a multi-part zone. */
  no: string;
  name: string;
  /** The zone type in Chinese (用途 column). */
  use: string;
  /** Planar Gauss-Krüger area of the written coordinates, hm². */
  areaHm2: number;
  /** Every ring closed by repeating its first point (same name, same coordinates). */
  points: TablePoint[];
}

type XY = [number, number];

/**
 * The vertex nearest the north-west corner (max X, min Y) of the ring's bounding box; the first
 * such vertex in ring order when several are equally near.
 */
export function northWestIndex(ring: readonly XY[]): number {
  // reduce, not Math.max(...ring): a surveyed boundary may hold more vertices than the stack allows.
  const maxX = ring.reduce((m, p) => Math.max(m, p[0]), -Infinity);
  const minY = ring.reduce((m, p) => Math.min(m, p[1]), Infinity);
  let best = 0;
  let bestDistance = Infinity;
  ring.forEach(([x, y], i) => {
    const d = (maxX - x) ** 2 + (y - minY) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** Signed area in survey order (X north, Y east) as GIS (east, north): > 0 counter-clockwise. */
function gisSignedArea(ring: readonly XY[]): number {
  return signedArea([...ring, ring[0]!].map(([x, y]) => [y, x] as const));
}

/**
 * One ring as written: projected, rounded, without repeated points, turning clockwise (outer) or
 * counter-clockwise (holes) seen with north up, starting at its north-west-most vertex. Open:
 * the closing repeat is added by the caller.
 */
function tableRing(
  ring: readonly [number, number][],
  outer: boolean,
  options: Required<CoordinateTableOptions>,
): XY[] {
  const factor = 10 ** options.decimals;
  const round = (v: number) => Math.round(v * factor) / factor;
  const points: XY[] = [];
  for (const position of ring) {
    const { x, y } = toSurveyXY(position, options.gkZone, { prefixed: options.prefixed });
    const p: XY = [round(x), round(y)];
    const prev = points.at(-1);
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) points.push(p);
  }
  while (points.length > 1 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1])
    points.pop();
  if (points.length < 3) throw new RangeError('A ring has fewer than 3 distinct points after rounding');
  return surveyOrder(points, outer).map((i) => points[i]!);
}

/**
 * The order a ring's points are written and numbered in (indices into `ring`, open, survey X/Y):
 * outer rings clockwise and holes counter-clockwise seen with north up, starting at the vertex
 * nearest the north-west corner. The coordinate-table export and the vertex table both number
 * J1… by it, so a point has the same name in both.
 */
export function surveyOrder(ring: readonly XY[], outer: boolean): number[] {
  const indices = ring.map((_, i) => i);
  const clockwise = gisSignedArea(ring) < 0;
  if (clockwise !== outer) indices.reverse();
  const ordered = indices.map((i) => ring[i]!);
  const start = northWestIndex(ordered);
  return [...indices.slice(start), ...indices.slice(0, start)];
}

export function withDefaults(options: CoordinateTableOptions): Required<CoordinateTableOptions> {
  return { prefixed: true, decimals: 3, numbering: 'continuous', pointPrefix: 'J', ...options };
}

/**
 * A zone as a parcel source: named after its object (with the sub-area number when the zone has
 * one), its use the zone type in Chinese.
 */
function sourceOf(item: CoordinateTableEntry | ParcelSource): ParcelSource {
  if (!('zone' in item)) return item;
  const { zone, object } = item;
  const base = object?.attributes.name ?? ZONE_TYPE_LABELS[zone.attributes.zoneType].zh;
  const sub = zone.attributes.subZoneNo;
  return {
    geometry: zone.geometry,
    name: sub === null ? base : `${base}（${sub}）`,
    use: ZONE_TYPE_LABELS[zone.attributes.zoneType].zh,
  };
}

/**
 * The parcels of a coordinate table: one per zone, numbered 1, 2… in the given order; each part
 * of a multi-part zone is its own parcel (3-1, 3-2…), because ring numbers 2… mean holes.
 */
export function buildParcels(input: TableInput, given: CoordinateTableOptions): Parcel[] {
  const options = withDefaults(given);
  const parcels: Parcel[] = [];
  input.map(sourceOf).forEach((source, i) => {
    const parts = polygonsOf(source.geometry);
    parts.forEach((rings, k) => {
      const points: TablePoint[] = [];
      let next = 1;
      let area = 0;
      rings.forEach((ring, r) => {
        const xy = tableRing(ring, r === 0, options);
        if (options.numbering === 'per-ring') next = 1;
        const first = next;
        for (const [x, y] of xy) points.push({ name: `${options.pointPrefix}${next++}`, ring: r + 1, x, y });
        points.push({ name: `${options.pointPrefix}${first}`, ring: r + 1, x: xy[0]![0], y: xy[0]![1] });
        area += Math.abs(gisSignedArea(xy)) * (r === 0 ? 1 : -1);
      });
      parcels.push({
        no: parts.length > 1 ? `${i + 1}-${k + 1}` : `${i + 1}`,
        name: source.name,
        use: source.use,
        areaHm2: area / 10_000,
        points,
      });
    });
  });
  return parcels;
}
