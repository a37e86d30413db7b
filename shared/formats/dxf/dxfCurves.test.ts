import { describe, expect, it } from 'vitest';
import type { Coordinates, LayerGeometry } from '../layer';
import { readDxf } from './dxfAdapter';
import { evaluate, type Nurbs } from './dxfNurbs';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';
import { areaOf, farthest, lengthOf } from './dxfTestData.test';

/** ELLIPSE and SPLINE: on the true curve, chords within the tolerance, closed ones as polygons. */
const read = (entities: Pairs, maxDeviation?: number) =>
  readDxf([dxfFile(dxfText({ entities }))], { maxDeviation });
const ring = (g: LayerGeometry | null) => (g as { coordinates: Coordinates[][] }).coordinates[0]!;

describe('ELLIPSE', () => {
  // a = 40, b = 15, major axis at 30°, drawn in a mirrored plane
  const a = 40;
  const b = 15;
  const t = Math.PI / 6;
  const ellipse = (extra: Pairs): Pairs => [
    [0, 'ELLIPSE'],
    [8, '0'],
    [10, 100],
    [20, 200],
    [11, a * Math.cos(t)],
    [21, a * Math.sin(t)],
    [40, b / a],
    [210, 0],
    [220, 0],
    [230, -1],
    ...extra,
  ];

  it('a full ellipse is a polygon on the ellipse, its area within the chord band of πab', () => {
    const result = read(ellipse([]));
    const g = result.layers[0]!.features[0]!.geometry!;
    expect(g.type).toBe('Polygon');
    for (const [x, y] of ring(g)) {
      const u = (x! - 100) * Math.cos(t) + (y! - 200) * Math.sin(t);
      const v = -(x! - 100) * Math.sin(t) + (y! - 200) * Math.cos(t);
      expect((u / a) ** 2 + (v / b) ** 2).toBeCloseTo(1, 9);
    }
    const exact = Math.PI * a * b;
    expect(exact - areaOf(g)).toBeGreaterThan(0);
    expect(exact - areaOf(g)).toBeLessThan(lengthOf(g) * 0.05);
  });

  it('a partial ellipse runs from its start to its end parameter, counter-clockwise about its extrusion', () => {
    const g = read(
      ellipse([
        [41, 0],
        [42, Math.PI / 2],
      ]),
    ).layers[0]!.features[0]!.geometry as { coordinates: Coordinates[] };
    const [sx, sy] = g.coordinates[0]!;
    const [ex, ey] = g.coordinates.at(-1)!;
    // Extrusion −Z: the minor axis is N × major = the major axis turned clockwise.
    expect(sx).toBeCloseTo(100 + a * Math.cos(t), 9);
    expect(sy).toBeCloseTo(200 + a * Math.sin(t), 9);
    expect(ex).toBeCloseTo(100 + b * Math.sin(t), 9);
    expect(ey).toBeCloseTo(200 - b * Math.cos(t), 9);
  });
});

describe('SPLINE', () => {
  const control: [number, number][] = [
    [0, 0],
    [30, 80],
    [90, -40],
    [140, 60],
    [200, 0],
  ];
  const knots = [0, 0, 0, 0, 0.4, 1, 1, 1, 1];
  const spline = (extra: Pairs): Pairs => [[0, 'SPLINE'], [5, 'S1'], [8, '0'], [71, 3], ...extra];
  const controlPairs: Pairs = [
    ...knots.map((k): [number, number] => [40, k]),
    ...control.flatMap(([x, y]): Pairs => [
      [10, x],
      [20, y],
      [30, 0],
    ]),
  ];

  it('keeps every chord within the tolerance of the NURBS curve', () => {
    const curve: Nurbs = {
      degree: 3,
      knots,
      control: control.map(([x, y]) => [x, y, 0]),
      weights: control.map(() => 1),
    };
    const dense: LayerGeometry = {
      type: 'LineString',
      coordinates: Array.from({ length: 20_001 }, (_, i) => evaluate(curve, i / 20_000).slice(0, 2)),
    };
    for (const tolerance of [0.05, 0.5]) {
      const g = read(spline(controlPairs), tolerance).layers[0]!.features[0]!.geometry!;
      expect(g.type).toBe('LineString');
      expect(farthest(dense, g)).toBeLessThan(tolerance * 1.01);
      expect(farthest(g, dense)).toBeLessThan(1e-3); // our vertices are on the curve
    }
  });

  it('a spline with fit points only passes through them, leaving along its start tangent', () => {
    const fit: [number, number][] = [
      [0, 0],
      [50, 40],
      [120, 10],
      [160, 70],
    ];
    const g = read(
      spline([
        ...fit.flatMap(([x, y]): Pairs => [
          [11, x],
          [21, y],
          [31, 0],
        ]),
        [12, 0],
        [22, 1],
        [32, 0],
        [13, 1],
        [23, 0],
        [33, 0],
      ]),
      1e-6,
    ).layers[0]!.features[0]!.geometry!;
    for (const p of fit) expect(farthest({ type: 'Point', coordinates: p }, g)).toBeLessThan(2e-6);
    const [p0, p1] = (g as { coordinates: Coordinates[] }).coordinates;
    expect(Math.abs(p1![0]! - p0![0]!)).toBeLessThan(0.05 * Math.abs(p1![1]! - p0![1]!)); // heads north
  });

  it('a closed spline is a polygon', () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const g = read(
      spline([
        [70, 1],
        ...square.flatMap(([x, y]): Pairs => [
          [11, x],
          [21, y],
        ]),
      ]),
    ).layers[0]!.features[0]!.geometry!;
    expect(g.type).toBe('Polygon');
    expect(areaOf(g)).toBeGreaterThan(80);
  });

  it('refuses a spline whose knots do not fit its control points, naming the counts', () => {
    const result = read(spline([...controlPairs.slice(1)]));
    expect(result.layers[0]!.features).toEqual([]);
    expect(result.problems[0]!.reason.en).toBe(
      'SPLINE (layer “0”, handle S1): 8 knots do not match 5 control points of degree 3',
    );
  });
});
