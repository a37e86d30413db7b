import { densifyArc, type Point } from '../../geometry/densify';
import type { Coordinates, LayerGeometry } from '../layer';

/**
 * ISO WKB (as GeoPackage blobs carry it) to layer geometry: Point, LineString, Polygon and their
 * Multi forms, XY/XYZ/XYM/XYZM in either byte order (Z kept, M dropped), ISO (1000/2000/3000) and
 * EWKB (high bits) dimension codes. The curve types of the GeoPackage geometry-types extension —
 * CircularString, CompoundCurve, CurvePolygon, MultiCurve, MultiSurface — are linearised: every
 * arc through three points becomes chords no farther than `tolerance` (CRS units) from it, as the
 * workbench densifies every curve (the national database forbids arcs). Curves come out 2D.
 * Malformed bytes throw; the caller reports the feature.
 */
export interface WkbReader {
  view: DataView;
  offset: number;
  /** Largest chord deviation from an arc, in the coordinates' units. */
  tolerance: number;
  /** Set when a curve was linearised. */
  linearised?: boolean;
  /** Vertices curves have produced so far (bounded: a few bytes of arcs can ask for millions). */
  curveVertices?: number;
}

/** Most vertices the curves of one geometry may produce; past it the feature is refused. */
export const MAX_CURVE_VERTICES = 1_000_000;

const MAX_DEPTH = 5;

interface Header {
  little: boolean;
  base: number;
  dims: number;
  hasZ: boolean;
  hasM: boolean;
  raw: number;
}

function header(r: WkbReader): Header {
  const little = r.view.getUint8(r.offset) === 1;
  const raw = r.view.getUint32(r.offset + 1, little);
  r.offset += 5;
  // ISO codes (1000 Z, 2000 M, 3000 ZM) and the EWKB high bits both occur in the wild.
  const iso = raw & 0x0fffffff;
  const thousands = Math.floor(iso / 1000);
  const hasZ = thousands === 1 || thousands === 3 || (raw & 0x80000000) !== 0;
  const hasM = thousands === 2 || thousands === 3 || (raw & 0x40000000) !== 0;
  return { little, base: iso % 1000, dims: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0), hasZ, hasM, raw };
}

function count(r: WkbReader, h: Header): number {
  const v = r.view.getUint32(r.offset, h.little);
  r.offset += 4;
  if (v > r.view.byteLength - r.offset) throw new Error('count larger than the geometry');
  return v;
}

function point(r: WkbReader, h: Header): Coordinates {
  const c: Coordinates = [];
  for (let d = 0; d < h.dims; d++) c.push(r.view.getFloat64(r.offset + d * 8, h.little));
  r.offset += h.dims * 8;
  return h.hasM ? c.slice(0, h.hasZ ? 3 : 2) : c;
}

const points = (r: WkbReader, h: Header) => Array.from({ length: count(r, h) }, () => point(r, h));

function member<T>(r: WkbReader, h: Header, read: () => T): T[] {
  return Array.from({ length: count(r, h) }, read);
}

/** Centre of the circle through a, b and c, or null when they are (nearly) in line. */
function circumcentre(a: Point, b: Point, c: Point): Point | null {
  // Relative to a, so that 28 500 000 m eastings keep their precision.
  const [bx, by, cx, cy] = [b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]];
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  const e = 2 * (bx * cy - by * cx);
  if (Math.abs(e) <= 1e-12 * (b2 + c2)) return null;
  return [a[0] + (cy * b2 - by * c2) / e, a[1] + (bx * c2 - cx * b2) / e];
}

