import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLayer } from '../../crs/placeLayer';
import { describe, expect, it } from 'vitest';
import type { Coordinates, LayerGeometry } from '../layer';
import { area, projectedLayer } from './fixtures/projectedLayer';
import { readDxf, writeDxf } from './dxfAdapter';

/** Interoperability with GDAL's DXF driver, both directions. */
const dir = mkdtempSync(join(tmpdir(), 'hzw-dxf-'));
const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

interface GeoJsonFeature {
  properties: Record<string, unknown>;
  geometry: LayerGeometry;
}

describe('we read a DXF written by GDAL', () => {
  const E = 28_553_000;
  const N = 4_920_000;
  const source = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { Layer: '保护范围' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [E + 0.123, N + 0.456],
              [E + 100.5, N + 0.25],
              [E + 100.75, N + 80.125],
              [E + 0.123, N + 0.456],
            ],
            [
              [E + 50, N + 10],
              [E + 60, N + 30],
              [E + 70, N + 10],
              [E + 50, N + 10],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { Layer: '建设控制地带' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [E - 50, N - 50],
              [E + 200.001, N - 50],
              [E + 200.001, N + 150.999],
              [E - 50, N + 150.999],
              [E - 50, N - 50],
            ],
          ],
        },
      },
    ],
  };
  const geojson = join(dir, 'source.geojson');
  writeFileSync(geojson, JSON.stringify(source));
  const dxfPath = join(dir, 'gdal.dxf');
  run('ogr2ogr', '-f', 'DXF', dxfPath, geojson);

  it('imports every polygon within 1 mm, with its CAD layer and the zone-28 CRS', () => {
    const result = readDxf([{ name: 'gdal.dxf', bytes: new Uint8Array(readFileSync(dxfPath)) }]);
    expect(result.problems).toEqual([]);
    const polygons = result.layers[0]!.features.filter((f) => f.geometry?.type === 'Polygon');
    expect(polygons).toHaveLength(2);
    expect(polygons.map((f) => f.properties.layer)).toEqual(['保护范围', '建设控制地带']);
    expect(resolveLayer(result.layers[0]!).layer.epsg).toBe(4516);
    polygons.forEach((f, i) => {
      const ours = (f.geometry as { coordinates: Coordinates[][] }).coordinates;
      const theirs = source.features[i]!.geometry.coordinates;
      expect(ours.length).toBe(theirs.length);
      ours.forEach((ring, r) => {
        // same vertex set (the writer may start or turn the ring differently)
        for (const p of theirs[r]!) {
          const nearest = Math.min(...ring.map((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!)));
          expect(nearest).toBeLessThan(0.001);
        }
      });
    });
  });
});

describe('GDAL reads our DXF', () => {
  const zoneAreas = projectedLayer.features
    .filter((f) => f.geometry?.type !== 'LineString')
    .flatMap((f) =>
      f.geometry!.type === 'MultiPolygon'
        ? f.geometry!.coordinates.map((p) => area({ type: 'Polygon', coordinates: p }))
        : [area(f.geometry)],
    );

  // GDAL decodes by $DWGCODEPAGE even in AC1021 files, so the UTF-8 file is opened with DXF_ENCODING.
  it.each([
    ['gbk', {}],
    ['utf-8', { DXF_ENCODING: 'UTF-8' }],
  ] as const)(
    '%s: one polygon per zone part with its hole, Chinese layer names, no warnings',
    (encoding, env) => {
      const [out] = writeDxf([projectedLayer], { encoding });
      const path = join(dir, `ours-${encoding}.dxf`);
      writeFileSync(path, out!.bytes);
      const run = spawnSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(run.stderr).toBe('');
      const features = (JSON.parse(run.stdout) as { features: GeoJsonFeature[] }).features;
      // Each part's HATCH is a polygon with its holes; the part of a two-part zone is one feature each.
      const polygons = features.filter((f) => f.geometry.type === 'Polygon');
      expect(polygons.map((f) => f.properties.Layer)).toEqual(['保护范围', '建设控制地带', '建设控制地带']);
      expect(polygons.map((f) => (f.geometry as { coordinates: unknown[] }).coordinates.length)).toEqual([
        2, 1, 1,
      ]);
      polygons.forEach((f, i) => expect(Math.abs(area(f.geometry) / zoneAreas[i]! - 1)).toBeLessThan(1e-6));
      // The outlines CAD users edit: one closed polyline per ring, and the open line.
      const lines = features.filter((f) => f.geometry.type === 'LineString');
      expect(lines.map((f) => f.properties.Layer)).toEqual([
        '保护范围',
        '保护范围',
        '建设控制地带',
        '建设控制地带',
        '说明 _A_',
      ]);
    },
  );

  it('reads the vertex labels as text points on layer 界址点号', () => {
    const [out] = writeDxf([projectedLayer], { vertexLabels: true });
    const path = join(dir, 'labels.dxf');
    writeFileSync(path, out!.bytes);
    const info = run('ogrinfo', '-ro', '-al', '-q', '-where', `Layer = '界址点号'`, path);
    expect(info.match(/Text \(String\) = J\d+/g)).toHaveLength(15);
  });
});
