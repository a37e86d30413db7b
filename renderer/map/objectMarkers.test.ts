import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type VectorSource from 'ol/source/Vector';
import { describe, expect, it } from 'vitest';
import type { ProtectedObject } from '../../shared/domain/schema';
import { ObjectMarkers } from './objectMarkers';
import type { ZoneLayers } from './zoneLayers';

const object = (id: string, name: string, point: [number, number]) =>
  ({ id, attributes: { name, representativePoint: point } }) as unknown as ProtectedObject;
const noZones = { sources: [] } as unknown as ZoneLayers;

function markers() {
  let source: VectorSource | null = null;
  const m = new ObjectMarkers({
    addLayer: (layer: { getSource(): VectorSource }) => (source = layer.getSource()),
  } as unknown as OlMap);
  const features = () => new Map(source!.getFeatures().map((f: Feature) => [String(f.get('name')), f]));
  return { m, features };
}

describe('object markers', () => {
  it('are patched by object: an unchanged marker stays the same feature, a renamed or moved one changes, a gone one goes', () => {
    const { m, features } = markers();
    m.sync(
      [
        object('a', '古城墙', [84.6, 44.4]),
        object('b', '承化寺', [84.7, 44.4]),
        object('c', '喇嘛庙', [84.8, 44.4]),
      ],
      noZones,
    );
    const before = features();
    expect([...before.keys()].sort()).toEqual(['喇嘛庙', '古城墙', '承化寺'].sort());
    m.sync([object('a', '古城墙', [84.6, 44.4]), object('b', '巴音沟承化寺', [84.7, 44.5])], noZones);
    const after = features();
    expect(after.size).toBe(2);
    expect(after.get('古城墙')).toBe(before.get('古城墙'));
    const moved = after.get('巴音沟承化寺')!;
    expect(moved).toBe(before.get('承化寺'));
    const [, y] = (moved.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates();
    expect(y).toBeGreaterThan(
      (before.get('古城墙')!.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates()[1]!,
    );
    expect(after.has('喇嘛庙')).toBe(false);
  });
});
