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
export const ZoneGeometrySchema = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);

/** The polygons of a geometry, each as a list of rings (outer first). */
export function polygonsOf(geometry: ZoneGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
