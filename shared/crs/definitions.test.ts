import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  bundledEpsgCodes,
  crsDefinition,
  crsName,
  gaussKrugerCrs,
  gaussKrugerEpsg,
  registerCrsDefinitions,
} from './definitions';
import { gkCode, gkCodes, gkSystem } from './gkFamilies';

/**
 * GDAL's own EPSG definitions, read in one call from the spatial_ref_sys table that its SQLite
 * dialect builds from PROJ's database: name and the numeric PARAMETER / SPHEROID values of each code.
 */
function gdalDefinitions(
  codes: readonly number[],
): Map<number, { name: string; params: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-crs-'));
  const file = join(dir, 'empty.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [] }));
  const sql = `SELECT srid, ref_sys_name, srtext FROM spatial_ref_sys WHERE auth_name = 'epsg' AND srid IN (${codes.join(',')})`;
  const out = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'sqlite', '-sql', sql, file], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  const result = new Map<number, { name: string; params: Record<string, number> }>();
  for (const block of out.split(/^OGRFeature\(SELECT\):\d+$/m).slice(1)) {
    const field = (key: string) => new RegExp(`^\\s+${key} \\(\\w+\\) = (.*)$`, 'm').exec(block)?.[1] ?? '';
    const srtext = field('srtext');
    const params: Record<string, number> = {};
    for (const m of srtext.matchAll(/PARAMETER\["(\w+)",([-\d.e]+)\]/g)) params[m[1]!] = Number(m[2]);
    const spheroid = /SPHEROID\["[^"]+",([\d.]+),([\d.]+)/.exec(srtext);
    params.a = Number(spheroid?.[1]);
    params.rf = Number(spheroid?.[2]);
    params.tmerc = srtext.includes('PROJECTION["Transverse_Mercator"]') ? 1 : 0;
    result.set(Number(field('srid')), { name: field('ref_sys_name'), params });
  }
  return result;
}

/** Our proj4 string's parameters, keyed like GDAL's WKT1 parameters. */
function ours(epsg: number): Record<string, number> {
  const tokens = new Map(
    crsDefinition(epsg)!
      .split(' ')
      .map((t): [string, string] => {
        const [key, value = ''] = t.replace(/^\+/, '').split('=');
        return [key!, value];
      }),
  );
  const grs80 = tokens.get('ellps') === 'GRS80';
  const a = grs80 ? 6378137 : Number(tokens.get('a'));
  const rf = grs80 ? 298.257222101 : Number(tokens.get('rf'));
  return {
    latitude_of_origin: Number(tokens.get('lat_0')),
    central_meridian: Number(tokens.get('lon_0')),
    scale_factor: Number(tokens.get('k')),
    false_easting: Number(tokens.get('x_0')),
    false_northing: Number(tokens.get('y_0')),
    a,
    rf,
    tmerc: tokens.get('proj') === 'tmerc' ? 1 : 0,
  };
}

const GK_CODES = gkCodes();

