import { describe, expect, it } from 'vitest';
import type { Layer, LayerGeometry } from '../layer';
import { FormatError } from '../formatError';
import { decodeGeometry, encodeGeometry } from './geometryBlob';
import { readGeoPackage } from './readGeoPackage';
import { writeGeoPackage } from './writeGeoPackage';
import { openDatabase, queryRows } from './sqlite';
import { resolveLayer } from '../../crs/placeLayer';

export const SAMPLE_LAYER: Layer = {
  name: '保护范围',
  epsg: 4490,
  fields: [
    { name: '名称', type: 'string' },
    { name: 'level', type: 'integer' },
    { name: 'area', type: 'real' },
    { name: 'approved', type: 'boolean' },
    { name: 'date', type: 'date' },
  ],
  features: [
    {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [81.1234567, 43.1],
            [81.2, 43.1],
            [81.2, 43.2],
            [81.1234567, 43.1],
          ],
        ],
      },
      properties: { 名称: '喀拉峻墓群', level: 2, area: 12.5, approved: true, date: '2020-01-02' },
    },
    {
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [82, 44],
              [82.1, 44],
              [82.1, 44.1],
              [82, 44],
            ],
          ],
        ],
      },
      properties: { 名称: '阿克塔斯古城', level: null, area: null, approved: false, date: null },
    },
  ],
};

describe('GeoPackage geometry blobs', () => {
  it('round-trips every geometry type exactly', () => {
    const shapes: LayerGeometry[] = [
      { type: 'Point', coordinates: [1.5, -2.25] },
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      {
        type: 'MultiPoint',
        coordinates: [
          [0, 0],
          [2, 3],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [2, 2],
            [3, 3],
          ],
        ],
      },
      SAMPLE_LAYER.features[0]!.geometry!,
      SAMPLE_LAYER.features[1]!.geometry!,
    ];
    for (const shape of shapes) expect(decodeGeometry(encodeGeometry(shape, 4490)).geometry).toEqual(shape);
  });

  it('refuses bytes that are not a GeoPackage blob', () => {
    expect(() => decodeGeometry(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(/not a GeoPackage/);
    const cut = encodeGeometry(SAMPLE_LAYER.features[0]!.geometry!, 4490).slice(0, 60);
    expect(() => decodeGeometry(cut)).toThrow();
  });

  it('refuses a few bytes of arcs that would linearise into millions of vertices, quickly', () => {
    // A CircularString of 400 full circles of 1 000 km radius: 3 600 chords each at 5 cm.
    const arcs = 400;
    const blob = new DataView(new ArrayBuffer(8 + 9 + (2 * arcs + 1) * 16));
    blob.setUint8(0, 0x47);
    blob.setUint8(1, 0x50);
    blob.setUint8(3, 0b0000_0001); // little-endian, no envelope
    blob.setUint8(8, 1);
    blob.setUint32(9, 8, true); // CircularString
    blob.setUint32(13, 2 * arcs + 1, true);
    for (let i = 0; i <= 2 * arcs; i++) blob.setFloat64(17 + i * 16, i % 2 ? 2e6 : 0, true);
    const start = performance.now();
    expect(() => decodeGeometry(new Uint8Array(blob.buffer))).toThrow(/more than 1000000 vertices/);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('GeoPackage files', () => {
  it('round-trip layers with Chinese attributes, types and CRS', async () => {
    const bytes = await writeGeoPackage([SAMPLE_LAYER]);
    const result = await readGeoPackage(bytes, 'x.gpkg');
    expect(result.problems).toEqual([]);
    const [layer] = result.layers;
    expect(layer!.name).toBe('保护范围');
    expect(resolveLayer(layer!).layer.epsg).toBe(4490);
    expect(layer!.fields.map((f) => [f.name, f.type])).toEqual(
      SAMPLE_LAYER.fields.map((f) => [f.name, f.type]),
    );
    expect(layer!.features.map((f) => f.properties)).toEqual(SAMPLE_LAYER.features.map((f) => f.properties));
    // Mixed Polygon/MultiPolygon is written as one MULTIPOLYGON column.
    expect(layer!.features[0]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [(SAMPLE_LAYER.features[0]!.geometry as { coordinates: number[][][] }).coordinates],
    });
  });

  it('carries the GeoPackage header fields and required SRS rows', async () => {
    const db = await openDatabase(await writeGeoPackage([SAMPLE_LAYER]));
    expect(queryRows(db, 'PRAGMA application_id')[0]).toEqual({ application_id: 0x47504b47 });
    expect(queryRows(db, 'PRAGMA user_version')[0]).toEqual({ user_version: 10300 });
    const srs = queryRows(db, 'SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').map((r) => r.srs_id);
    expect(srs).toEqual([-1, 0, 4326, 4490]);
    db.close();
  });

  it('refuses what is not a GeoPackage with a specific message', async () => {
    await expect(readGeoPackage(new TextEncoder().encode('{"type":"x"}'), 'a.gpkg')).rejects.toThrow(
      /Not a SQLite/,
    );
    const bytes = await writeGeoPackage([SAMPLE_LAYER]);
    await expect(readGeoPackage(bytes.slice(0, 4096), 'cut.gpkg')).rejects.toThrow(/truncated/);
    const empty = await openDatabase();
    empty.run('CREATE TABLE t (a)');
    await expect(readGeoPackage(empty.export(), 'plain.sqlite')).rejects.toBeInstanceOf(FormatError);
  });
});
