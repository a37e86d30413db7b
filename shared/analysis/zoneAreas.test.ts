import { describe, expect, it } from 'vitest';
import { packGeometry } from '../domain/packedGeometry';
import { ellipsoidalArea } from '../geometry/area';
import { polygon, square } from '../geometry/testShapes';
import { zoneAreas } from './zoneAreas';

describe('zone areas for the attribute table', () => {
  it('gives each zone its geodesic area, whether sent packed (the page) or nested', () => {
    const a = polygon(square(84.6, 44.4, 0.01));
    const b = polygon(square(120.1, 30.2, 0.002));
    const areas = zoneAreas([{ geometry: packGeometry(a)! }, { geometry: b }]);
    expect(areas).toEqual([ellipsoidalArea(a), ellipsoidalArea(b)]);
    // About 0.01° × 0.01° at 44.4° N: 1.11 km × 0.80 km.
    expect(areas[0]! / 1e6).toBeCloseTo(0.886, 2);
  });
});
