import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type VectorSource from 'ol/source/Vector';
import { describe, expect, it } from 'vitest';
import type { ProtectedObject } from '../../shared/domain/schema';
import { toMapCoordinate } from './geometryConvert';
import { ObjectMarkers } from './objectMarkers';
import type { ZoneLayers } from './zoneLayers';

const object = (id: string, name: string, point: [number, number]) =>
  ({ id, attributes: { name, representativePoint: point } }) as unknown as ProtectedObject;
const noZones = { sources: [] } as unknown as ZoneLayers;

/** Markers on a stand-in map whose view is at `resolution` metres per pixel. */
function markers(resolution = 20) {
  let source: VectorSource | null = null;
  const moveEnds: (() => void)[] = [];
  const m = new ObjectMarkers({
    addLayer: (layer: { getSource(): VectorSource }) => (source = layer.getSource()),
    on: (type: string, listener: () => void) => type === 'moveend' && moveEnds.push(listener),
    getView: () => ({ getResolution: () => resolution }),
  } as unknown as OlMap);
  const shown = () => source!.getFeatures();
  const features = () => new Map(shown().map((f: Feature) => [String(f.get('name')), f]));
  /** The view settles at this resolution (after a zoom, or a pan when it is unchanged). */
  const settle = (at: number) => {
    resolution = at;
    for (const listener of moveEnds) listener();
  };
  return { m, features, shown, settle };
}

/** `count` objects on a grid `side` points wide, 0.0002° apart (about 22 × 31 m on the map). */
function crowd(count: number, side = 100): ProtectedObject[] {
  return Array.from({ length: count }, (_, i) =>
    object(`o${String(i).padStart(5, '0')}`, `对象${i}`, [
      84.6 + (i % side) * 0.0002,
      44.4 + Math.floor(i / side) * 0.0002,
    ]),
  );
}

/** How many screen cells of 96 × 28 px the crowd's extent can touch at this resolution. */
function cellsTouched(objects: readonly ProtectedObject[], resolution: number): number {
  const points = objects.map((o) => toMapCoordinate(o.attributes.representativePoint!));
  const span = (axis: 0 | 1) =>
    Math.max(...points.map((p) => p[axis]!)) - Math.min(...points.map((p) => p[axis]!));
  return (Math.ceil(span(0) / (96 * resolution)) + 1) * (Math.ceil(span(1) / (28 * resolution)) + 1);
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

  it('draw at most one marker per label-sized screen cell, more when zoomed in, the same set while panning', () => {
    const { m, shown, settle } = markers(40);
    // 10 000 objects in about 2.2 × 3.1 km: at 40 m per pixel a cell is 3 840 × 1 120 m.
    const objects = crowd(10_000);
    m.sync(objects, noZones);
    const far = shown();
    expect(far.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThanOrEqual(cellsTouched(objects, 40));
    settle(40);
    expect(shown()).toEqual(far);
    settle(16);
    const near = shown();
    expect(near.length).toBeGreaterThan(far.length);
    expect(near.length).toBeLessThanOrEqual(cellsTouched(objects, 16));
  });

  it('show a marker alone in its cell and the selected object, and thin again when the objects change', () => {
    const { m, features } = markers(40);
    const objects = crowd(400, 20);
    const lonely = object('zz', '孤庙', [85.2, 44.9]);
    m.sync([...objects, lonely], noZones);
    expect(features().has('孤庙')).toBe(true);
    const hidden = objects.find((o) => !features().has(o.attributes.name))!;
    m.setSelected([hidden.id]);
    expect(features().has(hidden.attributes.name)).toBe(true);
    m.setSelected([]);
    expect(features().has(hidden.attributes.name)).toBe(false);
    // The winners of the crowded cells are gone: others take their cells.
    const winners = new Set(features().keys());
    m.sync(
      objects.filter((o) => !winners.has(o.attributes.name)),
      noZones,
    );
    expect(features().size).toBeGreaterThan(0);
    expect([...features().keys()].some((name) => winners.has(name))).toBe(false);
  });

  it('are not thinned while hidden below the overview scale, and are when zoomed out again', () => {
    const { m, shown, settle } = markers(5);
    const objects = crowd(10_000);
    m.sync(objects, noZones);
    expect(shown()).toHaveLength(0);
    settle(40);
    expect(shown().length).toBeGreaterThan(0);
    expect(shown().length).toBeLessThanOrEqual(cellsTouched(objects, 40));
  });
});
