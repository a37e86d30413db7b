import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LayerListPrefsSchema, type Background } from '../../shared/domain/backgrounds';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { openStore } from '../storage/store';
import { backgroundsForFile, restoreBackgrounds } from './projectBackgrounds';

const fresh = () => openStore({ name: `bg-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });

const dom: Background = {
  id: 'dom',
  projectId: 'p1',
  name: 'DOM_2025.tif',
  createdAt: '2026-11-30T08:00:00.000Z',
  source: { kind: 'geotiff', file: { name: 'DOM_2025.tif', size: 123_456 }, crs: { epsg: 4516 } },
};

describe('backgrounds through a project file', () => {
  it('come back on another computer as descriptions with their settings, missing until located', async () => {
    const here = await fresh();
    await here.backgrounds.add(dom, { grant: 'grant-here' });
    const prefs = LayerListPrefsSchema.parse({
      order: ['farm', 'dom'],
      opacity: { dom: 0.5 },
      visible: { dom: false },
    });
    await here.layerList.set('p1', prefs);
    const bytes = await writeProjectFile(buildTekesSample(), {
      generator: 'test',
      backgrounds: await backgroundsForFile(here, 'p1'),
    });

    const elsewhere = await fresh();
    const content = await readProjectFile(bytes, 'site.hzw');
    await restoreBackgrounds(elsewhere, 'p9', content.backgrounds!);
    const [restored] = await elsewhere.backgrounds.list('p9');
    expect(restored).toMatchObject({ projectId: 'p9', name: 'DOM_2025.tif', source: dom.source });
    expect(restored!.id).not.toBe('dom');
    // No access here: the layers panel shows it as missing with "locate file…".
    expect(await elsewhere.backgrounds.access(restored!.id)).toBeNull();
    // The settings follow the new id; other ids (a reference layer) are kept.
    const layers = await elsewhere.layerList.get('p9');
    expect(layers.order).toEqual(['farm', restored!.id]);
    expect(layers.opacity).toEqual({ [restored!.id]: 0.5 });
    expect(layers.visible).toEqual({ [restored!.id]: false });
    // Opening the same file again gives a second project its own backgrounds.
    await restoreBackgrounds(elsewhere, 'p10', content.backgrounds!);
    expect(await elsewhere.backgrounds.list('p9')).toHaveLength(1);
    expect(await elsewhere.backgrounds.list('p10')).toHaveLength(1);
  });

  it('a working copy reaches the same files as its original', async () => {
    const store = await fresh();
    await store.backgrounds.add(dom, { grant: 'grant-here' });
    await restoreBackgrounds(store, 'p2', await backgroundsForFile(store, 'p1'), (b) =>
      store.backgrounds.access(b.id),
    );
    const [copy] = await store.backgrounds.list('p2');
    expect(await store.backgrounds.access(copy!.id)).toEqual({ grant: 'grant-here' });
    expect(await store.backgrounds.access('dom')).toEqual({ grant: 'grant-here' });
  });
});
