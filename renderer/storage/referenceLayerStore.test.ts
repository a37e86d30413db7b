import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packReferenceLayer } from '../../shared/analysis/overlapsReferenceLayer';
import { overlapFixture } from '../../shared/analysis/fixtures/overlapFixture';
import { referenceLayerStore } from './referenceLayerStore';

describe('reference layer store', () => {
  it('keeps packed layers per project across reopening, with visibility, and removes them', async () => {
    const { layer } = packReferenceLayer(overlapFixture(0, 4, 4).layer, {
      id: 'farm',
      projectId: 'p1',
      name: '永久基本农田',
      kind: 'permanent_basic_farmland',
      sourceFile: 'farm.geojson',
      gkZone: 28,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const store = referenceLayerStore('ref-test');
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
});
