import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerGeometry } from '../layer';
import { readDxf } from './dxfAdapter';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';
import { areaOf } from './dxfTestData.test';

/**
 * A HATCH fills by the odd-parity rule, as CAD programs draw it. GDAL takes every loop after the
 * first for a hole, even one beside or across the first (an invalid polygon); GDAL's own MakeValid
 * (GEOS) turns that into the odd-parity area, which is the reference here.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-hatch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GDAL's MakeValid of each hatch it reads: area and number of parts. */
function gdalMadeValid(path: string): { area: number; parts: number }[] {
  const out = execFileSync('ogr2ogr', ['-makevalid', '-f', 'GeoJSON', '/vsistdout/', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { features: { geometry: LayerGeometry }[] }).features.map(({ geometry }) => ({
    area: areaOf(geometry),
    parts: geometry.type === 'MultiPolygon' ? geometry.coordinates.length : 1,
  }));
}

/** Our hatch features of a drawing. */
const ours = (text: string | Uint8Array) =>
  readDxf([dxfFile(text, 'hatch.dxf')]).layers[0]!.features.filter((f) => f.properties['entity'] === 'HATCH');

/** A solid HATCH of closed polyline loops. */
function hatch(loops: [number, number][][]): Pairs {
  return [
    [0, 'HATCH'],
    [5, 'A1'],
    [8, '0'],
    [100, 'AcDbEntity'],
    [100, 'AcDbHatch'],
    [10, 0],
    [20, 0],
    [30, 0],
    [210, 0],
    [220, 0],
    [230, 1],
    [2, 'SOLID'],
    [70, 1],
    [71, 0],
    [91, loops.length],
    ...loops.flatMap((loop): Pairs => [
      [92, 2],
      [72, 0],
      [73, 1],
      [93, loop.length],
      ...loop.flatMap(([x, y]): Pairs => [
        [10, x],
        [20, y],
      ]),
      [97, 0],
    ]),
    [75, 0],
    [76, 1],
    [98, 0],
  ];
}

describe('HATCH loops', () => {
  it('ezdxf clockwise_arcs_hatch.dxf: two loops side by side are the two polygons GDAL MakeValid gives', () => {
    const path = join(__dirname, 'fixtures', 'real', 'clockwise_arcs_hatch.dxf');
    const [reference] = gdalMadeValid(path);
    const [feature] = ours(new Uint8Array(readFileSync(path)));
    expect(feature!.geometry!.type).toBe('MultiPolygon');
    expect((feature!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(reference!.parts);
    // Both linearise the arcs finely: areas within 0.1 %.
    expect(Math.abs(areaOf(feature!.geometry!) / reference!.area - 1)).toBeLessThan(1e-3);
  });

  it('two bars crossing like a plus sign, no vertex inside the other, leave the crossing empty', () => {
    const wide: [number, number][] = [[0, 40], [100, 40], [100, 60], [0, 60]]; // prettier-ignore
    const tall: [number, number][] = [[40, 0], [60, 0], [60, 100], [40, 100]]; // prettier-ignore
    const text = dxfText({ entities: hatch([wide, tall]) });
    const path = join(dir, 'plus.dxf');
    writeFileSync(path, text);
    const [reference] = gdalMadeValid(path);
    const [feature] = ours(text);
    expect(areaOf(feature!.geometry!)).toBeCloseTo(2 * 2000 - 2 * 400, 6);
    expect(areaOf(feature!.geometry!)).toBeCloseTo(reference!.area, 6);
  });

  it('an island inside its boundary stays a hole, without the overlay', () => {
    const outer: [number, number][] = [[0, 0], [100, 0], [100, 100], [0, 100]]; // prettier-ignore
    const island: [number, number][] = [[40, 40], [60, 40], [60, 60], [40, 60]]; // prettier-ignore
    const [feature] = ours(dxfText({ entities: hatch([outer, island]) }));
    expect(feature!.geometry).toMatchObject({ type: 'Polygon' });
    expect((feature!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(areaOf(feature!.geometry!)).toBeCloseTo(10000 - 400, 6);
  });
});
