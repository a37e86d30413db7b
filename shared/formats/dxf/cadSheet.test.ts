import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../../crs/placeLayer';
import { BudgetError } from '../budgets';
import { FormatError } from '../formatError';
import type { LayerGeometry } from '../layer';
import { readCadSheet, type PackedCad } from './cadSheet';
import { dxfText, type Pairs } from './fixtures/dxfBuilder';
import { largeSheetDxf, SHEET_LAYERS, surveySheetDxf, TEMPLE_NAME, WALL } from './fixtures/surveySheet';
import { onDisk, readWithGdal, type GdalFeature } from './dxfTestData.test';

/**
 * A CAD sheet read as a background, against GDAL 3.6 reading the same file: the same parts (each
 * line, ring and point of every feature) per CAD layer, the same labels, and every GDAL vertex on
 * one of our parts. GDAL reprojects GK zone 28 to lon/lat itself (ogr2ogr -s_srs/-t_srs), so the
 * resolver's decision is checked too.
 */
const isLabel = (f: GdalFeature) => typeof f.properties['Text'] === 'string' && f.geometry?.type === 'Point';

function gdalParts(features: GdalFeature[]): Map<string, number> {
  const byLayer = new Map<string, number>();
  for (const f of features) {
    if (isLabel(f) || !f.geometry) continue;
    const layer = String(f.properties['Layer']);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + partsOf(f.geometry).length);
  }
  return byLayer;
}

const ourParts = (sheet: PackedCad) =>
  new Map(sheet.layers.filter((l) => l.parts > 0).map((l) => [l.name, l.parts] as const));

function segmentDistance(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
  return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
}

