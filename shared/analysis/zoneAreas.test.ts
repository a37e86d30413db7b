import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../domain/geometry';
import { packGeometry } from '../domain/packedGeometry';
import { ellipsoidalArea } from '../geometry/area';
import { zoneAreas } from './zoneAreas';

const square = (lon: number, lat: number, d: number): ZoneGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

describe('zone areas for the attribute table', () => {
  it('gives each zone its geodesic area, whether sent packed (the page) or nested', () => {
    const a = square(84.6, 44.4, 0.01);
    const b = square(120.1, 30.2, 0.002);
    const areas = zoneAreas([{ geometry: packGeometry(a)! }, { geometry: b }]);
    expect(areas).toEqual([ellipsoidalArea(a), ellipsoidalArea(b)]);
    // About 0.01° × 0.01° at 44.4° N: 1.11 km × 0.80 km.
    expect(areas[0]! / 1e6).toBeCloseTo(0.886, 2);
  });
});
