import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/formatError';
import { readReferenceLayer } from './overlapsReadReference';

const meta = { id: 'r', projectId: 'p', kind: 'ecological_red_line' as const, gkZone: 28, createdAt: '' };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const square = [
  [
    [84.49, 43.95],
    [84.5, 43.95],
    [84.5, 43.96],
    [84.49, 43.96],
    [84.49, 43.95],
  ],
];

describe('reading a reference layer through the format registry', () => {
  it('keeps polygons, skips points, labels features by a name field and projects to GK metres', async () => {
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '红线A' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { name: '点' },
          geometry: { type: 'Point', coordinates: [84.5, 43.9] },
        },
      ],
    };
    const { layer, skipped } = await readReferenceLayer({
      files: [{ name: '红线.geojson', bytes: bytes(file) }],
      meta,
    });
    expect(layer.name).toBe('红线');
    expect([layer.featureCount, skipped, layer.vertexCount]).toEqual([1, 1, 5]);
    expect(layer.labels).toEqual(['红线A']);
    // 84.49°E is east of zone 28's central meridian (84°E): easting above the 500 km false easting.
    expect(layer.gk[0]).toBeGreaterThan(500_000);
    expect(layer.gk[1]).toBeGreaterThan(4_800_000);
  });

  it('refuses a file without polygons, naming the file', async () => {
    const points = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [84, 44] } }],
    };
    await expect(
      readReferenceLayer({ files: [{ name: 'pts.geojson', bytes: bytes(points) }], meta }),
    ).rejects.toThrow(FormatError);
  });

  it('reads a county-sized layer (150 000 parcels) without overflowing the stack', async () => {
    // Regression: 100 000+ features were once spread into push(...) and the import failed with
    // "Maximum call stack size exceeded" in the bench.
    const features = Array.from({ length: 150_000 }, (_, i) => {
      const x = 84.3 + (i % 400) * 0.001;
      const y = 44.1 + Math.floor(i / 400) * 0.001;
      const ring = [
        [x, y],
        [x + 0.0008, y],
        [x + 0.0008, y + 0.0008],
        [x, y + 0.0008],
        [x, y],
      ];
      return {
        type: 'Feature',
        properties: { DKBH: `P${i}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    });
    const out = await readReferenceLayer({
      files: [{ name: 'farmland.geojson', bytes: bytes({ type: 'FeatureCollection', features }) }],
      meta: { ...meta, kind: 'permanent_basic_farmland' },
    });
    expect(out.layer.featureCount).toBe(150_000);
    expect(out.layer.vertexCount).toBe(750_000);
  }, 60_000);
});
