import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../domain/geometry';
import { locateInPolygon, locatePoint, pointInPolygon } from './pointInPolygon';
import { square } from './testShapes';

describe('point in polygon', () => {
  const withHole = [square(0, 0, 10), square(3, 3, 4).reverse()];

  it('tells inside, boundary and outside apart, holes included', () => {
    expect(locateInPolygon([1, 1], withHole)).toBe('inside');
    expect(locateInPolygon([5, 5], withHole)).toBe('outside');
    expect(locateInPolygon([3, 5], withHole)).toBe('boundary');
    expect(locateInPolygon([0, 5], withHole)).toBe('boundary');
    expect(locateInPolygon([10, 10], withHole)).toBe('boundary');
    expect(locateInPolygon([11, 5], withHole)).toBe('outside');
    expect(locateInPolygon([1, 1], [])).toBe('outside');
  });

  it('covers boundary points and any part of a MultiPolygon', () => {
    const geometry: ZoneGeometry = { type: 'MultiPolygon', coordinates: [withHole, [square(4, 4, 2)]] };
    expect(locatePoint([5, 5], geometry)).toBe('inside');
    expect(locatePoint([3.5, 3.5], geometry)).toBe('outside');
    expect(pointInPolygon([3, 3], geometry)).toBe(true);
    expect(pointInPolygon([20, 20], geometry)).toBe(false);
  });
});
