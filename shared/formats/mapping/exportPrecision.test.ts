import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geometry/area';
import { buildWusuSample } from '../../sample/buildSample';
import type { ExportFormatId } from './types';
import { defaultDecimals } from './exportDefaults';
import { writeExport } from './writeExport';

/** MJ (written from the geometry as written) against GDAL's ellipsoidal area of that geometry. */
async function mjAgainstGdal(format: ExportFormatId, decimals?: number) {
  const document = { ...buildWusuSample(), settings: { ...buildWusuSample().settings, xzqdm: '654202' } };
  const out = await writeExport({
    document,
    options: { format, profile: 'lswhbhx', ...(decimals !== undefined ? { decimals } : {}) },
  });
  const dir = mkdtempSync(join(tmpdir(), 'hzw-precision-'));
  const file = out.files[0]!;
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  const source = path.endsWith('.zip') ? `/vsizip/${path}` : path;
  const geometry = format === 'geopackage' ? 'geom' : 'geometry';
  const layer = /^1: (.+?) \(/m.exec(ogr([source]))![1]!;
  const answer = ogr([
    '-dialect',
    'sqlite',
    '-sql',
    `SELECT BZ, MJ, ST_Area(${geometry}, 1) AS a FROM "${layer}"`,
    '-q',
    source,
  ]);
  const rows = [
    ...answer.matchAll(/BZ \(String\) = (.*)\n\s+MJ \(Real\) = ([\d.]+)\n\s+a \(Real\) = ([\d.e+-]+)/g),
  ];
  // LSWHBHX holds every zone of the sample but the bodies (all single-part).
  expect(rows).toHaveLength(document.zones.filter((z) => z.attributes.zoneType !== 'body').length);
  return rows.map((m) => ({ zone: m[1]!, mj: Number(m[2]), gdal: Number(m[3]) }));
}

const ogr = (args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
const relative = (a: number, b: number) => Math.abs(a - b) / b;

describe('export coordinate precision', () => {
  it('defaults per format: RFC 7946 GeoJSON 7, other lon/lat 9, projected 3 (text) or 4 (binary)', () => {
    expect(defaultDecimals('geojson', 4490)).toBe(7);
    for (const f of ['shapefile', 'geopackage', 'kml', 'kmz'] as const)
      expect(defaultDecimals(f, 4490)).toBe(9);
    expect(defaultDecimals('kml', 4326)).toBe(9);
    for (const f of ['dxf', 'geojson-projected', 'csv', 'xlsx', 'coordinate-txt'] as const)
      expect(defaultDecimals(f, 4516)).toBe(3);
    expect(defaultDecimals('shapefile', 4516)).toBe(4);
    expect(defaultDecimals('geopackage', 4537)).toBe(4);
  });

  it.each(['shapefile', 'geopackage'] as const)(
    '%s by default: MJ and GDAL agree within 0.01 % for every zone, and MJ matches the project',
    async (format) => {
      const rows = await mjAgainstGdal(format);
      const sample = buildWusuSample();
      const areas = sample.zones.map((z) => ellipsoidalArea(z.geometry));
      let worst = 0;
      for (const row of rows) {
        worst = Math.max(worst, relative(row.mj, row.gdal));
        expect(relative(row.mj, row.gdal), row.zone).toBeLessThan(1e-4);
        // MJ is rounded to 0.01 m²; the project's own area is one of the sample's.
        expect(Math.min(...areas.map((a) => relative(row.mj, a))), row.zone).toBeLessThan(1e-4);
      }
      expect(worst).toBeLessThan(1e-4);
    },
  );

  it('even with coarse rounding asked for, MJ is the area of the geometry as written', async () => {
    for (const row of await mjAgainstGdal('shapefile', 6))
      expect(relative(row.mj, row.gdal), row.zone).toBeLessThan(1e-4);
  });
});
