import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LayerListPrefsSchema } from '../../../shared/domain/backgrounds';
import type { PickedBackgroundFile } from '../../platform/backgroundFiles';
import { BACKGROUND_INSPECTORS } from '../../map/backgrounds/backgroundLayers';
import { BackgroundRefused } from '../../map/backgrounds/backgroundFactory';
import { openStore } from '../../storage/store';
import { addBackgroundFiles } from './addBackgroundFiles';

const SEVEN = [24.1, -121.7, -84.3, 1.2, -0.8, 2.4, 3.1];

const picked = (name: string, sidecars: Record<string, string> = {}): PickedBackgroundFile => ({
  name,
  size: 10,
  access: { grant: `grant-${name}` },
  bytes: { url: `app://workbench/_granted/${name}` },
  sidecars,
});

// A kind this test treats as not readable yet (MBTiles is read since the tile-services work).
const mbtiles = BACKGROUND_INSPECTORS.mbtiles;
beforeEach(() => {
  delete BACKGROUND_INSPECTORS.mbtiles;
});
afterEach(() => {
  delete BACKGROUND_INSPECTORS.geotiff;
  delete BACKGROUND_INSPECTORS.cad;
  BACKGROUND_INSPECTORS.mbtiles = mbtiles;
});

describe('adding backgrounds from files', () => {
  it('asks the CRS only when the file has none, stores the rest, and names each refused file', async () => {
    const store = await openStore({ name: 'add-bg', indexedDB: new IDBFactory(), IDBKeyRange });
    // Header readers for the test: a GeoTIFF whose name says whether it has GeoKeys, a CAD reader that refuses.
    BACKGROUND_INSPECTORS.geotiff = async (file) => ({
      name: file.name,
      source: {
        kind: 'geotiff',
        file: { name: file.name, size: file.size },
        ...(file.name.startsWith('geo') ? { crs: { epsg: 4516 } } : {}),
        ...(file.name.startsWith('xian') ? { crs: { epsg: 2383 } } : {}),
      },
      crsCandidates: [{ epsg: 4527, label: 'CGCS2000 / 3-degree GK zone 39' }],
    });
    BACKGROUND_INSPECTORS.cad = async (file) => {
      throw new BackgroundRefused(file.name, { zh: '文件已截断', en: 'The file is truncated' });
    };
    const asked: string[] = [];
    const prefs = LayerListPrefsSchema.parse({});
    const outcome = await addBackgroundFiles(
      [
        picked('geo.tif'),
        picked('xian.tif'),
        picked('xian-skip.tif'),
        picked('scan.tif'),
        picked('skip.tif'),
        picked('bad.dxf'),
        picked('photo.jpg'),
        picked('x.mbtiles'),
      ],
      {
        store,
        projectId: 'p1',
        listed: [{ id: 'farm', group: 'reference' }],
        order: ['farm'],
        prefs,
        askCrs: async (file, inspected) => {
          asked.push(`${file}:${inspected.crsCandidates?.[0]?.epsg}`);
          return file === 'skip.tif' ? null : { epsg: inspected.crsCandidates![0]!.epsg };
        },
        askDatumShift: async (file, crs) => {
          asked.push(`${file}:${crs.datumKey}`);
          return file === 'xian-skip.tif'
            ? null
            : { method: 'helmert', values: SEVEN, convention: 'position_vector' };
        },
      },
    );
    // The datum is asked only for the Xian 1980 files; a cancelled answer leaves that file out.
    expect(asked).toEqual(['xian.tif:xian1980', 'xian-skip.tif:xian1980', 'scan.tif:4527', 'skip.tif:4527']);
    expect(outcome.added.map((b) => [b.name, 'crs' in b.source && b.source.crs])).toEqual([
      ['geo.tif', { epsg: 4516 }],
      ['xian.tif', { epsg: 2383 }],
      ['scan.tif', { epsg: 4527 }],
    ]);
    const xian = outcome.added[1]!.source;
    expect('datumShift' in xian && xian.datumShift).toEqual({
      method: 'helmert',
      values: SEVEN,
      convention: 'position_vector',
    });
    expect('datumShift' in outcome.added[0]!.source).toBe(false);
    expect(outcome.refused.map((r) => `${r.file}: ${r.reason.en}`)).toEqual([
      'bad.dxf: The file is truncated',
      'photo.jpg: "photo.jpg" has no world file: pick it together with its .jgw/.pgw (and .prj)',
      'x.mbtiles: This build cannot read MBTiles package backgrounds yet',
    ]);
    // Stored with how to reach the file, the newest background right under the reference layers.
    const stored = await store.backgrounds.list('p1');
    expect(stored.map((b) => b.name)).toEqual(['geo.tif', 'xian.tif', 'scan.tif']);
    expect(await store.backgrounds.access(stored[2]!.id)).toEqual({ grant: 'grant-scan.tif' });
    expect((await store.layerList.get('p1')).order).toEqual([
      'farm',
      stored[2]!.id,
      stored[1]!.id,
      stored[0]!.id,
    ]);
    store.close();
  });
});
