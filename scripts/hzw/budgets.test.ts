import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../shared/formats/formatError';
import type { NamedBytes } from '../../shared/formats/layer';
import { readImport } from '../../shared/formats/mapping/readImport';
import { readProjectFile } from '../../shared/formats/projectFile';
import { readShp } from '../../shared/formats/shapefile/shpRead';
import {
  curvesDxf,
  dbf,
  endlessContentsGeoPackage,
  endlessViewGeoPackage,
  endlessViewProject,
  generatedColumnProject,
  manyPoints,
  overlappingZip,
  pointsShp,
  ringsSharingOneBox,
  shellWithHoles,
  shxAllOneRecord,
} from './hostileInputs';

/**
 * The reader budgets (shared/formats/budgets.ts) against hostile files generated here, each sized
 * so a budgeted reader settles in seconds while an unbudgeted one takes gigabytes or minutes.
 * Every input goes through the real command line (`hzw info`, peak memory by /usr/bin/time) and
 * through the in-process entry the app uses, and must end with a message naming the file and
 * the reason in Chinese and English, within 60 s and 1.5 GB.
 */
const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const LIMIT_S = 60;
const LIMIT_KB = 1.5 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hzw-budgets-'));
const measured: string[] = [];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakKb: number;
}

function hzwInfo(name: string, bytes: Uint8Array): Run {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, launcher, 'info', path], {
    encoding: 'utf8',
    timeout: (LIMIT_S + 30) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakKb = Number(/PEAK_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  measured.push(
    `${name} (${(bytes.length / 1024).toFixed(0)} KB): ${seconds.toFixed(1)} s, ${(peakKb / 1024).toFixed(0)} MB`,
  );
  expect(seconds).toBeLessThan(LIMIT_S);
  expect(peakKb).toBeLessThan(LIMIT_KB);
  // Never a stack trace: a reader's refusal or a clean report.
  expect(run.stderr).not.toMatch(/\n\s+at |FATAL ERROR|Error: /);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds, peakKb };
}

/** The refusal printed by `hzw`: the file, then each reason in English and Chinese. */
function expectRefused(run: Run, file: string, en: RegExp, zh: RegExp) {
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`hzw: refused ${file}`);
  expect(run.stderr).toMatch(en);
  expect(run.stderr).toMatch(zh);
}

