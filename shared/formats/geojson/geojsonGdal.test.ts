import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerGeometry } from '../layer';
import { readGeoJsonLayer } from './geojsonLayer';

/**
 * GeoJSON files from GDAL's autotest (fixtures/gdal, see fixtures/SOURCES.md) read as GDAL reads
 * them: a bare geometry is one feature, and malformed coordinates are refused feature by feature
 * with the fault named, never crashing the file.
 */
const DIR = join(__dirname, 'fixtures', 'gdal');
const read = (name: string) =>
  readGeoJsonLayer({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });

interface GdalFeature {
  geometry: LayerGeometry | { type: 'GeometryCollection'; geometries: LayerGeometry[] } | null;
}
const gdal = (name: string): GdalFeature[] =>
  (
    JSON.parse(
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', join(DIR, name)], { encoding: 'utf8' }),
    ) as { features: GdalFeature[] }
  ).features;

/** A geometry without its empty parts, which GDAL keeps and we leave out. */
const emptyFree = (g: GdalFeature['geometry']): unknown => {
  if (!g || g.type === 'GeometryCollection') return g;
  const strip = (v: unknown): unknown =>
    Array.isArray(v) && Array.isArray(v[0]) ? v.map(strip).filter((x) => (x as unknown[]).length) : v;
  const coordinates = strip(g.coordinates) as unknown[];
  return coordinates.length ? { type: g.type, coordinates } : null;
};

describe('GeoJSON as GDAL reads it', () => {
  it('a bare MultiPolygon is one feature with the geometry GDAL reads', () => {
    const result = read('multipolygon.geojson');
    expect(result.problems).toEqual([]);
    const [feature] = result.layers[0]!.features;
    expect(result.layers[0]!.features).toHaveLength(gdal('multipolygon.geojson').length);
    expect(feature!.geometry).toEqual(gdal('multipolygon.geojson')[0]!.geometry);
    expect(feature!.properties).toEqual({});
  });

  it('a bare GeometryCollection keeps its lines (lines win over points) and says what it left out', () => {
    const result = read('geometrycollection.geojson');
    const theirs = gdal('geometrycollection.geojson')[0]!.geometry as {
      geometries: LayerGeometry[];
    };
    const line = theirs.geometries.find((g) => g.type === 'LineString')!;
    expect(result.layers[0]!.features[0]!.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [line.coordinates],
    });
    expect(result.info.warnings.map((w) => w.en)).toEqual([
      'feature 0: 1 parts of another type in its GeometryCollection left out (polygons win, then lines)',
    ]);
  });

  it('malformed coordinates refuse their feature with the fault; the well-formed read as GDAL reads them', () => {
    const result = read('ogr_geojson_14.geojson');
    const theirs = gdal('ogr_geojson_14.geojson');
    const refused = new Set(result.problems.map((p) => p.index));
    const ours = result.layers[0]!.features;
    expect(ours.length + refused.size).toBe(theirs.length);
    let k = 0;
    theirs.forEach((g, index) => {
      if (refused.has(index)) return;
      expect(ours[k++]!.geometry, `feature ${index}`).toEqual(emptyFree(g.geometry));
    });
    const reasons = new Map(result.problems.map((p) => [p.index, p.reason.en]));
    expect(reasons.get(1)).toBe('coordinates must be an array, not null');
    expect(reasons.get(2)).toBe('coordinates: [null] is not a position [x, y] of finite numbers');
    expect(reasons.get(6)).toBe('coordinates: [1,1,null] is not a position [x, y] of finite numbers');
    expect(reasons.get(9)).toBe('coordinates 2: null is not a position [x, y] of finite numbers');
    expect(reasons.get(19)).toBe('coordinates 1.1: null is not a position [x, y] of finite numbers');
    expect(reasons.get(25)).toBe('member 1: the geometry is null');
    expect(reasons.get(26)).toBe('member 1: coordinates 1 must be an array, not null');
  });
});
