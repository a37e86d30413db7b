import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coordinates, LayerGeometry } from '../layer';
import { layerToImport } from '../mapping/layerToImport';
import { readGeoPackage } from './readGeoPackage';
import { resolveLayer } from '../../crs/placeLayer';

/**
 * GeoPackages written by GDAL and QGIS, read as GDAL reads them: curve geometries linearised
 * within 5 cm (checked against GDAL's exact curve areas and its own linearisation), attribute
 * tables read as tables, GDAL's internal tables never listed.
 */
let dir: string;
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const bytes = (path: string) => new Uint8Array(readFileSync(path));
const read = (path: string) => readGeoPackage(bytes(path), path.replace(/^.*\//, ''));

/** Gauss-Krüger zone 28 (EPSG:4516), around Wusu: a 30 m circle, an arc-ended CCZ, a two-part
 * multisurface, a square with a round hole. */
const CURVES = [
  'CURVEPOLYGON(CIRCULARSTRING(28553885 4920000,28553915 4920030,28553945 4920000,28553915 4919970,28553885 4920000))',
  'CURVEPOLYGON(COMPOUNDCURVE((28554000 4920000,28554100 4920000),CIRCULARSTRING(28554100 4920000,28554150 4920050,28554100 4920100),(28554100 4920100,28554000 4920100,28554000 4920000)))',
  'MULTISURFACE(CURVEPOLYGON(CIRCULARSTRING(28553700 4920000,28553720 4920020,28553740 4920000,28553720 4919980,28553700 4920000)),((28553800 4920000,28553850 4920000,28553850 4920050,28553800 4920000)))',
  'CURVEPOLYGON((28553500 4920000,28553600 4920000,28553600 4920100,28553500 4920100,28553500 4920000),CIRCULARSTRING(28553540 4920050,28553550 4920060,28553560 4920050,28553550 4920040,28553540 4920050))',
  'MULTICURVE(CIRCULARSTRING(28553000 4920000,28553010 4920010,28553020 4920000),(28553020 4920000,28553030 4920000))',
];

function csv(name: string, rows: string[][]): string {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n'));
  return path;
}

function gpkgFromWkt(name: string, wkts: string[], srs: string): string {
  const source = csv(name, [
    ['id', 'name', 'WKT'],
    ...wkts.map((w, i) => [String(i + 1), `区划${i + 1}`, w]),
  ]);
  const path = join(dir, `${name}.gpkg`);
  run('ogr2ogr', ['-f', 'GPKG', path, source, '-nln', name, '-a_srs', srs, '-nlt', 'GEOMETRY',
    '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO']); // prettier-ignore
  return path;
}

/** GDAL's exact area of each curve geometry (OGR SQL's OGR_GEOM_AREA integrates the arcs). */
function gdalAreas(path: string, layer: string): number[] {
  const out = run('ogrinfo', [
    '-ro',
    '-q',
    '-dialect',
    'OGRSQL',
    '-sql',
    `SELECT OGR_GEOM_AREA FROM ${layer}`,
    path,
  ]);
  return [...out.matchAll(/OGR_GEOM_AREA \(Real\) = ([-\d.e+]+)/g)].map((m) => Number(m[1]));
}

/** GDAL's own linearisation (4° steps) as GeoJSON geometries. */
function gdalLinear(path: string): LayerGeometry[] {
  const out = run('ogr2ogr', [
    '-f',
    'GeoJSON',
    '-nlt',
    'CONVERT_TO_LINEAR',
    '-lco',
    'COORDINATE_PRECISION=6',
    '/vsistdout/',
    path,
  ]);
  return (JSON.parse(out) as { features: { geometry: LayerGeometry }[] }).features.map((f) => f.geometry);
}

const rings = (g: LayerGeometry): Coordinates[][] =>
  g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []; // prettier-ignore

function area(g: LayerGeometry): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let sum = 0;
  for (const polygon of polygons)
    polygon.forEach((ring, i) => {
      let a = 0;
      const [x0, y0] = ring[0] as [number, number];
      for (let k = 1; k + 1 < ring.length; k++)
        a += (ring[k]![0]! - x0) * (ring[k + 1]![1]! - y0) - (ring[k + 1]![0]! - x0) * (ring[k]![1]! - y0);
      sum += (i === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  return sum;
}

function distanceToSegment(p: Coordinates, a: Coordinates, b: Coordinates): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const t = Math.max(
    0,
    Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
}

/** Largest distance from any vertex of `a` to the nearest chain of `b` (a one-sided Hausdorff). */
function farthest(a: LayerGeometry, b: LayerGeometry): number {
  let worst = 0;
  for (const p of rings(a).flat()) {
    let best = Infinity;
    for (const chain of rings(b))
      for (let k = 0; k + 1 < chain.length; k++)
        best = Math.min(best, distanceToSegment(p, chain[k]!, chain[k + 1]!));
    worst = Math.max(worst, best);
  }
  return worst;
}

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hzw-gpkg-read-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('curve geometries written by GDAL', () => {
  it('are linearised with chords within 5 cm, the shapes and areas GDAL gives', async () => {
    const path = gpkgFromWkt('curves', CURVES, 'EPSG:4516');
    const result = await read(path);
    expect(result.problems).toEqual([]);
    const [layer] = result.layers;
    expect(resolveLayer(layer!).layer.epsg).toBe(4516);
    const geometries = layer!.features.map((f) => f.geometry!);
    expect(geometries.map((g) => g.type)).toEqual([
      'Polygon',
      'Polygon',
      'MultiPolygon',
      'Polygon',
      'MultiLineString',
    ]);
    expect(layer!.features.map((f) => f.properties['name'])).toEqual(CURVES.map((_, i) => `区划${i + 1}`));
    // Areas: chords cut each arc's segment, so the difference is at most tolerance × arc length.
    const exact = gdalAreas(path, 'curves');
    geometries.slice(0, 4).forEach((g, i) => {
      const perimeter = rings(g).reduce((s, r) => s + r.slice(1).reduce((t, p, k) => t + Math.hypot(p[0]! - r[k]![0]!, p[1]! - r[k]![1]!), 0), 0); // prettier-ignore
      expect(Math.abs(area(g) - exact[i]!)).toBeLessThanOrEqual(0.05 * perimeter);
      expect(Math.abs(area(g) - exact[i]!) / exact[i]!).toBeLessThan(0.005);
    });
    // Shape: each vertex of ours near GDAL's (4° steps: ≤ 3.1 cm off its arcs at r = 50 m), and back.
    const linear = gdalLinear(path);
    geometries.forEach((g, i) => {
      expect(farthest(g, linear[i]!), `feature ${i + 1}`).toBeLessThan(0.035);
      expect(farthest(linear[i]!, g), `feature ${i + 1}`).toBeLessThan(0.06);
    });
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'curves: 5 geometries with curves (arcs) were turned into chords within 5 cm',
    );
  });

  it('a 30 m circle: every vertex on the circle, no chord more than 5 cm inside it', async () => {
    const result = await read(gpkgFromWkt('circle', [CURVES[0]!], 'EPSG:4516'));
    const ring = (result.layers[0]!.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const centre = [28553915, 4920000];
    const r = (p: number[]) => Math.hypot(p[0]! - centre[0]!, p[1]! - centre[1]!);
    for (const p of ring) expect(Math.abs(r(p) - 30)).toBeLessThan(1e-6);
    const sagittas = ring
      .slice(1)
      .map((p, k) => 30 - r([(p[0]! + ring[k]![0]!) / 2, (p[1]! + ring[k]![1]!) / 2]));
    expect(Math.max(...sagittas)).toBeLessThanOrEqual(0.05);
    expect(Math.max(...sagittas)).toBeGreaterThan(0.02); // not needlessly dense
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('in lon/lat (EPSG:4490) the 5 cm are turned into degrees', async () => {
    const wkt =
      'CURVEPOLYGON(CIRCULARSTRING(84.6768 44.4266,84.6771 44.4269,84.6774 44.4266,84.6771 44.4263,84.6768 44.4266))';
    const result = await read(gpkgFromWkt('lonlat', [wkt], 'EPSG:4490'));
    const ring = (result.layers[0]!.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const metres = (dLon: number, dLat: number) => Math.hypot(dLon * 111_320 * Math.cos((44.4266 * Math.PI) / 180), dLat * 111_320); // prettier-ignore
    const sagittas = ring.slice(1).map((p, k) => {
      const [mx, my] = [(p[0]! + ring[k]![0]!) / 2, (p[1]! + ring[k]![1]!) / 2];
      const along = Math.hypot(mx - 84.6771, my - 44.4266);
      return metres(((mx - 84.6771) * (0.0003 - along)) / along, ((my - 44.4266) * (0.0003 - along)) / along);
    });
    expect(Math.max(...sagittas)).toBeLessThanOrEqual(0.05);
    expect(ring.length).toBeLessThan(200);
  });

  it('a MULTISURFACE layer digitised in QGIS (pyogrio test data) reads as GDAL reads it', async () => {
    const path = join(__dirname, 'fixtures', 'multisurface.gpkg');
    const result = await read(path);
    expect(result.problems).toEqual([]);
    const ours = result.layers[0]!.features.map((f) => f.geometry!);
    const gdal = gdalLinear(path);
    expect(ours).toHaveLength(gdal.length);
    ours.forEach((g, i) => {
      expect(g.type).toBe('MultiPolygon');
      expect(farthest(g, gdal[i]!)).toBeLessThan(1e-6);
      expect(farthest(gdal[i]!, g)).toBeLessThan(1e-6);
    });
  });
});

/** GDAL's layer list of a GeoPackage. */
function gdalLayers(path: string): string[] {
  return [...run('ogrinfo', ['-ro', '-q', path]).matchAll(/^\d+: (.+?)(?: \([^)]*\))?$/gm)].map((m) => m[1]!);
}

describe('tables GDAL lists, and those it hides', () => {
  it('attribute tables read as tables (Chinese text intact), beside the feature tables', async () => {
    const path = join(dir, 'mixed.gpkg');
    run('ogr2ogr', ['-f', 'GPKG', path, csv('objects', [['id', 'name'], ['1', '乌苏文庙'], ['2', '特克斯八卦城']]), '-nln', 'objects']); // prettier-ignore
    run('ogr2ogr', ['-update', '-f', 'GPKG', path, gpkgFromWkt('zones', [CURVES[0]!], 'EPSG:4516'), '-nln', 'zones']); // prettier-ignore
    const result = await read(path);
    expect(result.layers.map((l) => l.name)).toEqual(gdalLayers(path));
    const objects = result.layers.find((l) => l.name === 'objects')!;
    expect(objects).toMatchObject({ attributeTable: true, epsg: null });
    expect(objects.features.map((f) => [f.geometry, f.properties['name']])).toEqual([
      [null, '乌苏文庙'],
      [null, '特克斯八卦城'],
    ]);
    const imported = layerToImport(
      result.layers.map((layer) => ({ layer, problems: [] })),
      'mixed.gpkg',
      { defaultZoneType: 'protection_range', defaultObjectName: '乌苏文庙' },
    );
    expect(imported.warnings[result.layers.indexOf(objects)]!.map((w) => w.en)).toEqual([
      'Layer objects is an attribute table (2 rows), not zones; not imported',
    ]);
    expect(imported.document.zones).toHaveLength(1);
  });

  it("GDAL's internals (rtree_*, gpkg_ogr_contents, sqlite_sequence, ogr_empty_table) are never listed", async () => {
    const path = gpkgFromWkt('hidden', [CURVES[0]!], 'EPSG:4516');
    run('sqlite3', [path, [
      'CREATE TABLE ogr_empty_table (fid INTEGER PRIMARY KEY)',
      "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('ogr_empty_table', 'aspatial', 'ogr_empty_table')",
      "CREATE TABLE notes (fid INTEGER PRIMARY KEY, remark TEXT)",
      "INSERT INTO notes (remark) VALUES ('未登记的表')",
    ].join(';')]); // prettier-ignore
    const tables = run('sqlite3', [path, "SELECT name FROM sqlite_master WHERE type = 'table'"]);
    expect(tables).toMatch(/rtree_hidden_geom/);
    expect(tables).toMatch(/gpkg_ogr_contents/);
    const result = await read(path);
    expect(result.layers.map((l) => l.name)).toEqual(['hidden', 'notes']);
    // GDAL 3.6 hides its placeholder only when registered as features; QGIS hides it always.
    expect(result.layers.map((l) => l.name)).toEqual(gdalLayers(path).filter((n) => n !== 'ogr_empty_table'));
    expect(result.layers[1]!.features[0]!.properties['remark']).toBe('未登记的表');
  });

  it('a registered table that does not exist is named, the rest read (GDAL skips it too)', async () => {
    const path = gpkgFromWkt('gone', [CURVES[0]!], 'EPSG:4516');
    run('sqlite3', [path, "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('missing', 'attributes', 'missing')"]); // prettier-ignore
    const result = await read(path);
    expect(result.layers.map((l) => l.name)).toEqual(['gone']);
    expect(gdalLayers(path)).toEqual(['gone']);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'The table missing is registered in gpkg_contents but does not exist',
    );
  });

  it('a non-conformant table from GDAL autotest (no primary key, untyped column) reads as GDAL reads it', async () => {
    const path = join(__dirname, 'fixtures', 'poly_non_conformant.gpkg');
    const result = await read(path);
    const gdal = JSON.parse(run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path])) as {
      features: { properties: Record<string, unknown>; geometry: LayerGeometry }[];
    };
    const ours = result.layers[0]!.features;
    expect(ours).toHaveLength(gdal.features.length);
    ours.forEach((f, i) => {
      expect(f.properties).toEqual(gdal.features[i]!.properties);
      expect(farthest(f.geometry!, gdal.features[i]!.geometry)).toBeLessThan(1e-6);
    });
  });
});