async function refusedInProcess(files: NamedBytes[]): Promise<FormatError> {
  const error = await readImport({ files, options: {} }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

beforeAll(() => {
  // Build the command line once (the launcher rebuilds when sources changed), outside the clocks.
  spawnSync(process.execPath, [launcher, '--help'], { timeout: 180_000 });
}, 200_000);

afterAll(() => {
  console.log(`hostile inputs through hzw info:\n  ${measured.join('\n  ')}`);
});

describe('reader budgets against hostile files', () => {
  it('a .shx whose 2 000 000 entries all point at one 20 000-vertex record reads that record once', async () => {
    const zip = shxAllOneRecord(20_000, 2_000_000);
    const run = hzwInfo('one.zip', zip);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Features: 1 \(Polygon 1\)/);
    expect(run.stdout).toMatch(/one\.shp: the header of record 2 \(byte \d+\) is damaged/);
    const read = await readImport({ files: [{ name: 'one.zip', bytes: zip }], options: {} });
    expect(read.layers[0]!.info.warnings.map((w) => w.zh).join()).toMatch(/第 2 条记录的记录头.*已损坏/);
  }, 90_000);

  it('a 10 MB zip of 12 000 000 point records is refused at 1 000 000 records', async () => {
    const zip = manyPoints(12_000_000);
    expect(zip.length).toBeLessThan(12 * 1024 * 1024);
    const run = hzwInfo('points.zip', zip);
    expectRefused(
      run,
      'points.shp',
      /points\.shp: holds more than 1,000,000 records, the limit per file; reading stopped/,
      /points\.shp：记录数超过每个文件 1,000,000 条的上限/,
    );
    // In process the same reader stops at the first record past the budget.
    const error = await refusedInProcess([
      { name: 'points.shp', bytes: pointsShp(1_000_001) },
      { name: 'points.dbf', bytes: dbf(0) },
    ]);
    expect(error.problems[0]!.reason.en).toMatch(/more than 1,000,000 records/);
  }, 90_000);

  it('40 000 rings sharing one extent are refused at the ring-test budget, not sorted for minutes', async () => {
    const zip = ringsSharingOneBox(20_000);
    const run = hzwInfo('rings.zip', zip);
    expectRefused(
      run,
      'rings.shp',
      /rings\.shp: sorting its rings into shells and holes takes more than 50,000,000 tests/,
      /rings\.shp：环的内外关系判断超过每个文件 50,000,000 次的上限/,
    );
    const error = await refusedInProcess([{ name: 'rings.zip', bytes: zip }]);
    expect(error.problems[0]!.reason.zh).toMatch(/大量环的外包框重叠/);
  }, 90_000);

  it('a zip of 64 names for one 16 MiB kernel is refused before inflating anything', async () => {
    const zip = overlappingZip(64, 16 * 1024 * 1024);
    const run = hzwInfo('overlap.zip', zip);
    expectRefused(
      run,
      'overlap.zip',
      /k1\.dbf shares its bytes with k0\.dbf/,
      /k1\.dbf 与 k0\.dbf 在压缩包中共用数据/,
    );
    expect(run.peakKb).toBeLessThan(300 * 1024);
    const error = await refusedInProcess([{ name: 'overlap.zip', bytes: zip }]);
    expect(error.problems[0]!.reason.en).toMatch(/overlapping entries.*nothing inflated/);
  }, 90_000);

  it('a DXF of 10⁶ bulges and 1 000 km circles is refused at 2 000 000 curve vertices', async () => {
    const dxf = curvesDxf(1000, 15_000);
    expect(dxf.length).toBeLessThan(800 * 1024);
    const run = hzwInfo('curves.dxf', dxf);
    expectRefused(
      run,
      'curves.dxf',
      /curves\.dxf: its curves \(arcs, circles, ellipses, splines\) densify past 2,000,000 vertices/,
      /curves\.dxf：曲线（圆弧、圆、椭圆、样条）加密后超过每个文件 2,000,000 个顶点的上限/,
    );
    const error = await refusedInProcess([{ name: 'curves.dxf', bytes: dxf }]);
    expect(error.problems[0]!.reason.en).toMatch(/densify past 2,000,000 vertices/);
  }, 90_000);

  it('a project file whose zones are a generated column of 900 MB per row is refused unread', async () => {
    const hzw = await generatedColumnProject();
    const run = hzwInfo('generated.hzw', hzw);
    expectRefused(
      run,
      'generated.hzw',
      /column json of table hzw_zones is computed on every read/,
      /hzw_zones 表的 json 列是读取时才计算的生成列/,
    );
    const error = await readProjectFile(hzw, 'generated.hzw').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).problems[0]!.field).toBe('hzw_zones.json');
  }, 90_000);

  it('a GeoPackage layer that is an endless recursive view is not read; its tables are', async () => {
    const gpkg = await endlessViewGeoPackage();
    const run = hzwInfo('endless.gpkg', gpkg);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/forever is a view or virtual table \(a query run on every read\); not read/);
    expect(run.stdout).toMatch(/Features: [1-9]/);
    const read = await readImport({ files: [{ name: 'endless.gpkg', bytes: gpkg }], options: {} });
    const warnings = read.layers.flatMap((l) => l.info.warnings.map((w) => w.zh)).join();
    expect(warnings).toMatch(/forever 是视图或虚拟表/);
  }, 90_000);

  it('a 100 000-vertex shell with 2 000 holes is assembled within the ring budget, as GDAL assembles it', async () => {
    const { shp, dbf: table } = shellWithHoles(100_000, 2000);
    const started = performance.now();
    const shape = readShp('big.shp', shp).shapes[0]!;
    expect(performance.now() - started).toBeLessThan(15_000);
    if (!('geometry' in shape) || !shape.geometry) throw new Error('no geometry read');
    const ours = shape.geometry;
    writeFileSync(join(dir, 'big.shp'), shp);
    writeFileSync(join(dir, 'big.dbf'), table);
    const gdal = JSON.parse(
      execFileSync(
        'ogr2ogr',
        ['--config', 'SHAPE_RESTORE_SHX', 'YES', '-f', 'GeoJSON', '/vsistdout/', join(dir, 'big.shp')],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      ),
    ) as { features: { geometry: { type: string; coordinates: unknown[] } }[] };
    const theirs = gdal.features[0]!.geometry;
    expect(ours.type).toBe(theirs.type);
    expect(theirs.type).toBe('Polygon');
    expect((ours.coordinates as unknown[]).length).toBe(theirs.coordinates.length);
    expect(theirs.coordinates.length).toBe(2001);
  }, 90_000);

  it('a GeoPackage whose own contents table is an endless view, and a project file whose zones are one, are refused', async () => {
    const gpkg = await endlessContentsGeoPackage();
    const error = await refusedInProcess([{ name: 'contents.gpkg', bytes: gpkg }]);
    expect(error.problems[0]!.field).toBe('gpkg_contents');
    expect(error.problems[0]!.reason.en).toMatch(/gpkg_contents is not a table of stored rows/);
    const hzw = await endlessViewProject();
    const refused = await readProjectFile(hzw, 'view.hzw').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(FormatError);
    expect((refused as FormatError).problems.map((p) => p.reason.en)).toContain(
      'The project file lacks table hzw_zones',
    );
  }, 30_000);
});
