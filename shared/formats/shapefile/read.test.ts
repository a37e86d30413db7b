import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedBytes } from '../layer';
import { writeZip } from '../zip/zip';
import { resolveLayer } from '../../crs/placeLayer';
import { readShapefile } from './readShapefile';
import { gdalRead, loadSet, maxDifference, ogr2ogr, sampleCollection } from './testData.test';

let dir: string;
const source = sampleCollection(12);
const expected = source.features as { properties: Record<string, unknown> }[];

function gdalWrite(base: string, args: string[]): void {
  ogr2ogr(['-f', 'ESRI Shapefile', ...args, join(dir, `${base}.shp`), join(dir, 'src.geojson')]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-shp-read-'));
  writeFileSync(join(dir, 'src.geojson'), JSON.stringify(source));
  gdalWrite('gbk', ['-lco', 'ENCODING=CP936', '-t_srs', 'EPSG:4490']);
  gdalWrite('gbknocpg', ['-lco', 'ENCODING=CP936', '-t_srs', 'EPSG:4490']);
  unlinkSync(join(dir, 'gbknocpg.cpg'));
  gdalWrite('utf8', ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:4490']);
  gdalWrite('gk28', ['-lco', 'ENCODING=CP936', '-t_srs', 'EPSG:4516']);
  gdalWrite('cm84', ['-lco', 'ENCODING=CP936', '-t_srs', 'EPSG:4537']);
  gdalWrite('lines', ['-lco', 'ENCODING=UTF-8', '-nlt', 'MULTILINESTRING', '-t_srs', 'EPSG:4490']);
  gdalWrite('points', [
    '-lco',
    'ENCODING=UTF-8',
    '-nlt',
    'POINT',
    '-dialect',
    'sqlite',
    '-sql',
    'SELECT ST_Centroid(geometry) AS geometry, * FROM src',
  ]);
  gdalWrite('gk28z', ['-lco', 'ENCODING=CP936', '-t_srs', 'EPSG:4516', '-dim', 'XYZ']);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (base: string, options = {}) => readShapefile(loadSet(dir, base), options);

describe('reading shapefiles written by GDAL', () => {
  it.each([
    ['gbk', 'gbk', 'cpg', 4490, 1e-9],
    ['gbknocpg', 'gbk', 'detected', 4490, 1e-9],
    ['utf8', 'utf-8', 'cpg', 4490, 1e-9],
    ['gk28', 'gbk', 'cpg', 4516, 1e-3],
    ['cm84', 'gbk', 'cpg', 4537, 1e-3],
    ['gk28z', 'gbk', 'cpg', 4516, 1e-3],
  ] as const)(
    '%s: same features, attributes and geometry as GDAL reads (%s from %s)',
    (base, encoding, from, epsg, tolerance) => {
      const result = read(base);
      expect(result.problems).toEqual([]);
      expect(result.info.encoding?.used).toBe(encoding);
      expect(result.info.encoding?.source).toBe(from);
      const { layer, resolution } = resolveLayer(result.layers[0]!);
      expect(resolution).toMatchObject({ source: 'prj', axisOrder: 'en' });
      expect(layer.epsg).toBe(epsg);
      // Without a .cpg GDAL itself falls back to ISO-8859-1; tell it the truth to get a reference.
      const gdal = gdalRead(join(dir, `${base}.shp`), from === 'detected' ? { SHAPE_ENCODING: 'CP936' } : {});
      expect(layer!.features).toHaveLength(gdal.length);
      expect(layer!.features).toHaveLength(12);
      let max = 0;
      layer!.features.forEach((f, i) => {
        expect(f.properties).toEqual(gdal[i]!.properties);
        expect(f.properties['名称']).toBe(expected[i]!.properties['名称']);
        max = Math.max(max, maxDifference(f.geometry, gdal[i]!.geometry));
      });
      console.info(`${base}: max coordinate difference vs GDAL ${max}`);
      expect(max).toBeLessThanOrEqual(tolerance);
      expect(layer!.fields.map((f) => [f.name, f.type])).toEqual([
        ['名称', 'string'],
        ['BSM', 'string'],
        ['MJ', 'real'],
        ['NUM', 'integer'],
        ['PDATE', 'date'],
      ]);
    },
  );

  it('assembles holes and multipolygons into GeoJSON ring order (outer counter-clockwise)', () => {
    const features = read('gbk').layers[0]!.features;
    expect(features[0]!.geometry!.type).toBe('Polygon');
    const withHoles = features[1]!.geometry!;
    expect(withHoles.type).toBe('Polygon');
    expect(withHoles.type === 'Polygon' && withHoles.coordinates.length).toBe(3);
    const multi = features[2]!.geometry!;
    expect(multi.type).toBe('MultiPolygon');
    expect(multi.type === 'MultiPolygon' && multi.coordinates.map((p) => p.length)).toEqual([2, 1]);
    // Same orientation as the RFC 7946 source: identical coordinates, no reordering.
    expect(maxDifference(multi, (source.features[2] as { geometry: never }).geometry)).toBeLessThan(1e-12);
  });

  it('reads lines and points', () => {
    const lines = read('lines').layers[0]!;
    expect(lines.features[0]!.geometry!.type).toMatch(/LineString/);
    const gdalLines = gdalRead(join(dir, 'lines.shp'));
    lines.features.forEach((f, i) =>
      expect(maxDifference(f.geometry, gdalLines[i]!.geometry)).toBeLessThan(1e-9),
    );
    const points = read('points').layers[0]!;
    expect(points.features).toHaveLength(12);
    const gdalPoints = gdalRead(join(dir, 'points.shp'));
    points.features.forEach((f, i) =>
      expect(maxDifference(f.geometry, gdalPoints[i]!.geometry)).toBeLessThan(1e-9),
    );
  });

  it('reads the same without the .shx (records walked in sequence)', () => {
    const files = loadSet(dir, 'gbk').filter((f) => !f.name.endsWith('.shx'));
    expect(readShapefile(files, {}).layers).toEqual(read('gbk').layers);
  });

  it('honours the header byte 0x4D (CP936) when there is no .cpg', () => {
    const files = loadSet(dir, 'gbknocpg').map((f) => {
      if (!f.name.endsWith('.dbf')) return f;
      const bytes = f.bytes.slice();
      bytes[29] = 0x4d;
      return { ...f, bytes };
    });
    const result = readShapefile(files, {});
    expect(result.info.encoding).toMatchObject({ used: 'gbk', source: 'header' });
    expect(result.layers[0]!.features[0]!.properties['名称']).toBe(expected[0]!.properties['名称']);
  });

  it('re-reads with the user encoding and lists the alternatives', () => {
    const wrong = read('gbk', { encoding: 'utf-8' });
    expect(wrong.info.encoding).toMatchObject({ used: 'utf-8', source: 'user' });
    expect(wrong.info.encoding!.candidates).toContain('gbk');
    expect(wrong.layers[0]!.features[0]!.properties['名称']).not.toBe(expected[0]!.properties['名称']);
    const right = read('gbknocpg', { encoding: 'CP936' });
    expect(right.info.encoding).toMatchObject({ used: 'gbk', source: 'user' });
    expect(right.layers[0]!.features[5]!.properties['名称']).toBe(expected[5]!.properties['名称']);
  });

  it('reports the .prj as evidence; the resolver decides, the planner overrides, numbers stand in', () => {
    const gk28 = read('gk28').layers[0]!;
    expect(gk28.epsg).toBeNull();
    expect(gk28.evidence?.definition?.from).toBe('.prj');
    expect(resolveLayer(gk28, { crs: 4537 }).layer.epsg).toBe(4537);
    const noPrj = readShapefile(
      loadSet(dir, 'gk28').filter((f) => !f.name.endsWith('.prj')),
      {},
    );
    expect(resolveLayer(noPrj.layers[0]!).resolution).toMatchObject({
      source: 'magnitude',
      crs: { epsg: 4516 },
    });
    const noPrjCm = readShapefile(
      loadSet(dir, 'cm84').filter((f) => !f.name.endsWith('.prj')),
      {},
    );
    const unknown = resolveLayer(noPrjCm.layers[0]!).resolution;
    expect(unknown.crs).toBeNull();
    expect(unknown.refusal?.en).toMatch(/no zone prefix/);
    expect(resolveLayer(noPrjCm.layers[0]!, { gkZone: 28 }).layer.epsg).toBe(4537);
  });

  it('reads a zip with several sets in subfolders, matching names case-insensitively', () => {
    const rename = (files: NamedBytes[], folder: string, base: string) =>
      files.map((f) => ({
        name: `${folder}/${f.name.replace(/^[^.]+/, base).replace(/\.shp$/, '.SHP')}`,
        bytes: f.bytes,
      }));
    const zip = writeZip([
      ...rename(loadSet(dir, 'gbk'), '数据/保护范围', '保护范围'),
      ...rename(loadSet(dir, 'utf8'), 'other', 'Zones'),
    ]);
    const result = readShapefile([{ name: '区划.zip', bytes: zip }], {});
    expect(result.layers.map((l) => [l.name, l.features.length])).toEqual([
      ['保护范围', 12],
      ['Zones', 12],
    ]);
    expect(result.layers[1]!.features[3]!.properties['名称']).toBe(expected[3]!.properties['名称']);
  });

  it('refuses input without a .shp or .dbf with a message naming the files', () => {
    expect(() =>
      readShapefile(
        loadSet(dir, 'gbk').filter((f) => !/\.(shp|dbf)$/.test(f.name)),
        {},
      ),
    ).toThrow(/No \.shp file found \(gbk\./);
  });

  it('reads a .dbf whose .shp is missing as its attribute table, and says the .shp is missing', () => {
    const result = readShapefile(
      loadSet(dir, 'gbk').filter((f) => !f.name.endsWith('.shp')),
      {},
    );
    expect(result.layers[0]).toMatchObject({ attributeTable: true, epsg: null });
    expect(result.layers[0]!.features.map((f) => f.properties['名称'])).toEqual(
      expected.map((f) => f.properties['名称']),
    );
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'gbk: the .shp is missing; only the attribute table (.dbf) was read',
    );
  });
});
