import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../shared/formats/zip/zip';

const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });

let root = '';
/** A path outside the output folder that a name tries to reach; it must never appear. */
let absolute = '';
const LONG = '乌苏文庙保护范围'.repeat(13); // 104 characters, 312 bytes of UTF-8

/** Layer names a file from another office could carry. */
const hostile = () => [
  '..',
  '.',
  '../../x',
  '../../../../../../../../tmp/x',
  absolute,
  'C:\\x',
  'nul\u0000byte',
  'CON',
  'aux.txt',
  'com1 .geojson',
  LONG,
  'esc\u001b]0;title\u0007',
  'rlo\u202egnp.exe',
];

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.001, y],
      [x + 0.001, y + 0.001],
      [x, y + 0.001],
      [x, y],
    ],
  ],
});

function collection(name: string, i: number): string {
  const feature = { type: 'Feature', properties: { n: i }, geometry: square(84.67 + i * 0.002, 44.42) };
  return JSON.stringify({ type: 'FeatureCollection', name, features: [feature] });
}

/** Every file under `folder`, as paths relative to it. */
function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? walk(path).map((p) => join(entry, p)) : [entry];
  });
}

const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function expectPlainNames(names: readonly string[]): void {
  for (const name of names) {
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069/\\]/u);
    expect(name).not.toMatch(/^\.|[. ]$/);
    expect(DEVICE.test(name.split('.')[0]!.trimEnd())).toBe(false);
  }
}

/** Converts `input` into a fresh output folder; asserts nothing landed outside it. */
function convertInto(
  input: string,
  outName: string,
  ...options: string[]
): { folder: string; written: string[] } {
  const out = mkdtempSync(join(root, 'out-'));
  const deep = join(out, 'a', 'b');
  mkdirSync(deep, { recursive: true });
  const before = new Set(walk(root));
  const run = hzw('convert', input, join(deep, outName), ...options);
  expect(run.stderr).not.toMatch(/refused|Error/);
  expect(run.status).toBe(0);
  const added = walk(root).filter((p) => !before.has(p));
  for (const path of added) expect(relative(deep, join(root, path))).not.toMatch(/[\\/]|^\.\./);
  expect(existsSync(absolute)).toBe(false);
  expect(existsSync(`${absolute}.geojson`)).toBe(false);
  return { folder: deep, written: readdirSync(deep) };
}

const featureCount = (path: string) =>
  Number(
    /Feature Count: (\d+)/.exec(
      execFileSync('ogrinfo', ['-ro', '-so', '-al', path], { encoding: 'utf8' }),
    )![1],
  );

let zipInput = '';
let gpkgInput = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hzw-names-'));
  absolute = join(root, 'absolute-target');
  const names = hostile();
  const files = names.map((name, i) => ({
    name: `layer${i}.geojson`,
    bytes: new TextEncoder().encode(collection(name, i)),
  }));
  zipInput = join(root, 'in', 'layers.zip');
  mkdirSync(join(root, 'in'));
  writeFileSync(zipInput, writeZip(files));
  // A GeoPackage whose tables carry the names (GDAL's -nln refuses them, its RENAME does not).
  gpkgInput = join(root, 'in', 'tables.gpkg');
  names
    .filter((n) => !/\p{Cc}/u.test(n))
    .forEach((name, i) => {
      const source = join(root, 'in', `t${i}.geojson`);
      writeFileSync(source, collection(name, i));
      const update = i === 0 ? [] : ['-update'];
      execFileSync('ogr2ogr', ['-f', 'GPKG', ...update, '-nln', `t${i}`, gpkgInput, source]);
      const quoted = `"${name.replace(/"/g, '""')}"`;
      execFileSync('ogrinfo', ['-q', gpkgInput, '-sql', `ALTER TABLE t${i} RENAME TO ${quoted}`]);
    });
  expect(hzw('--help').status).toBe(0);
}, 180_000);

describe('hzw convert will not follow a link a layer name picks', () => {
  it('refuses when an output named from data is a symbolic link out of the folder, writing nothing', () => {
    const out = mkdtempSync(join(root, 'links-'));
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'precious');
    symlinkSync(outside, join(out, 'r_evil.geojson'));
    const input = join(root, 'in', 'evil.zip');
    const files = ['evil', 'fine'].map((name, i) => ({
      name: `${name}.geojson`,
      bytes: new TextEncoder().encode(collection(name, i)),
    }));
    writeFileSync(input, writeZip(files));
    const run = hzw('convert', input, join(out, 'r.geojson'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/r_evil\.geojson.*symbolic link out of the output folder.*符号链接/);
    expect(readFileSync(outside, 'utf8')).toBe('precious');
    expect(readdirSync(out)).toEqual(['r_evil.geojson']);
  });
});

describe('hzw convert names output files from layer names inside the output folder only', () => {
  it('GeoJSON: one file per hostile layer name, each readable by GDAL', () => {
    const { folder, written } = convertInto(zipInput, 'r.geojson');
    expect(written).toHaveLength(hostile().length);
    expectPlainNames(written);
    expect(written.some((n) => n.includes('乌苏文庙保护范围'))).toBe(true);
    for (const name of written) expect(featureCount(join(folder, name))).toBe(1);
  });

  it('Shapefile: one set per hostile layer name', () => {
    const { folder, written } = convertInto(zipInput, 'r.shp');
    expectPlainNames(written);
    const sets = written.filter((n) => n.endsWith('.shp'));
    expect(sets).toHaveLength(hostile().length);
    for (const shp of sets) expect(featureCount(join(folder, shp))).toBe(1);
  });

  it('coordinate tables: one .txt per hostile layer name', () => {
    const { written } = convertInto(zipInput, 'r.txt', '--to-crs', 'EPSG:4516');
    expectPlainNames(written);
    expect(written.filter((n) => n.endsWith('.txt'))).toHaveLength(hostile().length);
  });

  it('zipped shapefiles: the entries have plain names too', () => {
    const { folder, written } = convertInto(zipInput, 'r.zip');
    expect(written).toEqual(['r.zip']);
    const entries = readZip(readFileSync(join(folder, 'r.zip'))).map((e) => e.name);
    expectPlainNames(entries);
    expect(entries.filter((n) => n.endsWith('.shp'))).toHaveLength(hostile().length);
  });

  it('GeoPackage tables with hostile names, to GeoJSON and to shapefiles', () => {
    const tables = hostile().filter((n) => !/\p{Cc}/u.test(n)).length;
    const geojson = convertInto(gpkgInput, 'g.geojson').written;
    expectPlainNames(geojson);
    expect(geojson).toHaveLength(tables);
    const shp = convertInto(gpkgInput, 'g.shp').written;
    expectPlainNames(shp);
    expect(shp.filter((n) => n.endsWith('.shp'))).toHaveLength(tables);
  });
});
