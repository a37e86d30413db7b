import { z } from 'zod';

/**
 * Zone geometry as stored and exchanged: GeoJSON Polygon or MultiPolygon in lon/lat degrees on
 * CGCS2000 (EPSG:4490, equal to WGS84 at plan accuracy). Rings are closed (first = last).
 * This schema checks shape and number ranges only; topology (self-intersection, holes outside the
 * shell) is checked by shared/geometry/validatePolygon, which reports per ring and vertex.
 */
export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type ZoneGeometry = PolygonGeometry | MultiPolygonGeometry;

const lon = z
  .number()
  .refine(Number.isFinite, 'not a finite number')
  .refine((v) => v >= -180 && v <= 180, {
    message: 'longitude outside −180…180',
  });
const lat = z
  .number()
  .refine(Number.isFinite, 'not a finite number')
  .refine((v) => v >= -90 && v <= 90, {
    message: 'latitude outside −90…90',
  });
const position = z.tuple([lon, lat], z.number()).transform((p): Position => [p[0], p[1]]);
const ring = z.array(position).min(4, 'a ring needs at least 4 positions (3 corners and the closing one)');

export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
/** The rules above as zod states them: used for the issues of a geometry the fast path refuses. */
const DetailedZoneGeometrySchema = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);

/**
 * A ring copied as [lon, lat] positions when it obeys the rules above, else null. A hand-written
 * loop: zod walks a 200-vertex ring at about 0.5 µs per position, this at a few nanoseconds, and
 * imports and project files hold millions of positions.
 */
function fastRing(value: unknown): Ring | null {
  if (!Array.isArray(value) || value.length < 4) return null;
  const out: Ring = new Array<Position>(value.length);
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    if (!Array.isArray(p) || p.length < 2) return null;
    const x: unknown = p[0];
    const y: unknown = p[1];
    // Comparisons are false for NaN; the ranges exclude ±Infinity.
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return null;
    for (let k = 2; k < p.length; k++) {
      const v: unknown = p[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    }
    out[i] = [x, y];
  }
  return out;
}

function fastRings(value: unknown): Ring[] | null {
  if (!Array.isArray(value) || value.length < 1) return null;
  const out: Ring[] = new Array<Ring>(value.length);
  for (let i = 0; i < value.length; i++) {
    const ring = fastRing(value[i]);
    if (!ring) return null;
    out[i] = ring;
  }
  return out;
}

/** The parsed geometry (a fresh copy, extra keys and dimensions dropped), or null: let zod say why. */
function fastZoneGeometry(value: unknown): ZoneGeometry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const rings = fastRings(coordinates);
    return rings && { type, coordinates: rings };
  }
  if (type !== 'MultiPolygon' || !Array.isArray(coordinates) || coordinates.length < 1) return null;
  const polygons: Ring[][] = new Array<Ring[]>(coordinates.length);
  for (let i = 0; i < coordinates.length; i++) {
    const rings = fastRings(coordinates[i]);
    if (!rings) return null;
    polygons[i] = rings;
  }
  return { type, coordinates: polygons };
}

/** Whether a list of rings is already exactly what fastRings would return (two-number positions). */
function isExactRings(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 1) return false;
  for (const ring of value as unknown[]) {
    if (!Array.isArray(ring) || ring.length < 4) return false;
    for (const p of ring as unknown[]) {
      if (!Array.isArray(p) || p.length !== 2) return false;
      const [x, y] = p as unknown[];
      if (typeof x !== 'number' || typeof y !== 'number') return false;
      if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return false;
    }
  }
  return true;
}

/**
 * Whether the value is already the parse output: a plain object holding only `type` and
 * `coordinates`, every position two numbers in range. Such a value is returned as it is.
 */
function isExactGeometry(value: unknown): value is ZoneGeometry {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('type') || !keys.includes('coordinates')) return false;
  const { type, coordinates } = value as { type: unknown; coordinates: unknown };
  if (type === 'Polygon') return isExactRings(coordinates);
  if (type !== 'MultiPolygon' || !Array.isArray(coordinates) || coordinates.length < 1) return false;
  return (coordinates as unknown[]).every(isExactRings);
}

/**
 * Zone geometry as zod checks it (same issues, equal output), with a fast path for the usual case
 * of a valid geometry; only a refused geometry is walked by zod, to say exactly where and why.
 * A value already in the output form is returned itself rather than copied, so a geometry keeps
 * its identity from the reader to the write door (validatePolygon.ts remembers what it checked).
 */
export const ZoneGeometrySchema = z.unknown().transform((value, payload): ZoneGeometry => {
  if (isExactGeometry(value)) return value;
  const fast = fastZoneGeometry(value);
  if (fast) return fast;
  const detailed = DetailedZoneGeometrySchema.safeParse(value);
  if (detailed.success) return detailed.data;
  payload.issues.push(...(detailed.error.issues as z.core.$ZodRawIssue[]));
  return z.NEVER;
});

/** The polygons of a geometry, each as a list of rings (outer first). */
export function polygonsOf(geometry: ZoneGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
