import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { showsGeometry, toMapGeometry } from './geometryConvert';

const square: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [84.6, 44.4],
      [84.601, 44.4],
      [84.601, 44.401],
      [84.6, 44.401],
      [84.6, 44.4],
    ],
  ],
};

describe('whether the map already shows a stored geometry', () => {
  it('is true for the map geometry of that very outline (the projection round trip is exact to 1e-9°)', () => {
    expect(showsGeometry(toMapGeometry(square), square)).toBe(true);
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(showsGeometry(toMapGeometry(multi), multi)).toBe(true);
  });

  it('is false when one vertex moved by the smallest stored step, or the type or rings differ', () => {
    const nudged = structuredClone(square);
    nudged.coordinates[0]![2]![1] = 44.401000001;
    expect(showsGeometry(toMapGeometry(square), nudged)).toBe(false);
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(showsGeometry(toMapGeometry(square), multi)).toBe(false);
    const withHole = structuredClone(square);
    withHole.coordinates.push(square.coordinates[0]!);
    expect(showsGeometry(toMapGeometry(square), withHole)).toBe(false);
    expect(showsGeometry(undefined, square)).toBe(false);
  });
});
