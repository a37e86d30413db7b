import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gkCodes } from './gkFamilies';
import { crsFromPrj, prjFor } from './prj';

const run = promisify(execFile);
const oneLine = (wkt: string) => wkt.replace(/\s+/g, '');

/** GDAL's ESRI WKT for each code, fetched concurrently (gdalsrsinfo is the independent reference). */
async function gdalWkt(codes: readonly number[], format = 'wkt_esri'): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const queue = [...codes];
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      const { stdout } = await run('gdalsrsinfo', ['-o', format, `EPSG:${code}`]);
      out.set(code, stdout.trim());
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
/** The first and last code of each family, and the odd ones in between (gdalsrsinfo is slow). */
const OLD_DATUM_SAMPLES = [
  ...[2327, 2337, 2338, 2348, 2349, 2369, 2370, 2390],
  ...[21413, 21423, 21453, 21463, 2401, 2421, 2422, 2442],
  ...[4568, 4578, 4579, 4589, 4652, 4656, 4766, 4781, 4782, 4800, 4812, 4822],
];
// Every CGCS2000 code, samples of Xian 1980, Beijing 1954, New Beijing and UTM.
const CODES = [
  4490,
  4326,
  3857,
  4610,
  4214,
  4555,
  ...gkCodes('cgcs2000'),
  ...OLD_DATUM_SAMPLES,
  32643,
  32645,
  32650,
  32750,
];

describe('prjFor / crsFromPrj against GDAL', () => {
  let esri: Map<number, string>;
  beforeAll(async () => {
    esri = await gdalWkt(CODES);
  }, 120_000);

  it('writes exactly the ESRI WKT GDAL writes, for every bundled Chinese code (four datums) and samples of UTM', () => {
    for (const code of CODES) expect(prjFor(code), `EPSG:${code}`).toBe(oneLine(esri.get(code)!));
  });

  it('reads GDAL ESRI WKT (multi-line, as gdalsrsinfo prints it) back to the same code', () => {
    for (const code of CODES) {
      const crs = crsFromPrj(esri.get(code)!);
      expect(crs.epsg, `EPSG:${code}`).toBe(code);
      expect(crs.warning).toBeUndefined();
    }
  });

  it('round-trips prjFor → crsFromPrj for 4490, 4326 and 4513–4554', () => {
    for (const code of [4490, 4326, ...range(4513, 4554)]) expect(crsFromPrj(prjFor(code)).epsg).toBe(code);
    expect(crsFromPrj(prjFor(4516)).datum).toBe('cgcs2000');
    expect(crsFromPrj(prjFor(4326)).datum).toBe('wgs84');
  });

  it('reads OGC WKT1 (with AUTHORITY, Transverse_Mercator, axis order) to the same code', async () => {
    const ogc = await gdalWkt([4490, 4516, 4537, 4502, 32645], 'wkt1');
    for (const [code, wkt] of ogc) expect(crsFromPrj(wkt).epsg, `EPSG:${code}`).toBe(code);
    // Without AUTHORITY the parameters alone decide.
    const bare = ogc.get(4516)!.replace(/,\s*AUTHORITY\["EPSG","\d+"\]/g, '');
    expect(crsFromPrj(bare).epsg).toBe(4516);
  });

  it('throws for a code it does not bundle', () => {
    expect(() => prjFor(2056)).toThrow(RangeError);
  });
});

describe('.prj files written by ogr2ogr', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hzw-prj-'));
    writeFileSync(
      join(dir, 'p.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [84.6, 44.4] } },
        ],
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([4490, 4326, 4516, 4537, 4515, 4536])('EPSG:%i', (code) => {
    execFileSync('ogr2ogr', [
      '-f',
      'ESRI Shapefile',
      '-a_srs',
      `EPSG:${code}`,
      join(dir, `s${code}.shp`),
      join(dir, 'p.geojson'),
    ]);
    const prj = readFileSync(join(dir, `s${code}.prj`), 'utf8');
    expect(crsFromPrj(prj).epsg).toBe(code);
    expect(prj).toBe(prjFor(code));
  });
});

describe('Xian 1980 and Beijing 1954 (fixtures from gdalsrsinfo -o wkt_esri)', () => {
  const fixture = (code: number) => readFileSync(join(__dirname, 'prjFixtures', `epsg${code}.prj`), 'utf8');

  it.each([
    [4610, 'xian1980'],
    [4214, 'beijing1954'],
    [2362, 'xian1980'], // Xian 1980 3° zone 38
    [2383, 'xian1980'], // Xian 1980 3° CM 114E
    [2327, 'xian1980'], // Xian 1980 6° zone 13
    [2401, 'beijing1954'], // Beijing 1954 3° zone 25
    [2431, 'beijing1954'], // Beijing 1954 3° CM 102E
    [2435, 'beijing1954'], // Beijing 1954 3° CM 114E
  ] as const)('EPSG:%i is recognised as itself (%s), never relabelled as CGCS2000', (code, datum) => {
    const crs = crsFromPrj(fixture(code));
    expect(crs.datum).toBe(datum);
    expect(crs.epsg).toBe(code);
    expect(crs.warning).toBeUndefined();
  });

  it('the committed fixtures are what GDAL prints today', async () => {
    const fresh = await gdalWkt([4610, 2362, 2431]);
    for (const [code, wkt] of fresh) expect(oneLine(fixture(code))).toBe(oneLine(wkt));
  });
});

describe('unrecognised .prj', () => {
  it.each([
    ['empty', ''],
    ['garbage', 'hello world'],
    ['unclosed', 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"'],
    [
      'Swiss LV95',
      'PROJCS["CH1903+_LV95",GEOGCS["GCS_CH1903+",DATUM["D_CH1903+",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],PARAMETER["False_Easting",2600000.0],UNIT["Meter",1.0]]',
    ],
    ['GK in feet', prjFor(4516).replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]')],
  ])('%s → epsg null with a bilingual warning', (_, wkt) => {
    const crs = crsFromPrj(wkt);
    expect(crs.epsg).toBeNull();
    expect(crs.warning?.zh).toBeTruthy();
    expect(crs.warning?.en).toMatch(/choose/);
  });

  it('a GK zone whose meridian contradicts its zone prefix is not guessed', () => {
    expect(
      crsFromPrj(prjFor(4516).replace('"Central_Meridian",84.0', '"Central_Meridian",87.0')).epsg,
    ).toBeNull();
  });
});

describe('the ellipsoid names the datum only when the datum has no name', () => {
  it('NAD83, ETRS89 and GDA94 (GRS 1980) and Pulkovo 1942 (Krassowsky 1940) are not read as Chinese datums', async () => {
    const esri = await gdalWkt([4269, 4258, 4283, 26915, 4284, 28404]);
    for (const [code, wkt] of esri) {
      const crs = crsFromPrj(wkt);
      expect(crs.datum, `EPSG:${code}`).toBe('unknown');
      expect(crs.epsg, `EPSG:${code}`).toBeNull();
    }
  }, 60_000);

  it('an unnamed datum on the CGCS2000 or Krassowsky ellipsoid is still recognised by it', () => {
    const unnamed = prjFor(4490).replace('D_China_2000', 'D_unknown');
    expect(crsFromPrj(unnamed)).toMatchObject({ epsg: 4490, datum: 'cgcs2000' });
    const krassowsky = prjFor(4214).replace('D_Beijing_1954', 'D_Krasovsky_1940');
    expect(crsFromPrj(krassowsky)).toMatchObject({ epsg: 4214, datum: 'beijing1954' });
  });
});
