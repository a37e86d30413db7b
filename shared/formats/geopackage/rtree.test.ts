import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../layer';
import { writeGeoPackage } from './writeGeoPackage';
import { floatDown, floatUp } from './writeRtree';

/**
 * Our R-tree index judged by tools that have SQLite's R*Tree module: GDAL (HasSpatialIndex, its
 * spatial filter, its own index of the same table) and the sqlite3 shell (rtreecheck).
 */
const dir = mkdtempSync(join(tmpdir(), 'hzw-rtree-'));
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const sql = (path: string, query: string) => run('sqlite3', [path, query]).trim();

/** `count` squares of ~20 m on a grid around Wusu, with one attribute (enough for 3 levels). */
function squares(count: number, epsg = 4490): Layer {
  const side = Math.ceil(Math.sqrt(count));
  return {
    name: 'zones',
    epsg,
    fields: [{ name: 'name', type: 'string' }],
    features: Array.from({ length: count }, (_, i) => {
      const x = 84.6 + (i % side) * 0.0003;
      const y = 44.4 + Math.floor(i / side) * 0.0003;
      const d = 0.0001 + (i % 7) * 0.00001;
      const ring = [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ];
      return { geometry: { type: 'Polygon', coordinates: [ring] }, properties: { name: `区划${i}` } };
    }),
  };
}

async function written(name: string, layer: Layer): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeGeoPackage([layer]));
  return path;
}

const ROWS = 'SELECT id, minx, maxx, miny, maxy FROM rtree_zones_geom ORDER BY id';
const VALIDATOR = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';

describe('the GeoPackage spatial index we write', () => {
  it('is seen, checked and used by GDAL and SQLite, and holds what GDAL indexes itself', async () => {
    const path = await written('ours.gpkg', squares(3000));
    const listing = spawnSync('ogrinfo', ['-ro', '-so', '-al', path], { encoding: 'utf8' });
    expect(listing.stderr).toBe('');
    expect(listing.stdout).toContain('Feature Count: 3000');
    const has = run('ogrinfo', ['-ro', '-q', '-sql', "SELECT HasSpatialIndex('zones', 'geom')", path]);
    expect(has).toMatch(/HasSpatialIndex \(Integer\) = 1/);
    expect(sql(path, "SELECT rtreecheck('rtree_zones_geom')")).toBe('ok');
    expect(sql(path, 'PRAGMA integrity_check')).toBe('ok');
    // GDAL's GeoPackage validator (python3-gdal) checks the index's columns, triggers and registration.
    if (existsSync(VALIDATOR)) expect(run('/usr/bin/python3', [VALIDATOR, path])).toBe('');
    // Three levels (the root's first two bytes say 2): 3000 rows need 59 leaves of at most 51.
    const depth = 'SELECT hex(substr(data, 1, 2)) FROM rtree_zones_geom_node WHERE nodeno = 1';
    expect(sql(path, depth)).toBe('0002');
    expect(Number(sql(path, 'SELECT count(*) FROM rtree_zones_geom_node'))).toBeGreaterThan(59);
    expect(sql(path, 'SELECT count(*) FROM rtree_zones_geom_rowid')).toBe('3000');

    // GDAL rebuilds the index of the same features: the same box for every feature id.
    const gdal = join(dir, 'gdal.gpkg');
    run('ogr2ogr', ['-f', 'GPKG', '-preserve_fid', gdal, path]);
    expect(sql(gdal, ROWS)).toBe(sql(path, ROWS));

    // A spatial filter through the index selects what GDAL selects in its own copy.
    const spat = ['-spat', '84.605', '44.401', '84.607', '44.404'];
    const count = (file: string) =>
      /Feature Count: (\d+)/.exec(run('ogrinfo', ['-ro', '-so', '-al', ...spat, file]))![1];
    expect(Number(count(path))).toBeGreaterThan(50);
    expect(count(path)).toBe(count(gdal));
    const inBox =
      'SELECT count(*) FROM rtree_zones_geom WHERE minx <= 84.607 AND maxx >= 84.605 AND miny <= 44.404 AND maxy >= 44.401';
    expect(sql(path, inBox)).toBe(sql(gdal, inBox));
  });

  it('follows edits made by GDAL (the spec triggers are in place)', async () => {
    const path = await written('edited.gpkg', squares(120));
    const extra = join(dir, 'extra.geojson');
    const ring = [
      [85, 45],
      [85.001, 45],
      [85.001, 45.001],
      [85, 45],
    ];
    writeFileSync(
      extra,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: '新增' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      }),
    );
    run('ogr2ogr', ['-update', '-append', '-nln', 'zones', path, extra]);
    run('ogrinfo', ['-q', '-sql', 'DELETE FROM zones WHERE fid = 5', path]);
    expect(sql(path, "SELECT rtreecheck('rtree_zones_geom')")).toBe('ok');
    expect(sql(path, 'SELECT count(*) FROM rtree_zones_geom')).toBe('120');
    expect(sql(path, 'SELECT id FROM rtree_zones_geom WHERE minx >= 85')).toBe('121');
  });

  it('is a valid empty index for an empty layer, and every table gets its own', async () => {
    const path = await written('empty.gpkg', { ...squares(0), name: 'zones' });
    expect(sql(path, "SELECT rtreecheck('rtree_zones_geom')")).toBe('ok');
    expect(sql(path, 'SELECT count(*) FROM rtree_zones_geom')).toBe('0');
    const two = join(dir, 'two.gpkg');
    writeFileSync(two, await writeGeoPackage([squares(10), { ...squares(20), name: 'ccz' }]));
    expect(sql(two, "SELECT rtreecheck('rtree_ccz_geom')")).toBe('ok');
    expect(sql(two, 'SELECT count(*) FROM rtree_ccz_geom')).toBe('20');
    expect(sql(two, 'SELECT table_name FROM gpkg_extensions ORDER BY table_name')).toBe('ccz\nzones');
  });

  it('stores every box outward as 32-bit floats, as SQLite rounds them', () => {
    // Coordinates, not values below float32's range (SQLite flushes those to zero as well).
    const coordinate = fc
      .double({ noNaN: true, min: -1e30, max: 1e30 })
      .filter((d) => d === 0 || Math.abs(d) > 1e-30);
    fc.assert(
      fc.property(coordinate, (d) => {
        const down = floatDown(d);
        const up = floatUp(d);
        expect(down).toBeLessThanOrEqual(d);
        expect(up).toBeGreaterThanOrEqual(d);
        expect(Math.fround(down)).toBe(down);
        expect(Math.fround(up)).toBe(up);
      }),
    );
  });
});