/** Farthest distance from a GDAL part's vertices to the nearest of our parts (lon/lat degrees). */
function worstVertex(sheet: PackedCad, geometry: LayerGeometry): number {
  let worst = 0;
  for (const part of partsOf(geometry)) {
    let best = Infinity;
    for (let p = 0; p + 1 < sheet.partStarts.length; p++) {
      const [v0, v1] = [sheet.partStarts[p]!, sheet.partStarts[p + 1]!];
      const at = (v: number) => [sheet.lonLat[2 * v]!, sheet.lonLat[2 * v + 1]!];
      let partWorst = 0;
      for (const q of part) {
        let d = v1 - v0 === 1 ? Math.hypot(q[0]! - at(v0)[0]!, q[1]! - at(v0)[1]!) : Infinity;
        for (let v = v0; v + 1 < v1; v++) d = Math.min(d, segmentDistance(q, at(v), at(v + 1)));
        partWorst = Math.max(partWorst, d);
      }
      best = Math.min(best, partWorst);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

/** `tolerance` for labels and straight lines; curves add the chord deviation of both readers. */
function compareWithGdal(sheet: PackedCad, gdal: GdalFeature[], tolerance: number, curves = tolerance) {
  expect(ourParts(sheet)).toEqual(gdalParts(gdal));
  const gdalLabels = gdal.filter(isLabel);
  expect(sheet.labels.text.slice().sort()).toEqual(
    gdalLabels.map((f) => String(f.properties['Text'])).sort(),
  );
  for (const f of gdalLabels) {
    const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
    let nearest = Infinity;
    sheet.labels.text.forEach((text, i) => {
      if (text !== f.properties['Text']) return;
      const d = Math.hypot(sheet.labels.lonLat[2 * i]! - x!, sheet.labels.lonLat[2 * i + 1]! - y!);
      nearest = Math.min(nearest, d);
    });
    expect(nearest).toBeLessThan(tolerance);
  }
  for (const f of gdal) {
    if (isLabel(f) || !f.geometry) continue;
    // GDAL steps curves by 0.25°, so a part of fewer than ten vertices has no curve in it.
    const straight = partsOf(f.geometry).every((part) => part.length < 10);
    expect(worstVertex(sheet, f.geometry)).toBeLessThan(straight ? tolerance : curves);
  }
}

describe('CAD sheet as a background', () => {
  it('a GK zone 28 survey sheet: parts, labels and positions as GDAL reprojects them', () => {
    const bytes = surveySheetDxf();
    const out = readCadSheet({ name: 'survey.dxf', bytes });
    expect(out.crs.epsg).toBe(4516);
    expect(out.encoding).toBe('gbk');
    const gdal = readWithGdal(onDisk(bytes), { DXF_ENCODING: 'CP936' });
    const reprojected = execFileSync(
      'ogr2ogr',
      ['-f', 'GeoJSON', '-s_srs', 'EPSG:4516', '-t_srs', 'EPSG:4490', '/vsistdout/', onDisk(bytes)].concat(
        ['--config', 'OGR_ARC_STEPSIZE', '0.25', '--config', 'DXF_MERGE_BLOCK_GEOMETRIES', 'FALSE'],
        ['--config', 'DXF_ENCODING', 'CP936'],
      ),
      { encoding: 'utf8' },
    );
    const lonLat = (JSON.parse(reprojected) as { features: GdalFeature[] }).features;
    expect(lonLat).toHaveLength(gdal.length);
    // 1e-7° is about 1 cm; the arcs of both sides are within 5 cm of the true curve.
    compareWithGdal(
      out.sheet,
      lonLat.map((f, i) => ({ ...f, properties: gdal[i]!.properties })),
      1e-8,
      6e-7,
    );
    expect(out.sheet.labels.text).toEqual(expect.arrayContaining([TEMPLE_NAME, '东墙']));
    // Layers carry their table colours; the wall's vertices are exactly the polyline's.
    const wall = out.sheet.layers.findIndex((l) => l.name === SHEET_LAYERS.wall[0]);
    expect(out.sheet.layers[wall]).toMatchObject({ aci: 1, rgb: 0xff0000, parts: 1 });
    const p = out.sheet.partLayer.indexOf(wall);
    expect(out.sheet.partStarts[p + 1]! - out.sheet.partStarts[p]!).toBe(WALL.length);
    const gk = execFileSync('cs2cs', ['-f', '%.10f', 'EPSG:4516', 'EPSG:4490'], {
      input: WALL.map(([e, n]) => `${n} ${e}`).join('\n'),
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/).map(Number));
    gk.forEach(([lat, lon], k) => {
      const v = out.sheet.partStarts[p]! + k;
      expect(Math.abs(out.sheet.lonLat[2 * v]! - lon!)).toBeLessThan(1e-9);
      expect(Math.abs(out.sheet.lonLat[2 * v + 1]! - lat!)).toBeLessThan(1e-9);
    });
  });

  const REAL = [
    'text-block-transform.dxf',
    'utf-8.dxf',
    'hatch.dxf',
    'insert_only.dxf',
    'block-insert-order.dxf',
    'block-basepoint.dxf',
    'LWPOLYLINE-OCS.dxf',
    'ellipse_z_extrusion_minus_1.dxf',
    'spline_qcad.dxf',
    'text-fancy.dxf',
    'multi_insert_with_attribs.dxf',
  ];
  it.each(REAL)('third-party %s: the parts and labels GDAL reads, where GDAL reads them', (file) => {
    const path = join(__dirname, 'fixtures', 'real', file);
    // Taken as lon/lat CGCS2000 in GIS order, the packed positions are the drawing's own numbers.
    const bytes = new Uint8Array(readFileSync(path));
    const out = readCadSheet({ name: file, bytes, crs: 4490, axisOrder: 'en' });
    // GDAL 3.6 decodes utf-8.dxf's layer name as Latin-1 (see dxfRealFiles.test.ts): tell it.
    const gdal = readWithGdal(path, file === 'utf-8.dxf' ? { DXF_ENCODING: 'UTF-8' } : {});
    // Straight parts within 1e-6 drawing units; curves within both readers' chord deviation (0.05).
    compareWithGdal(out.sheet, gdal, 1e-6, 0.051);
  });

  it('reports progress every 10 000 entities and reads a 30 000-entity sheet', () => {
    const seen: number[] = [];
    const out = readCadSheet({ name: 'big.dxf', bytes: largeSheetDxf(30_000) }, (f) => seen.push(f));
    expect(out.entities).toBe(30_000);
    expect(out.sheet.labels.text).toHaveLength(10_000);
    expect(out.sheet.partStarts.length - 1).toBe(20_000);
    expect(seen.filter((f) => f > 0.15 && f < 0.9).length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('refuses hostile sheets with the file and the reason', () => {
    const circles: Pairs = Array.from({ length: 700 }, (_, i): Pairs => [
      [0, 'CIRCLE'],
      [8, '0'],
      [10, 28_556_000 + i],
      [20, 4_925_000],
      [40, 1e9],
    ]).flat();
    const huge = new TextEncoder().encode(dxfText({ entities: circles }));
    expect(() => readCadSheet({ name: 'bomb.dxf', bytes: huge })).toThrow(BudgetError);
    expect(() => readCadSheet({ name: 'bomb.dxf', bytes: huge })).toThrow(/bomb\.dxf.*2,000,000 vertices/);
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(() => readCadSheet({ name: 'photo.dxf', bytes: garbage })).toThrow(FormatError);
    const nothing = new TextEncoder().encode(dxfText({ entities: [] }));
    expect(() => readCadSheet({ name: 'empty.dxf', bytes: nothing })).toThrow(/no linework or text/);
  });

  it('a nested block bomb is not expanded past the block limit, and says so', () => {
    const inserts = (name: string): Pairs =>
      Array.from({ length: 120 }, (_, i): Pairs => [
        [0, 'INSERT'],
        [8, '0'],
        [2, name],
        [10, i],
        [20, 0],
      ]).flat();
    const bytes = new TextEncoder().encode(
      dxfText({
        blocks: [
          {
            name: 'A',
            entities: [
              [0, 'LINE'],
              [8, '0'],
              [10, 0],
              [20, 0],
              [11, 1],
              [21, 1],
            ],
          },
          { name: 'B', entities: inserts('A') },
          { name: 'C', entities: inserts('B') },
          { name: 'D', entities: inserts('C') },
        ],
        entities: [...inserts('D').slice(0, 5), [0, 'LINE'], [8, '0'], [10, 0], [20, 0], [11, 2], [21, 2]],
      }),
    );
    const out = readCadSheet({ name: 'blocks.dxf', bytes, crs: 4490 });
    expect(out.warnings.map((w) => w.en).join(' ') + out.problems.map((p) => p.en).join(' ')).toMatch(
      /limit/,
    );
  });
});