describe('bundled CRS definitions', () => {
  it('match GDAL’s EPSG parameters, ellipsoids and names for every Gauss-Krüger code of all four datums', () => {
    const references = gdalDefinitions(GK_CODES);
    expect(GK_CODES).toHaveLength(4 * 64);
    expect(references.size).toBe(GK_CODES.length);
    for (const epsg of GK_CODES) {
      const reference = references.get(epsg)!;
      expect(ours(epsg), `EPSG:${epsg}`).toEqual(reference.params);
      expect(crsName(epsg)?.en, `EPSG:${epsg}`).toBe(reference.name);
    }
  });

  it('names the geographic, web and UTM systems as EPSG does', () => {
    const others = bundledEpsgCodes().filter((code) => !gkSystem(code));
    const references = gdalDefinitions(others);
    // SpatiaLite's copy of the registry lacks a code or two (32760); ask gdalsrsinfo for those.
    const nameOf = (epsg: number) =>
      references.get(epsg)?.name ??
      /^\s*(?:PROJCS|GEOGCS)\["([^"]+)"/m.exec(
        execFileSync('gdalsrsinfo', ['-o', 'wkt1', `EPSG:${epsg}`], { encoding: 'utf8' }),
      )?.[1];
    expect(references.size).toBeGreaterThan(others.length - 5);
    for (const epsg of others) expect(crsName(epsg)?.en, `EPSG:${epsg}`).toBe(nameOf(epsg));
  });

  it('describes each family by the formulas of the EPSG names', () => {
    expect(gaussKrugerCrs(4491)).toMatchObject({ zone: 13, width: 6, centralMeridian: 75, prefixed: true });
    expect(gaussKrugerCrs(4501)).toMatchObject({ zone: 23, width: 6, centralMeridian: 135, prefixed: true });
    expect(gaussKrugerCrs(4512)).toMatchObject({ zone: 23, width: 6, centralMeridian: 135, prefixed: false });
    expect(gaussKrugerCrs(4513)).toMatchObject({ zone: 25, width: 3, centralMeridian: 75, prefixed: true });
    expect(gaussKrugerCrs(4534)).toMatchObject({ zone: 25, width: 3, centralMeridian: 75, prefixed: false });
    expect(gaussKrugerCrs(4554)).toMatchObject({ zone: 45, width: 3, centralMeridian: 135, prefixed: false });
    expect(gaussKrugerCrs(4490)).toBeNull();
    expect(gaussKrugerCrs(4555)).toBeNull();
    for (const epsg of gkCodes('cgcs2000')) {
      const gk = gaussKrugerCrs(epsg)!;
      expect(gaussKrugerEpsg(gk.zone, gk.width, gk.prefixed)).toBe(epsg);
    }
    // Old datums are their own systems, not CGCS2000's.
    expect(gaussKrugerCrs(2383)).toBeNull();
    expect(gkSystem(2383)).toMatchObject({
      datum: 'xian1980',
      zone: 38,
      width: 3,
      centralMeridian: 114,
      prefixed: false,
    });
    expect(gkSystem(21413)).toMatchObject({ datum: 'beijing1954', zone: 13, width: 6, prefixed: true });
    expect(gkSystem(4766)).toMatchObject({ datum: 'new_beijing', zone: 30, width: 3, prefixed: true });
    expect(gkSystem(4822)).toMatchObject({ datum: 'new_beijing', zone: 45, width: 3, prefixed: false });
    for (const epsg of GK_CODES) {
      const gk = gkSystem(epsg)!;
      expect(gkCode(gk.datum, gk.zone, gk.width, gk.prefixed)).toBe(epsg);
    }
    expect(gaussKrugerEpsg(24, 3, true)).toBeNull();
    expect(gaussKrugerEpsg(28.5, 3, true)).toBeNull();
  });

  it('bundles 4490, 4326, 3857, 120 UTM zones and four datums × (lon/lat + 64 GK codes), all usable by proj4', () => {
    const codes = bundledEpsgCodes();
    expect(new Set(codes).size).toBe(3 + 120 + 4 * 64 + 3);
    expect(crsDefinition(32661)).toBeNull();
    expect(crsDefinition(32700)).toBeNull();
    const registered = new Map<string, string>();
    registerCrsDefinitions((name, definition) => registered.set(name, definition));
    expect(registered.size).toBe(codes.length);
    const instance = proj4;
    registerCrsDefinitions((name, definition) => instance.defs(name, definition));
    const [e, n] = proj4('EPSG:4490', 'EPSG:4516', [84, 44]);
    expect(e).toBeCloseTo(28_500_000, 6);
    expect(n).toBeGreaterThan(4_800_000);
    // CGCS2000 and WGS84 are treated as the same frame: no datum shift between them.
    expect(proj4('EPSG:4490', 'EPSG:4326', [84.6771, 44.4266])).toEqual([84.6771, 44.4266]);
  });
});
