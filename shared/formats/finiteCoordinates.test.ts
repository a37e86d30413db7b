import { describe, expect, it } from 'vitest';
import { coordinateFault, isFinitePosition, refuseNonFinite } from './finiteCoordinates';
import type { Layer, ReadResult } from './layer';

describe('finite coordinates', () => {
  it('accepts 2 or 3 finite numbers only', () => {
    expect(isFinitePosition([84.7, 44.4])).toBe(true);
    expect(isFinitePosition([84.7, 44.4, 1200])).toBe(true);
    for (const bad of [[Infinity, 1], [NaN, 1], [null, 1], [true, 1], ['84.7', 1], [1], 'x'])
      expect(isFinitePosition(bad)).toBe(false);
  });

  it('names the first bad position of a geometry by its place', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, Number.NaN],
      [0, 0],
    ];
    expect(
      coordinateFault({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
          ring,
        ],
      })?.en,
    ).toBe('coordinates 2.3: [1, NaN] is not a position of finite numbers');
    expect(coordinateFault({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });

  it('finds a bad value at any depth of a multipolygon, and passes good 3-D positions', () => {
    const square = [
      [0, 0, 5],
      [1, 0, 5],
      [0, 1, 5],
      [0, 0, 5],
    ];
    expect(coordinateFault({ type: 'MultiPolygon', coordinates: [[square], [square, square]] })).toBeNull();
    const broken = [square[0], square[1], 7, square[3]] as unknown as number[][];
    expect(coordinateFault({ type: 'MultiPolygon', coordinates: [[square], [square, broken]] })?.en).toBe(
      'coordinates 2.2.3: 7 is not a position of finite numbers',
    );
    const late = [...square.slice(0, 3), [0, -Infinity]];
    expect(coordinateFault({ type: 'MultiPolygon', coordinates: [[square], [late]] })?.en).toBe(
      'coordinates 2.1.4: [0, -Infinity] is not a position of finite numbers',
    );
  });

  it('takes refused features out of the layers and lists them with their index', () => {
    const layer: Layer = {
      name: 't',
      epsg: 4326,
      fields: [],
      features: [
        { geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} },
        { geometry: { type: 'Point', coordinates: [Infinity, 2] }, properties: {} },
        { geometry: null, properties: {} },
      ],
    };
    const read: ReadResult = { layers: [layer], problems: [], info: { format: 't', warnings: [] } } as never;
    const result = refuseNonFinite(read);
    expect(result.layers[0]!.features).toHaveLength(2);
    expect(result.problems).toEqual([expect.objectContaining({ index: 1, field: 'geometry' })]);
  });
});
