import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '../formatError';
import { mbtilesTooLarge, openMbtiles, MAX_MBTILES_BYTES } from './mbtiles';
import { openDatabase } from './sqlite';

const folder = mkdtempSync(join(tmpdir(), 'hzw-mbtiles-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** GDAL writes the package: a 3-band raster near Wusu, tiled to MBTiles (PNG) with one overview. */
function gdalPackage(): string {
  const tif = join(folder, 'src.tif');
  const out = join(folder, 'dom.mbtiles');
  run('gdal_create', [
    '-of',
    'GTiff',
    '-outsize',
    '512',
    '512',
    '-bands',
    '3',
    '-burn',
    '200',
    '-burn',
    '60',
    '-burn',
    '40',
    '-a_srs',
    'EPSG:3857',
    '-a_ullr',
    '9425000',
    '5540000',
    '9435000',
    '5530000',
    tif,
  ]);
  run('gdal_translate', ['-q', '-of', 'MBTiles', '-co', 'TILE_FORMAT=PNG', tif, out]);
  run('gdaladdo', ['-q', out, '2']);
  return out;
}

/** Python's sqlite3 as the independent reader: every tile as zoom, column, TMS row, length. */
function pythonTiles(file: string): [number, number, number, number][] {
  const script =
    'import sqlite3,sys,json;c=sqlite3.connect(sys.argv[1]);' +
    'print(json.dumps(c.execute("select zoom_level,tile_column,tile_row,length(tile_data) from tiles").fetchall()))';
  return JSON.parse(run('python3', ['-c', script, file])) as [number, number, number, number][];
}

describe('MBTiles', () => {
  it('reads GDAL’s package with rows flipped from TMS to the map’s numbering', async () => {
    const file = gdalPackage();
    const expected = pythonTiles(file);
    expect(expected.length).toBeGreaterThan(1);
    const pack = await openMbtiles(new Uint8Array(readFileSync(file)), 'dom.mbtiles');
    expect(pack.info.mimeType).toBe('image/png');
    expect(pack.info.bounds?.[0]).toBeCloseTo(84.66, 1);
    const zooms = expected.map((t) => t[0]);
    expect(pack.info.maxZoom).toBe(Math.max(...zooms));
    expect(pack.info.minZoom).toBeLessThanOrEqual(Math.min(...zooms));
    for (const [z, x, tmsRow, length] of expected) {
      const y = 2 ** z - 1 - tmsRow;
      expect(pack.tile(z, x, y)?.length).toBe(length);
      // The same row unflipped is another place: no tile there in this small package.
      if (tmsRow !== y) expect(pack.tile(z, x, tmsRow)).toBeNull();
    }
    pack.close();
  });

  it('refuses a vector package, a file without tiles, and anything over 512 MiB, with the reason', async () => {
    const db = await openDatabase();
    db.exec("CREATE TABLE metadata (name text, value text); INSERT INTO metadata VALUES ('format', 'pbf');");
    db.exec(
      'CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);',
    );
    const vector = db.export();
    db.exec('DROP TABLE tiles; CREATE VIEW tiles AS SELECT name AS zoom_level FROM metadata;');
    const strangeView = db.export();
    db.close();
    await expect(openMbtiles(vector, 'roads.mbtiles')).rejects.toThrow(/vector tile package/);
    await expect(openMbtiles(strangeView, 'odd.mbtiles')).rejects.toThrow(/tiles view/);
    const large = mbtilesTooLarge('big.mbtiles', MAX_MBTILES_BYTES + 1);
    expect(large).toBeInstanceOf(FormatError);
    expect(large?.message).toMatch(/big\.mbtiles.*pmtiles convert/);
  });
});
