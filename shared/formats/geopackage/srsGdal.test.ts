import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLayer } from '../../crs/placeLayer';
import { positionTransform } from '../../crs/transformLayer';
import type { Coordinates } from '../layer';
import { readGeoPackage } from './readGeoPackage';

/**
 * The SRS of a GeoPackage table as evidence for the CRS resolver: gpkg_spatial_ref_sys's WKT
 * definition and the organisation's EPSG code. Checked with GeoPackages GDAL writes: a system
 * outside EPSG and an EPSG code we do not bundle land where GDAL puts them (within 1 cm), and
 * GDAL's ways of writing "no CRS" say nothing.
 */
let dir: string;
const LOCAL_CS =
  'LOCAL_CS["Undefined SRS",LOCAL_DATUM["unknown",32767],UNIT["unknown",0],AXIS["Easting",EAST],AXIS["Northing",NORTH]]';
/** Swedish RT90 2.5 gon V as a custom Transverse Mercator on GRS 1980 (GDAL registers it as NONE). */
const CUSTOM_TM =
  '+proj=tmerc +lat_0=0 +lon_0=15.8082777777778 +k=1.00000561024 +x_0=1500064.274 +y_0=-667.711 +ellps=GRS80 +units=m +no_defs';

function gpkg(name: string, points: Coordinates[], srs: string | null): string {
  const source = join(dir, `${name}.csv`);
  writeFileSync(source, ['id,WKT', ...points.map((p, i) => `${i + 1},"POINT (${p[0]} ${p[1]})"`)].join('\n'));
  const path = join(dir, `${name}.gpkg`);
  const assign = srs === null ? [] : ['-a_srs', srs];
  execFileSync('ogr2ogr', ['-f', 'GPKG', path, source, '-nln', name, ...assign,
    '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO']); // prettier-ignore
  return path;
}

const readLayer = async (path: string) =>
  (await readGeoPackage(new Uint8Array(readFileSync(path)), path.replace(/^.*\//, ''))).layers[0]!;

/** GDAL's lon/lat of every point of a GeoPackage. */
function gdalLonLat(path: string): Coordinates[] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', path], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { features: { geometry: { coordinates: Coordinates } }[] }).features.map(
    (f) => f.geometry.coordinates,
  );
}

/** Metres between two lon/lat positions (small distances). */
const metres = (a: Coordinates, b: Coordinates) =>
  Math.hypot((a[0]! - b[0]!) * Math.cos((a[1]! * Math.PI) / 180), a[1]! - b[1]!) * 111_320;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-gpkg-srs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GeoPackage SRS as CRS evidence', () => {
  it.each([
    ['a system outside EPSG (organisation NONE)', 'rt90', CUSTOM_TM, [1500000, 6600000], [1600000, 7300000]],
    [
      'an EPSG code we do not bundle (NAD83 / Oregon North, ft)',
      'oregon',
      'EPSG:2269',
      [7600000, 700000],
      [7000000, 500000],
    ],
  ] as const)('%s lands where GDAL puts it', async (_, name, srs, ...points) => {
    const path = gpkg(name, points as unknown as Coordinates[], srs);
    const layer = await readLayer(path);
    expect(layer.evidence?.definition?.from).toBe('gpkg_spatial_ref_sys');
    expect(layer.evidence?.epsg).toBe(srs.startsWith('EPSG:') ? 2269 : undefined);
    const { resolution } = resolveLayer(layer);
    expect(resolution.source).toBe('file');
    const toLonLat = positionTransform(resolution.crs!, 4326);
    const theirs = gdalLonLat(path);
    layer.features.forEach((f, i) => {
      const ours = toLonLat((f.geometry as { coordinates: Coordinates }).coordinates);
      expect(metres(ours, theirs[i]!)).toBeLessThan(0.01);
    });
  });

  it.each([
    ["GDAL's undefined SRS (a LOCAL_CS)", 'local', LOCAL_CS],
    ['no SRS at all (srs_id 0)', 'none', null],
  ] as const)('%s is no evidence: the resolver judges the numbers', async (_, name, srs) => {
    const layer = await readLayer(gpkg(name, [[84.6, 44.4]], srs));
    expect(layer.evidence).toEqual({});
    expect(resolveLayer(layer).resolution.source).toBe('magnitude');
  });

  it('the bundled systems resolve to their EPSG code, as before', async () => {
    const layer = await readLayer(gpkg('cgcs', [[28553915, 4920000]], 'EPSG:4516'));
    expect(layer.evidence).toMatchObject({ epsg: 4516, definition: { from: 'gpkg_spatial_ref_sys' } });
    expect(resolveLayer(layer).layer.epsg).toBe(4516);
  });
});
