import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatumShift } from '../../crs/datumShift';
import type { NamedBytes } from '../layer';
import { readImport } from './readImport';

/**
 * Xian 1980 and Beijing 1954 Gauss-Krüger shapefiles written by GDAL, read through the import:
 * on their own ellipsoids (PROJ's definitions from projinfo are the reference), converted to
 * CGCS2000 only by the transformation the planner chooses — "no shift" or 7 parameters, checked
 * against cs2cs with the same +towgs84 — and refused when none is chosen.
 */
const PARAMETERS = [-15.8, 154.4, 82.3, -0.5, 0.3, -1.2, 2.5];

const CASES = [
  // Xian 1980 / 3-degree Gauss-Kruger CM 114E, around Wuhan.
  { code: 2383, datum: 'xian1980', centre: [114.3, 30.6] },
  // Beijing 1954 / 3-degree Gauss-Kruger zone 39 (prefixed), around Tianjin.
  { code: 2413, datum: 'beijing1954', centre: [117.2, 39.1] },
] as const;

const projString = (code: number) =>
  execFileSync('projinfo', ['-o', 'PROJ', '-q', `EPSG:${code}`], { encoding: 'utf8' }).trim();

function cs2cs(from: string, to: string, points: readonly number[][]): number[][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', ...from.split(' '), '+to', ...to.split(' ')], {
    input: points.map((p) => p.join(' ')).join('\n'),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/).slice(0, 2).map(Number));
}

/** A 300 m square around the centre, as lon/lat on the file's own datum. */
function square([lon, lat]: readonly [number, number]): number[][] {
  const d = 0.0015;
  return [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
}

const metres = (a: readonly number[], b: readonly number[]) =>
  Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

let dir: string;
const files = new Map<number, { set: NamedBytes[]; numbers: number[][] }>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-datum-'));
  for (const c of CASES) {
    const proj = projString(c.code);
    const geographic = proj
      .replace(/\+proj=tmerc.*?(\+(?:ellps|a)=)/, '+proj=longlat $1')
      .replace(/\+(x_0|y_0|k|lat_0|lon_0|units)=\S+ /g, '');
    const numbers = cs2cs(geographic, proj, square(c.centre));
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { OBJ_NAME: '旧基准遗址', ZONE_TYPE: '保护范围' },
          geometry: { type: 'Polygon', coordinates: [numbers] },
        },
      ],
    };
    writeFileSync(join(dir, `${c.code}.geojson`), JSON.stringify(geojson));
    execFileSync('ogr2ogr', [
      '-f',
      'ESRI Shapefile',
      '-lco',
      'ENCODING=UTF-8',
      '-a_srs',
      `EPSG:${c.code}`,
      join(dir, `z${c.code}.shp`),
      join(dir, `${c.code}.geojson`),
    ]);
    const set = readdirSync(dir)
      .filter((f) => f.startsWith(`z${c.code}.`))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
    files.set(c.code, { set, numbers });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ring(code: number, datumShift?: DatumShift) {
  return readImport({ files: files.get(code)!.set, options: datumShift ? { datumShift } : {} });
}

describe.each(CASES)('EPSG:$code ($datum) written by GDAL', ({ code, datum }) => {
  it('is recognised as itself and refused until a datum transformation is chosen', async () => {
    const out = await ring(code);
    expect(out.layers[0]!.info.crs).toMatchObject({
      epsg: code,
      datum,
      source: 'prj',
      needsDatumShift: true,
    });
    expect(out.refused?.map((p) => p.reason.en).join()).toMatch(/needs a datum transformation/);
    expect(out.refused?.map((p) => p.reason.zh).join()).toMatch(/基准转换/);
    expect(out.result.document.zones).toHaveLength(0);
  });

  it('"no shift": within 1 cm of PROJ on its own ellipsoid, and the warning names the error', async () => {
    const out = await ring(code, { method: 'none' });
    expect(out.refused).toBeUndefined();
    expect(out.result.rejected).toEqual([]);
    const proj = projString(code);
    const geographic = proj
      .replace(/\+proj=tmerc.*?(\+(?:ellps|a)=)/, '+proj=longlat $1')
      .replace(/\+(x_0|y_0|k|lat_0|lon_0|units)=\S+ /g, '');
    const reference = cs2cs(proj, geographic, files.get(code)!.numbers);
    const got = out.result.document.zones[0]!.geometry.coordinates[0] as number[][];
    reference.forEach((p, i) => expect(metres(got[i]!, p)).toBeLessThan(0.01));
    const warnings = out.layers[0]!.info.warnings.map((w) => w.en).join();
    expect(warnings).toMatch(/no datum shift \(ballpark\); positions are off by about/);
  });

  it('7 parameters: within 1 cm of cs2cs with the same +towgs84', async () => {
    const out = await ring(code, { method: 'helmert', values: PARAMETERS, convention: 'position_vector' });
    expect(out.refused).toBeUndefined();
    const proj = projString(code);
    const reference = cs2cs(
      `${proj} +towgs84=${PARAMETERS.join(',')}`,
      '+proj=longlat +ellps=GRS80 +towgs84=0,0,0',
      files.get(code)!.numbers,
    );
    const got = out.result.document.zones[0]!.geometry.coordinates[0] as number[][];
    reference.forEach((p, i) => expect(metres(got[i]!, p)).toBeLessThan(0.01));
    // And the shift is real: the "no shift" reading is tens of metres away.
    const none = (await ring(code, { method: 'none' })).result.document.zones[0]!.geometry
      .coordinates[0] as number[][];
    expect(metres(none[0]!, got[0]!)).toBeGreaterThan(20);
    expect(out.layers[0]!.info.crs?.datumShift?.en).toMatch(/7-parameter transformation \(position vector\)/);
  });

  it('stored project parameters apply by datum when none is chosen in the preview', async () => {
    const shift: DatumShift = { method: 'helmert', values: PARAMETERS, convention: 'position_vector' };
    const out = await readImport({
      files: files.get(code)!.set,
      options: { datumShifts: { [datum]: shift } },
    });
    expect(out.refused).toBeUndefined();
    const other = await readImport({
      files: files.get(code)!.set,
      options: { datumShifts: { new_beijing: shift } },
    });
    expect(other.refused).toBeDefined();
  });
});
