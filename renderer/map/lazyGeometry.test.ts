import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { square } from '../../shared/geometry/testShapes';
import { packGeometry } from '../../shared/domain/packedGeometry';
import { toMapGeometry } from './geometryConvert';
import { isPinned, lazyMapGeometry, pinGeometry } from './lazyGeometry';

const multi: ZoneGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(84.6, 44.4, 0.01), square(84.603, 44.403, 0.002)], [square(85.1, 43.9, 0.005)]],
};
const polygon: ZoneGeometry = { type: 'Polygon', coordinates: multi.coordinates[0]! };

describe('a zone’s map geometry converted only when read', () => {
  it('reads as the converted geometry: values, rings, extent, hit tests', () => {
    for (const stored of [polygon, multi]) {
      const lazy = lazyMapGeometry(packGeometry(stored)!);
      const eager = toMapGeometry(stored);
      expect(lazy).toBeInstanceOf(stored.type === 'Polygon' ? Polygon : MultiPolygon);
      expect(lazy.getFlatCoordinates()).toEqual(eager.getFlatCoordinates());
      expect(lazy.getCoordinates()).toEqual(eager.getCoordinates());
      lazy.getExtent().forEach((v, i) => expect(v).toBeCloseTo(eager.getExtent()[i]!, 6));
      const inside = fromLonLat([84.601, 44.401]);
      const inHole = fromLonLat([84.604, 44.404]);
      expect(lazy.intersectsCoordinate(inside)).toBe(true);
      expect(lazy.intersectsCoordinate(inHole)).toBe(false);
      expect(lazy.getClosestPoint(inside)).toEqual(eager.getClosestPoint(inside));
      // Reading keeps nothing: the values are the packed ones, converted again when asked, and
      // the oriented copy OpenLayers caches for hit tests is not kept either.
      expect(isPinned(lazy)).toBe(false);
      expect((lazy as unknown as { orientedFlatCoordinates_: unknown }).orientedFlatCoordinates_).toBeNull();
    }
  });

  it('keeps values that were set or changed in place as its own', () => {
    const moved = lazyMapGeometry(packGeometry(polygon)!);
    const before = moved.getFlatCoordinates().slice();
    moved.translate(100, -50);
    expect(isPinned(moved)).toBe(true);
    expect(moved.getFlatCoordinates()[0]).toBe(before[0]! + 100);
    expect(moved.getExtent()[1]).toBeCloseTo(Math.min(...before.filter((_, i) => i % 2 === 1)) - 50, 6);

    const set = lazyMapGeometry(packGeometry(polygon)!) as Polygon;
    set.setCoordinates([
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 0],
      ],
    ]);
    expect(isPinned(set)).toBe(true);
    expect(set.getExtent()).toEqual([0, 0, 10, 10]);

    const edited = lazyMapGeometry(packGeometry(multi)!);
    pinGeometry(edited);
    expect(isPinned(edited)).toBe(true);
    expect(edited.getFlatCoordinates()).toBe(edited.getFlatCoordinates());
  });

  it('clones into an ordinary geometry', () => {
    const lazy = lazyMapGeometry(packGeometry(multi)!);
    const copy = lazy.clone();
    expect(copy.getCoordinates()).toEqual(lazy.getCoordinates());
    copy.translate(1, 1);
    expect(lazy.getCoordinates()).toEqual(toMapGeometry(multi).getCoordinates());
  });
});
