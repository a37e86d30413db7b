import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });

/** Feature 0 is sound; 1–5 hold an x that JSON or JavaScript would turn into some number. */
const X = ['84.7', '1e400', 'null', 'true', '"84.7"', '-1e999'];
const text = `{"type":"FeatureCollection","features":[${X.map(
  (x, i) =>
    `{"type":"Feature","properties":{"n":${i}},"geometry":{"type":"Point","coordinates":[${x},44.4]}}`,
).join(',')}]}`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-coords-'));
  writeFileSync(join(dir, 'in.geojson'), text);
  // GDAL writes an infinite x into a GeoPackage (a DXF point whose x is 1e400).
  const dxf =
    '0\nSECTION\n2\nENTITIES\n0\nPOINT\n8\nL1\n10\n500000\n20\n4000000\n0\nPOINT\n8\nL1\n10\n1e400\n20\n4000000\n0\nENDSEC\n0\nEOF\n';
  writeFileSync(join(dir, 'in.dxf'), dxf);
  spawnSync('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:4516', join(dir, 'inf.gpkg'), join(dir, 'in.dxf')]);
  expect(hzw('--help').status).toBe(0);
}, 180_000);

function expectRefused(input: string, output: string, indices: number[], ...options: string[]): void {
  const run = hzw('convert', join(dir, input), join(dir, output), ...options);
  expect(run.status).toBe(1);
  for (const i of indices) expect(run.stderr).toMatch(new RegExp(`#${i} geometry: .*(finite|not numeric)`));
  expect(run.stderr).not.toMatch(/#0 /);
  expect(existsSync(join(dir, output))).toBe(false);
}

describe('hzw convert writes finite coordinates or refuses the feature', () => {
  it('a GeoJSON with 1e400, null, true, "84.7" and -1e999 as x, to every output kind', () => {
    expectRefused('in.geojson', 'out.geojson', [1, 2, 3, 4, 5]);
    // To shapefiles the GeoJSON is read in chunks (streamConvert.ts): the same refusal.
    expectRefused('in.geojson', 'out.shp', [1, 2, 3, 4, 5]);
    expectRefused('in.geojson', 'out.gpkg', [1, 2, 3, 4, 5]);
    expectRefused('in.geojson', 'out.kml', [1, 2, 3, 4, 5]);
  });

  it('a GeoPackage holding an infinite x (GDAL wrote it), which used to come out as null', () => {
    expect(
      execFileSync('ogrinfo', ['-ro', '-al', '-q', join(dir, 'inf.gpkg')], { encoding: 'utf8' }),
    ).toMatch(/POINT \(inf 4000000(\.0)?\)/);
    expectRefused('inf.gpkg', 'from-gpkg.geojson', [1]);
    expectRefused('inf.gpkg', 'from-gpkg.shp', [1]);
  });

  it('KML and DXF coordinates written as hexadecimal or empty text are refused, not read as numbers', () => {
    const placemark = (c: string) => `<Placemark><Point><coordinates>${c}</coordinates></Point></Placemark>`;
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${[
      '84.7,44.4',
      '0x54,44.4',
      ',44.4',
    ]
      .map(placemark)
      .join('')}</Document></kml>`;
    writeFileSync(join(dir, 'in.kml'), kml);
    expectRefused('in.kml', 'from-kml.geojson', [1, 2]);
    const lw = (x: string) =>
      `0\nLWPOLYLINE\n8\nL\n90\n3\n70\n1\n10\n${x}\n20\n4000000\n10\n500100\n20\n4000000\n10\n500100\n20\n4000100\n`;
    writeFileSync(
      join(dir, 'lw.dxf'),
      `0\nSECTION\n2\nENTITIES\n${lw('500000')}${lw('0x7A120')}0\nENDSEC\n0\nEOF\n`,
    );
    expectRefused('lw.dxf', 'from-dxf.geojson', [1], '--from-crs', 'EPSG:4516');
  });

  it('the sound feature alone converts, and GDAL reads its number back', () => {
    writeFileSync(
      join(dir, 'good.geojson'),
      `{"type":"FeatureCollection","features":[${text.split('},{')[0]!.split('"features":[')[1]!}}]}`,
    );
    const run = hzw('convert', join(dir, 'good.geojson'), join(dir, 'good.gpkg'));
    expect(run.status).toBe(0);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-q', join(dir, 'good.gpkg')], { encoding: 'utf8' });
    expect(info).toMatch(/POINT \(84\.7 44\.4\)/);
  });
});
