import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryDocument } from '../../shared/formats/mapping/deliveryFixture';
import { writeExport } from '../../shared/formats/mapping/writeExport';
import { writeProjectFile } from '../../shared/formats/projectFile';
import type { ProjectDocument } from '../../shared/formats/projectDocument';

const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });
const ogr = (args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });

/** The delivery fixture with its CCZ as sub-area 2 (a spike and no XZQDM when asked). */
function project(flawed: boolean): ProjectDocument {
  const document = deliveryDocument(flawed ? { spike: true, settings: { xzqdm: '' } } : {});
  const ccz = document.zones.find((z) => z.id === 'z-ccz')!;
  ccz.attributes = { ...ccz.attributes, subZoneNo: 2 };
  return document;
}

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-doc-'));
  for (const flawed of [false, true])
    writeFileSync(
      join(dir, flawed ? 'flawed.hzw' : 'wusu.hzw'),
      await writeProjectFile(project(flawed), { generator: 'test' }),
    );
  expect(hzw('--help').status).toBe(0);
}, 180_000);

describe('hzw convert from a project file writes what the app writes', () => {
  it('.dxf needs no --to-crs: closed polylines in the project zone 28 with the prefix', () => {
    const run = hzw('convert', join(dir, 'wusu.hzw'), join(dir, 'wusu.dxf'));
    expect(run.stderr).not.toMatch(/to-crs/);
    expect(run.status).toBe(0);
    const sql = 'SELECT ST_MinX(geometry) AS minx, ST_MinY(geometry) AS miny FROM entities';
    const out = ogr(['-q', '-dialect', 'sqlite', '-sql', sql, join(dir, 'wusu.dxf')]);
    const xs = [...out.matchAll(/minx \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThanOrEqual(5);
    for (const x of xs) expect(Math.floor(x / 1e6)).toBe(28);
  });

  it('.txt: the same bytes as the app export, with 用途 and the sub-area suffix', async () => {
    const run = hzw('convert', join(dir, 'wusu.hzw'), join(dir, 'wusu.txt'));
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'wusu.txt'));
    const app = await writeExport({ document: project(false), options: { format: 'coordinate-txt' } });
    expect(new Uint8Array(bytes)).toEqual(app.files[0]!.bytes);
    const text = new TextDecoder('gbk').decode(bytes);
    expect(text).toContain('带号=28');
    const parcels = text.split('\r\n').filter((l) => l.endsWith(',@'));
    expect(parcels).toHaveLength(6); // the protection range in two parts
    expect(parcels.find((l) => l.includes('巴音沟承化寺（2）'))).toMatch(/,面,,建设控制地带,,@$/);
    expect(parcels.filter((l) => /,保护范围,,@$/.test(l))).toHaveLength(2);
  });

  it('.csv and .xlsx default to the prefixed zone too', () => {
    expect(hzw('convert', join(dir, 'wusu.hzw'), join(dir, 'wusu.csv')).status).toBe(0);
    const rows = readFileSync(join(dir, 'wusu.csv'), 'utf8').trim().split('\r\n').slice(1);
    for (const row of rows) expect(Math.floor(Number(row.split(',')[3]) / 1e6)).toBe(28);
    expect(hzw('convert', join(dir, 'wusu.hzw'), join(dir, 'wusu.xlsx')).status).toBe(0);
    const sheet = ogr(['-oo', 'HEADERS=FORCE', join(dir, 'wusu.xlsx'), '界址点坐标']);
    expect(sheet).toMatch(/\(Real\) = 28\d{6}\.\d+/);
  });

  it('--profile lswhbhx prints the pre-delivery findings, and --strict refuses with them', () => {
    const zip = join(dir, 'lswhbhx.zip');
    const run = hzw('convert', join(dir, 'flawed.hzw'), zip, '--profile', 'lswhbhx');
    expect(run.status, run.stderr).toBe(0);
    const checks = run.stderr.split('\n').filter((l) => l.includes('pre-delivery check'));
    expect(checks).toHaveLength(3);
    expect(run.stderr).toMatch(/pre-delivery check: .*spike/);
    expect(run.stderr).toMatch(/pre-delivery check: .*2 parts/);
    expect(run.stderr).toMatch(/pre-delivery check: 3 zones have no administrative code/);
    expect(ogr(['-so', '-al', `/vsizip/${zip}`])).toMatch(/Feature Count: 4/);

    const strict = join(dir, 'strict.zip');
    const refused = hzw('convert', join(dir, 'flawed.hzw'), strict, '--profile', 'lswhbhx', '--strict');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused/);
    expect(refused.stderr).toMatch(/shape\.spike: .*spike/);
    expect(existsSync(strict)).toBe(false);
    expect(hzw('convert', join(dir, 'wusu.hzw'), strict, '--profile', 'lswhbhx', '--strict').status).toBe(0);
  });
});