/** The arc from a through b to c as chords: the vertices after a, c last (exactly as given). */
function arcChords(a: Point, b: Point, c: Point, tolerance: number): Point[] {
  const full = a[0] === c[0] && a[1] === c[1];
  const centre: Point | null = full ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] : circumcentre(a, b, c);
  if (!centre || (full && a[0] === b[0] && a[1] === b[1])) return [b, c]; // in line: two segments
  const radius = Math.hypot(a[0] - centre[0], a[1] - centre[1]);
  const angle = (p: Point) => Math.atan2(p[1] - centre[1], p[0] - centre[0]);
  const counterClockwise = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) > 0;
  let sweep = 2 * Math.PI;
  if (!full) {
    const turn = (((angle(c) - angle(a)) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    sweep = counterClockwise ? turn : turn - 2 * Math.PI;
  }
  const chords = densifyArc(
    { center: centre, radius, startDeg: (angle(a) * 180) / Math.PI, sweepDeg: (sweep * 180) / Math.PI },
    tolerance,
  );
  chords[chords.length - 1] = c;
  return chords.slice(1);
}

const flat = (p: Coordinates): Point => [p[0]!, p[1]!];

/** A CircularString's points as chords: arcs through each (start, middle, end) triple. */
function circularString(r: WkbReader, h: Header): Point[] {
  const list = points(r, h).map(flat);
  if (list.length === 0) return [];
  if (list.length < 3 || list.length % 2 === 0)
    throw new Error(`a circular string needs an odd number (≥ 3) of points, not ${list.length}`);
  r.linearised = true;
  const out: Point[] = [list[0]!];
  for (let i = 0; i + 2 < list.length; i += 2) {
    const chords = arcChords(list[i]!, list[i + 1]!, list[i + 2]!, r.tolerance);
    r.curveVertices = (r.curveVertices ?? 0) + chords.length;
    if (r.curveVertices > MAX_CURVE_VERTICES)
      throw new Error(`its curves would need more than ${MAX_CURVE_VERTICES} vertices`);
    out.push(...chords);
  }
  return out;
}

/** One curve member (LineString, CircularString or CompoundCurve) as a chain of points. */
function curve(r: WkbReader, depth: number): Coordinates[] {
  if (depth > MAX_DEPTH) throw new Error('geometry nested too deeply');
  const h = header(r);
  if (h.base === 2) return points(r, h);
  if (h.base === 8) return circularString(r, h);
  if (h.base === 9) {
    const chain: Coordinates[] = [];
    for (const piece of member(r, h, () => curve(r, depth + 1)).map((p) => p.map(flat))) {
      const last = chain[chain.length - 1];
      const joined = last && piece[0] && last[0] === piece[0][0] && last[1] === piece[0][1];
      chain.push(...(joined ? piece.slice(1) : piece));
    }
    return chain;
  }
  throw new Error(`expected a curve, found WKB geometry type ${h.raw}`);
}

/** One surface member (Polygon or CurvePolygon) as rings. */
function surface(r: WkbReader, depth: number): Coordinates[][] {
  if (depth > MAX_DEPTH) throw new Error('geometry nested too deeply');
  const h = header(r);
  if (h.base === 3) return member(r, h, () => points(r, h));
  if (h.base === 10) return member(r, h, () => curve(r, depth + 1));
  throw new Error(`expected a surface, found WKB geometry type ${h.raw}`);
}

function typed<T extends LayerGeometry['type']>(
  g: LayerGeometry,
  type: T,
): Extract<LayerGeometry, { type: T }> {
  if (g.type !== type) throw new Error(`expected ${type} inside a multi-geometry, found ${g.type}`);
  return g as Extract<LayerGeometry, { type: T }>;
}

export function readWkb(r: WkbReader, depth = 0): LayerGeometry {
  if (depth > MAX_DEPTH) throw new Error('geometry nested too deeply');
  const start = r.offset;
  const h = header(r);
  switch (h.base) {
    case 1:
      return { type: 'Point', coordinates: point(r, h) };
    case 2:
      return { type: 'LineString', coordinates: points(r, h) };
    case 3:
      return { type: 'Polygon', coordinates: member(r, h, () => points(r, h)) };
    case 4:
      return {
        type: 'MultiPoint',
        coordinates: member(r, h, () => typed(readWkb(r, depth + 1), 'Point').coordinates),
      };
    case 5:
      return {
        type: 'MultiLineString',
        coordinates: member(r, h, () => typed(readWkb(r, depth + 1), 'LineString').coordinates),
      };
    case 6:
      return {
        type: 'MultiPolygon',
        coordinates: member(r, h, () => typed(readWkb(r, depth + 1), 'Polygon').coordinates),
      };
    case 8:
    case 9:
      r.offset = start;
      return { type: 'LineString', coordinates: curve(r, depth) };
    case 10:
      r.offset = start;
      return { type: 'Polygon', coordinates: surface(r, depth) };
    case 11:
      return { type: 'MultiLineString', coordinates: member(r, h, () => curve(r, depth + 1)) };
    case 12:
      return { type: 'MultiPolygon', coordinates: member(r, h, () => surface(r, depth + 1)) };
    default:
      throw new Error(`unsupported WKB geometry type ${h.raw}`);
  }
}
