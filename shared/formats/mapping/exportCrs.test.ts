import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, planarGaussKrugerArea } from '../../geometry/area';
import { buildWusuSample } from '../../sample/buildSample';
import { writeExport } from './writeExport';

const sample = buildWusuSample();
const ogr = (args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });

/** Export the sample (full profile, loose files) and return the path GDAL opens. */
async function exported(format: 'shapefile' | 'geopackage', epsg: number): Promise<string> {
  const out = await writeExport({ document: sample, options: { format, epsg, profile: 'full', zip: false } });
  const dir = mkdtempSync(join(tmpdir(), 'hzw-crs-'));
  for (const f of out.files) writeFileSync(join(dir, f.name), f.bytes);
  return join(dir, out.files.find((f) => /\.(shp|gpkg)$/.test(f.name))!.name);
}

/** zone_id → area GDAL computes with this SQL over the file (or over a PROJ reprojection of it). */
function areas(path: string, layer: string, area: string): Map<string, number> {
  const out = ogr([
    '-q',
    '-dialect',
    'sqlite',
    '-sql',
    `SELECT zone_id AS zid, ${area} AS a FROM "${layer}"`,
    path,
  ]);
  return new Map(
    [...out.matchAll(/zid \(String\) = (\S+)\n\s+a \(Real\) = ([\d.e+-]+)/g)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
}

/**
 * Ellipsoidal areas by GDAL and PROJ alone: reproject to a Lambert azimuthal equal-area system on
 * the GRS80 ellipsoid centred on Wusu (equal-area, so planar areas there are ellipsoidal ones).
 */
function equalAreaAreas(path: string): Map<string, number> {
  const out = join(mkdtempSync(join(tmpdir(), 'hzw-laea-')), 'laea.gpkg');
  const laea = '+proj=laea +lat_0=44.42 +lon_0=84.67 +ellps=GRS80 +units=m +no_defs';
  execFileSync('ogr2ogr', ['-f', 'GPKG', '-t_srs', laea, '-nln', 'laea', out, path]);
  return areas(out, 'laea', 'ST_Area(geom)');
}

const worst = (measured: Map<string, number>, expected: (id: string) => number) => {
  expect(measured.size).toBe(sample.zones.length);
  return Math.max(...[...measured].map(([id, a]) => Math.abs(a - expected(id)) / expected(id)));
};
const zone = (id: string) => sample.zones.find((z) => z.id === id)!;

describe('Shapefile and GeoPackage in Gauss-Krüger or lon/lat, read by GDAL', () => {
  it.each([
    ['shapefile', 4516],
    ['shapefile', 4537],
    ['geopackage', 4516],
    ['geopackage', 4537],
  ] as const)(
    '%s in EPSG:%i: GDAL names the CRS, and areas agree with the UI within 1e-6',
    async (format, epsg) => {
      const path = await exported(format, epsg);
      const summary = ogr(['-so', '-al', path]);
      expect(summary).toMatch(new RegExp(`ID\\["EPSG",${epsg}\\]\\]\\s*Data axis`));
      const extent = /Extent: \(([\d.]+), ([\d.]+)\)/.exec(summary)!;
      // Zone 28: eastings 28 5xx xxx m with the prefix, 5xx xxx m without; northings ≈ 4 9xx xxx m.
      expect(Math.floor(Number(extent[1]) / 1e6)).toBe(epsg === 4516 ? 28 : 0);
      expect(Number(extent[2])).toBeGreaterThan(4_800_000);
      const layer = /Layer name: (.+)/.exec(summary)![1]!.trim();
      const geometry = format === 'geopackage' ? 'geom' : 'geometry';
      const planar = worst(areas(path, layer, `ST_Area(${geometry})`), (id) =>
        planarGaussKrugerArea(zone(id).geometry, 28),
      );
      const ellipsoidal = worst(equalAreaAreas(path), (id) => ellipsoidalArea(zone(id).geometry));
      console.info(`${format} EPSG:${epsg}: planar ${planar}, ellipsoidal ${ellipsoidal}`);
      expect(planar).toBeLessThan(1e-6);
      expect(ellipsoidal).toBeLessThan(1e-6);
    },
  );

  it.each(['shapefile', 'geopackage'] as const)(
    '%s in CGCS2000 lon/lat: GDAL names EPSG:4490, ellipsoidal areas within 1e-6',
    async (format) => {
      const path = await exported(format, 4490);
      expect(ogr(['-so', '-al', path])).toMatch(/ID\["EPSG",4490\]\]\s*Data axis/);
      expect(worst(equalAreaAreas(path), (id) => ellipsoidalArea(zone(id).geometry))).toBeLessThan(1e-6);
    },
  );

  it('the GeoPackage registers the zone in gpkg_spatial_ref_sys with a Transverse Mercator definition', async () => {
    const path = await exported('geopackage', 4516);
    const sql = 'SELECT srs_id, organization, definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4516';
    const out = ogr(['-q', '-sql', sql, path]);
    expect(out).toMatch(/srs_id \(Integer64\) = 4516\n\s+organization \(String\) = EPSG/);
    expect(out).toMatch(/PARAMETER\["central_meridian",84\].*PARAMETER\["false_easting",28500000\]/);
  });
});
