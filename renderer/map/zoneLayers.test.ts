import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type OlMap from 'ol/Map';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/store';
import { createProject } from '../editor/commands/projectCommands';
import { createObject, updateObjectAttributes } from '../editor/commands/objectCommands';
import { createZone, deleteZones, setZoneGeometries } from '../editor/commands/zoneCommands';
import { ProjectMirror } from '../editor/projectMirror';
import { squareAround } from '../testing/memoryStore';
import { toMapCoordinate, toZoneGeometry } from './geometryConvert';
import { LABEL_PROPERTY } from './zoneStyles';
import { ZoneLayers } from './zoneLayers';
import type { ZoneTileUpdate } from './zoneTiles';
import { ZoneTileSet } from './referenceTiles/zoneTileSet';
import type { Box } from '../../shared/geometry/spatialIndex';

const closing: (() => void)[] = [];
afterEach(() => closing.splice(0).forEach((close) => close()));

async function mapOfThreeZones() {
  const store = await openStore({
    name: `layers-${Math.random()}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const project = createProject({ settings: { name: 'p', gkZone: 28 }, objects: [], zones: [] });
  const projectId = project.id;
  await store.commit({ projectId, ...project });
  const object = createObject(projectId, { name: '古城墙', objectType: 'relic_unit' });
  await store.commit({ projectId, ...object });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const zone = createZone({
      projectId,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.6 + i * 0.01, 44.4),
    });
    await store.commit({ projectId, ...zone });
    ids.push(zone.id);
  }
  const mirror = new ProjectMirror(store, projectId);
  await mirror.settled();
  const updates: ZoneTileUpdate[] = [];
  const layers = new ZoneLayers(
    { addLayer: () => {}, getOverlayContainer: () => undefined } as unknown as OlMap,
    {
      layer: null,
      update: (update) => updates.push(update),
      dispose: () => {},
    },
  );
  const patches: number[] = [];
  layers.attach(mirror, 'zh', (change) => patches.push(change.zones.size));
  closing.push(() => {
    mirror.dispose();
    store.close();
  });
  return { store, projectId, objectId: object.id, ids, mirror, layers, patches, updates };
}

/** The feature's outline back in lon/lat, to 1e-9° (the map's round trip through Web Mercator). */
const lonLatOf = (layers: ZoneLayers, id: string) =>
  toZoneGeometry(layers.feature(id)!.getGeometry()!)!
    .coordinates.flat(3)
    .map((v) => Number(v.toFixed(9)));
const flat = (g: ReturnType<typeof squareAround>) => g.coordinates.flat(2).map((v) => Number(v.toFixed(9)));

describe('zone layers follow the project mirror by key', () => {
  it('changes one feature’s geometry after a commit and recreates no other feature', async () => {
    const { store, projectId, ids, mirror, layers } = await mapOfThreeZones();
    const before = ids.map((id) => layers.feature(id));
    expect(before.every((f) => f !== undefined)).toBe(true);
    const revisions = before.map((f) => f!.getGeometry()!.getRevision());

    const moved = squareAround(85, 45);
    await store.commit({ projectId, ...setZoneGeometries(new Map([[ids[1]!, moved]])) });
    await mirror.settled();

    const after = ids.map((id) => layers.feature(id));
    expect(after).toEqual(before);
    after.forEach((f, i) => expect(f).toBe(before[i]));
    expect(lonLatOf(layers, ids[1]!)).toEqual(flat(moved));
    expect(after[0]!.getGeometry()!.getRevision()).toBe(revisions[0]);
    expect(after[2]!.getGeometry()!.getRevision()).toBe(revisions[2]);

    await store.undo(projectId);
    await mirror.settled();
    expect(lonLatOf(layers, ids[1]!)).toEqual(flat(squareAround(84.61, 44.4)));
    expect(layers.feature(ids[0]!)).toBe(before[0]);
  });

  it('removes a deleted zone’s feature and re-labels zones when their object is renamed', async () => {
    const { store, projectId, objectId, ids, mirror, layers } = await mapOfThreeZones();
    const kept = layers.feature(ids[0]!);
    await store.commit({ projectId, ...deleteZones([ids[2]!]) });
    await store.commit({ projectId, ...updateObjectAttributes(objectId, { name: '新城墙' }) });
    await mirror.settled();
    expect(layers.feature(ids[2]!)).toBeUndefined();
    expect([...layers.ids()].sort()).toEqual([ids[0]!, ids[1]!].sort());
    expect(layers.feature(ids[0]!)).toBe(kept);
    expect(String(kept!.get(LABEL_PROPERTY))).toContain('新城墙');
  });

  it('keeps a gesture’s geometry while frozen and shows the stored one when the gesture ends', async () => {
    const { store, projectId, ids, mirror, layers } = await mapOfThreeZones();
    layers.freeze([ids[0]!]);
    const dragged = squareAround(86, 46);
    await store.commit({ projectId, ...setZoneGeometries(new Map([[ids[0]!, dragged]])) });
    await mirror.settled();
    expect(lonLatOf(layers, ids[0]!)).toEqual(flat(squareAround(84.6, 44.4)));
    layers.unfreeze(true);
    expect(lonLatOf(layers, ids[0]!)).toEqual(flat(dragged));
  });

  it('keeps the feature’s geometry when the store returns the outline a drag left on it', async () => {
    const { store, projectId, ids, mirror, layers } = await mapOfThreeZones();
    const feature = layers.feature(ids[0]!)!;
    const shown = feature.getGeometry()!;
    let notified = 0;
    feature.on('change', () => notified++);
    layers.freeze([ids[0]!], { marks: [] });
    // The drag moves one vertex of the feature's own geometry, as Modify does.
    const rings = shown.getCoordinates() as number[][][];
    rings[0]![1] = [rings[0]![1]![0]! + 37.123456789, rings[0]![1]![1]! - 12.987654321];
    shown.setCoordinates(rings as never);
    const dropped = toZoneGeometry(shown)!;
    const changesOfDrag = notified;
    await store.commit({ projectId, ...setZoneGeometries(new Map([[ids[0]!, dropped]])) });
    layers.unfreeze(false);
    await mirror.settled();
    // Same geometry object, no further change event (Modify and Snap would re-index 6 000 vertices).
    expect(feature.getGeometry()).toBe(shown);
    expect(notified).toBe(changesOfDrag);
    const droppedLonLat = (dropped.coordinates.flat(3) as number[]).map((v) => Number(v.toFixed(9)));
    expect(lonLatOf(layers, ids[0]!)).toEqual(droppedLonLat);
    // Undo brings a different outline: that one replaces the geometry.
    await store.undo(projectId);
    await mirror.settled();
    expect(feature.getGeometry()).not.toBe(shown);
    expect(lonLatOf(layers, ids[0]!)).toEqual(flat(squareAround(84.6, 44.4)));
  });

  it('draws a selected zone in the selected layer alone and hides zone types on request', async () => {
    const { ids, layers } = await mapOfThreeZones();
    const [others, selected] = layers.sources;
    const feature = layers.feature(ids[1]!)!;
    layers.setSelected([ids[1]!]);
    expect(selected!.getFeatures()).toEqual([feature]);
    expect(others!.getFeatures()).not.toContain(feature);
    expect(others!.getFeatures()).toHaveLength(2);
    layers.setSelected([]);
    expect(selected!.getFeatures()).toEqual([]);
    expect(others!.getFeatures()).toContain(feature);

    // Labels are the only part of unselected zones the page draws; a hidden type has none.
    const style = layers.labelLayer.getStyleFunction()!;
    expect(style(feature, 0.01)).toHaveLength(1);
    layers.setTypeVisible('protection_range', false);
    expect(style(feature, 0.01)).toBeUndefined();
  });

  it('adds the zones of one commit in one batch', async () => {
    const { store, projectId, objectId, mirror, layers } = await mapOfThreeZones();
    // A source redraws its layer on each change: one batch is one change, not twenty.
    let changes = 0;
    layers.sources[0]!.on('change', () => changes++);
    const zones = Array.from({ length: 20 }, (_, i) =>
      createZone({
        projectId,
        objectId,
        attributes: { zoneType: 'protection_range' },
        geometry: squareAround(84.7 + i * 0.01, 44.5),
      }),
    );
    await store.commit({
      projectId,
      label: { zh: '导入', en: 'Import' },
      undo: 'record',
      build: async (read) => (await Promise.all(zones.map((z) => z.build(read)))).flat(),
    });
    await mirror.settled();
    expect(layers.count).toBe(23);
    expect(changes).toBe(1);
  });

  it('finds the zones at a point from its index: inside, near the outline within the tolerance, not hidden', async () => {
    const { ids, layers } = await mapOfThreeZones();
    const inside = toMapCoordinate([84.61, 44.4]);
    expect(layers.zonesAt(inside).map((f) => f.getId())).toEqual([ids[1]]);
    // 0.0012° east of the middle square's centre: 0.0002° (≈ 22 m) beyond its east edge.
    const outside = toMapCoordinate([84.6112, 44.4]);
    expect(layers.zonesAt(outside)).toEqual([]);
    expect(layers.zonesAt(outside, 30).map((f) => f.getId())).toEqual([ids[1]]);
    expect(layers.zonesAt(outside, 10)).toEqual([]);
    layers.setSelected([ids[1]!]);
    expect(layers.zonesAt(inside).map((f) => f.getId())).toEqual([ids[1]]);
    layers.setTypeVisible('protection_range', false);
    expect(layers.zonesAt(inside)).toEqual([]);
  });

  it('labels zones with a chosen field and back with the default', async () => {
    const { ids, layers } = await mapOfThreeZones();
    layers.setLabelField('zoneType');
    expect(layers.feature(ids[0]!)!.get(LABEL_PROPERTY)).toBe('保护范围');
    layers.setLabelField('name');
    expect(String(layers.feature(ids[0]!)!.get(LABEL_PROPERTY))).toContain('古城墙');
  });
});

describe('zone tiles follow the features and the selection', () => {
  const boxOf = (layers: ZoneLayers, id: string) => layers.feature(id)!.getGeometry()!.getExtent();

  it('hands every zone to the tiles once, then redraws only under what a patch or a selection changed', async () => {
    const { store, projectId, ids, mirror, layers, updates } = await mapOfThreeZones();
    expect(updates.flatMap((u) => u.zones?.ids ?? []).sort()).toEqual([...ids].sort());
    const packed = updates.find((u) => u.zones)!.zones!;
    // The tiles get the zones' stored lon/lat (the map has not converted them) and convert them
    // to exactly the features' own map coordinates.
    const first = layers.feature(packed.ids[0]!)!.getGeometry()!.getFlatCoordinates();
    expect(packed.lonLat?.[0]).toBe(1);
    const tiled = new ZoneTileSet();
    tiled.apply({ zones: packed });
    expect([
      ...tiled.drawn(boxOf(layers, packed.ids[0]!) as Box).find((z) => z.id === packed.ids[0])!.coords,
    ]).toEqual(first);
    updates.length = 0;

    // Selecting a zone takes it out of the tiles: redraw under it, send no geometry.
    layers.setSelected([ids[0]!]);
    expect(updates).toEqual([{ dirty: [boxOf(layers, ids[0]!)], selected: [ids[0]] }]);
    updates.length = 0;

    // An unselected zone moved: its new geometry, and the tiles under its old and new places.
    const oldBox = boxOf(layers, ids[1]!);
    await store.commit({ projectId, ...setZoneGeometries(new Map([[ids[1]!, squareAround(85, 45)]])) });
    await mirror.settled();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.zones!.ids).toEqual([ids[1]]);
    expect(updates[0]!.dirty).toEqual([oldBox, boxOf(layers, ids[1]!)]);
    updates.length = 0;

    // The selected zone edited: the tiles learn its geometry but redraw nothing (they do not show it).
    await store.commit({ projectId, ...setZoneGeometries(new Map([[ids[0]!, squareAround(86, 45)]])) });
    await mirror.settled();
    expect(updates.map((u) => [u.zones?.ids, u.dirty])).toEqual([[[ids[0]], []]]);
    updates.length = 0;

    // Deleted: removed from the tiles, redrawn where it was.
    const goneBox = boxOf(layers, ids[2]!);
    await store.commit({ projectId, ...deleteZones([ids[2]!]) });
    await mirror.settled();
    expect(updates).toEqual([{ removed: [ids[2]], dirty: [goneBox] }]);
    updates.length = 0;

    // A hidden type redraws the tiles under its zones the tiles show (not the selected one).
    layers.setTypeVisible('protection_range', false);
    expect(updates).toEqual([{ hidden: ['protection_range'], dirty: [boxOf(layers, ids[1]!)] }]);
    updates.length = 0;
    // A type without zones on the map changes no tile.
    layers.setTypeVisible('construction_control_zone', false);
    expect(updates).toEqual([{ hidden: ['protection_range', 'construction_control_zone'], dirty: [] }]);
  });
});
