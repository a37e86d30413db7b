import { describe, expect, it } from 'vitest';
import { readDxf } from './dxfAdapter';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';
import { areaOf } from './dxfTestData.test';

/** Closed outlines drawn as LINE/ARC pieces become polygons; anything else stays lines. */
const E = 28_553_000;
const N = 4_920_000;
let serial = 0;
const line = (a: [number, number], b: [number, number], layer = '保护范围'): Pairs => [
  [0, 'LINE'],
  [5, `L${++serial}`],
  [8, layer],
  [10, a[0]],
  [20, a[1]],
  [11, b[0]],
  [21, b[1]],
];
const arc = (c: [number, number], r: number, from: number, to: number, layer = '保护范围'): Pairs => [
  [0, 'ARC'],
  [5, `A${++serial}`],
  [8, layer],
  [10, c[0]],
  [20, c[1]],
  [40, r],
  [50, from],
  [51, to],
];
const read = (entities: Pairs, header?: Pairs) =>
  readDxf([dxfFile(dxfText({ entities, ...(header ? { header } : {}) }))]);

describe('joining LINE and ARC pieces', () => {
  it('joins a parcel of three lines and a half circle, ends 0.4 mm apart, one piece reversed', () => {
    const result = read([
      ...line([E, N], [E + 100, N]),
      ...line([E + 100.0004, N + 60], [E + 100, N + 0.0003]), // drawn backwards
      ...arc([E + 50, N + 60], 50, 0, 180), // the north side, bulging out
      ...line([E, N + 60], [E, N]),
    ]);
    const features = result.layers[0]!.features;
    expect(features).toHaveLength(1);
    expect(features[0]!.properties).toMatchObject({ entity: 'LINE+ARC', closed: true, layer: '保护范围' });
    expect(String(features[0]!.properties.handle).split(',')).toHaveLength(4);
    const exact = 100 * 60 + (Math.PI * 50 * 50) / 2;
    expect(Math.abs(areaOf(features[0]!.geometry!) - exact) / exact).toBeLessThan(1e-3);
    expect(result.info.warnings.map((w) => w.en)).toEqual([
      '1 closed outlines assembled from 4 LINE/ARC/polyline pieces whose ends meet',
    ]);
  });

  it('leaves open chains, branches, wider gaps and other layers as lines', () => {
    const result = read([
      // an open chain
      ...line([E, N], [E + 10, N]),
      ...line([E + 10, N], [E + 10, N + 10]),
      // a loop with a branch: three ends meet at one corner
      ...line([E + 20, N], [E + 30, N]),
      ...line([E + 30, N], [E + 30, N + 10]),
      ...line([E + 30, N + 10], [E + 20, N]),
      ...line([E + 20, N], [E + 15, N - 5]),
      // a triangle with a 2 mm gap
      ...line([E + 40, N], [E + 50, N]),
      ...line([E + 50, N], [E + 50, N + 10]),
      ...line([E + 50, N + 10], [E + 40.002, N]),
      // a triangle whose last side is on another layer
      ...line([E + 60, N], [E + 70, N]),
      ...line([E + 70, N], [E + 70, N + 10]),
      ...line([E + 70, N + 10], [E + 60, N], '道路'),
    ]);
    expect(result.layers[0]!.features.map((f) => f.geometry!.type)).toEqual(Array(12).fill('LineString'));
  });

  it('measures the gap in the drawing units ($INSUNITS 4 = millimetres)', () => {
    const mm = (v: number) => v * 1000;
    const triangle = [
      ...line([mm(1), mm(1)], [mm(11), mm(1)]),
      ...line([mm(11), mm(1)], [mm(11), mm(11)]),
      ...line([mm(11), mm(11)], [mm(1) + 0.8, mm(1)]), // 0.8 mm gap
    ];
    const inMetres = read(triangle);
    const inMillimetres = read(triangle, [
      [9, '$INSUNITS'],
      [70, 4],
    ]);
    expect(inMetres.layers[0]!.features).toHaveLength(3);
    expect(inMillimetres.layers[0]!.features).toHaveLength(1);
  });

  it('joins 100 000 lines (25 000 parcels) in a few seconds', () => {
    const entities: Pairs = [];
    for (let i = 0; i < 25_000; i++) {
      const x = E + (i % 500) * 20;
      const y = N + Math.floor(i / 500) * 20;
      entities.push(
        ...line([x, y], [x + 10, y]),
        ...line([x + 10, y], [x + 10, y + 10]),
        ...line([x + 10, y + 10], [x, y + 10]),
        ...line([x, y + 10], [x, y]),
      );
    }
    const text = dxfText({ entities });
    const start = performance.now();
    const result = readDxf([dxfFile(text)]);
    const seconds = (performance.now() - start) / 1000;
    expect(result.layers[0]!.features).toHaveLength(25_000);
    expect(result.layers[0]!.features.every((f) => f.geometry!.type === 'Polygon')).toBe(true);
    expect(seconds).toBeLessThan(8);
  });
});
