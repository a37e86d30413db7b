import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packReferenceLayer } from '../../shared/analysis/overlapsReferenceLayer';
import { overlapFixture } from '../../shared/analysis/fixtures/overlapFixture';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore } from './store';

const referenceLayerStore = async (name: string) =>
  (await openStore({ name, indexedDB: new IDBFactory(), IDBKeyRange })).referenceLayers;

/** A packed parcel grid of `side` × `side` cells as layer `id` of project `projectId`. */
const packed = (id: string, projectId: string, side: number) =>
  packReferenceLayer(overlapFixture(0, side, side).layer, {
    id,
    projectId,
    name: id,
    kind: 'permanent_basic_farmland',
    sourceFile: `${id}.geojson`,
    gkZone: 28,
    createdAt: '2026-01-01T00:00:00.000Z',
  }).layer;

describe('reference layer store', () => {
  it('keeps packed layers per project across reopening, with visibility, and removes them', async () => {
    const layer = packed('farm', 'p1', 4);
    const store = await referenceLayerStore('ref-test');
    await store.add(layer);
    const [stored] = await store.list('p1');
    expect(stored!.featureCount).toBe(17);
    expect(stored!.gk).toBeInstanceOf(Float64Array);
    expect([...stored!.gk]).toEqual([...layer.gk]);
    expect(await store.list('p2')).toEqual([]);
    await store.setVisible('farm', false);
    expect((await store.list('p1'))[0]!.visible).toBe(false);
    await store.remove('farm');
    expect(await store.list('p1')).toEqual([]);
  });

  it('tells observers when a layer is hidden, shown and removed, and forgets it on removal', async () => {
    const layer = packed('red', 'p3', 3);
    const store = await referenceLayerStore('ref-observe');
    await store.add(layer);
    const seen: string[] = [];
    const stop = store.observe(
      'p3',
      (layers) => seen.push(layers.map((l) => `${l.id}:${l.visible}`).join(',') || 'none'),
      () => {},
    );
    const settled = async (last: string) => {
      for (let i = 0; i < 200 && seen.at(-1) !== last; i++) await new Promise((r) => setTimeout(r, 5));
    };
    await settled('red:true');
    await store.setVisible('red', false);
    await settled('red:false');
    await store.setVisible('red', true);
    await settled('red:true');
    await store.remove('red');
    await settled('none');
    stop();
    expect([...new Set(seen)]).toEqual(['red:true', 'red:false', 'none']);
    expect(seen.indexOf('red:false')).toBeLessThan(seen.lastIndexOf('red:true'));
    // Removing drops the preference too: re-adding starts from the layer's own default.
    await store.add(layer);
    await store.setVisible('red', false);
    expect((await store.list('p3'))[0]!.visible).toBe(false);
    await store.remove('red');
    await store.add(layer);
    expect((await store.list('p3'))[0]!.visible).toBe(true);
  });
});
