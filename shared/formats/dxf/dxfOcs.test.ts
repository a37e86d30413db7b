import { describe, expect, it } from 'vitest';
import { resolveLayer } from '../../crs/placeLayer';
import { readDxf } from './dxfAdapter';
import { applyAffine, ocsToWcs, type Vec3 } from './dxfOcs';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';
import { areaOf, familyCounts, onDisk, pairFeatures, readWithGdal } from './dxfTestData.test';

/**
 * Entities in an object coordinate system: a survey drawing mirrored in CAD (extrusion 0,0,−1,
 * so OCS x = −easting) and one drawn on a tilted plane must land where GDAL puts them.
 */
const E0 = 28_553_000;
const N0 = 4_920_000;
const MIRRORED: Pairs = [
  [210, 0],
  [220, 0],
  [230, -1],
];
const TILTED: Pairs = [
  [210, 0],
  [220, 0.6],
  [230, 0.8],
];

const drawing = dxfText({
  blocks: [
    {
      name: 'SQ',
      base: [5, 5],
      entities: [
        [0, 'LWPOLYLINE'],
        [8, '0'],
        [90, 4],
        [70, 1],
        ...[
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ].flatMap(([x, y]): Pairs => [
          [10, x!],
          [20, y!],
        ]),
        [0, 'ARC'],
        [8, '0'],
        [10, 5],
        [20, 5],
        [40, 5],
        [50, 0],
        [51, 90],
      ],
    },
  ],
  entities: [
    [0, 'CIRCLE'],
    [5, 'C1'],
    [8, 'BHFW'],
    [10, -(E0 + 50)],
    [20, N0 + 50],
    [30, 0],
    [40, 25],
    ...MIRRORED,
    [0, 'ARC'],
    [5, 'A1'],
    [8, 'BHFW'],
    [10, -(E0 + 100)],
    [20, N0],
    [40, 30],
    [50, 10],
    [51, 100],
    ...MIRRORED,
    [0, 'LWPOLYLINE'],
    [5, 'P1'],
    [8, 'BHFW'],
    [90, 4],
    [70, 1],
    [38, 5],
    [10, -(E0 + 300)],
    [20, N0],
    [42, 0.4],
    [10, -(E0 + 400)],
    [20, N0],
    [10, -(E0 + 400)],
    [20, N0 + 80],
    [10, -(E0 + 300)],
    [20, N0 + 80],
    ...MIRRORED,
    [0, 'INSERT'],
    [5, 'I1'],
    [8, 'BHFW'],
    [2, 'SQ'],
    [10, -(E0 + 200)],
    [20, N0 + 200],
    [30, 0],
    [41, 2],
    [42, -1.5],
    [50, 30],
    ...MIRRORED,
    [0, 'TEXT'],
    [5, 'T1'],
    [8, 'BHFW'],
    [10, -E0],
    [20, N0],
    [40, 2.5],
    [1, '保护范围'],
    [50, 30],
    ...MIRRORED,
    [0, 'ARC'],
    [5, 'A2'],
    [8, 'TILT'],
    [10, 40],
    [20, 30],
    [30, 7],
    [40, 12],
    [50, 200],
    [51, 20],
    ...TILTED,
  ],
});

describe('object coordinate systems', () => {
  it('the arbitrary axis algorithm mirrors x for extrusion 0,0,−1 and keeps +Z as is', () => {
    expect(applyAffine(ocsToWcs([0, 0, -1]), [3, 4, 5])).toEqual([-3, 4, -5]);
    expect(applyAffine(ocsToWcs([0, 0, 1]), [3, 4, 5])).toEqual([3, 4, 5]);
    // A tilted plane keeps lengths (the map is a rotation).
    const p = applyAffine(ocsToWcs([0, 0.6, 0.8]), [3, 4, 0]);
    expect(Math.hypot(...(p as Vec3))).toBeCloseTo(5, 12);
  });

  it('a mirrored survey drawing lands on its eastings, not 57 million units west', () => {
    const result = readDxf([dxfFile(drawing)], { joinLines: false });
    const circle = result.layers[0]!.features.find((f) => f.properties.handle === 'C1')!;
    const ring = (circle.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const cx = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    expect(cx).toBeGreaterThan(E0 + 49);
    expect(cx).toBeLessThan(E0 + 51);
    expect(resolveLayer(result.layers[0]!).layer.epsg).toBe(4516);
  });

  it('mirrored circle, arc, bulged polyline, insert and text, and a tilted arc, land where GDAL puts them', () => {
    const path = onDisk(drawing);
    const ours = readDxf([dxfFile(drawing)], { joinLines: false, maxDeviation: 1e-4 }).layers[0]!.features;
    const gdal = readWithGdal(path);
    expect(familyCounts(ours.map((f) => f.geometry))).toEqual(familyCounts(gdal.map((f) => f.geometry)));
    const { pairs, unpairedGdal, unpairedOurs } = pairFeatures(gdal, ours);
    expect(unpairedGdal).toEqual([]);
    expect(unpairedOurs).toEqual([]);
    expect(pairs).toHaveLength(7);
    for (const p of pairs) {
      const what = String(p.ours.properties.handle);
      expect(p.gdalToOurs, what).toBeLessThan(1e-3);
      if (p.gdal.geometry!.type === 'Polygon')
        expect(Math.abs(areaOf(p.ours.geometry!) / areaOf(p.gdal.geometry!) - 1), what).toBeLessThan(1e-4);
    }
    const text = pairs.find((p) => p.ours.properties.handle === 'T1')!;
    expect(text.ours.geometry).toEqual({ type: 'Point', coordinates: [E0, N0] });
    // Mirrored text reads from east to west: its baseline turns to 180° − 30°.
    expect(text.ours.properties).toMatchObject({ text: '保护范围', text_height: 2.5, rotation: 150 });
  });
});
