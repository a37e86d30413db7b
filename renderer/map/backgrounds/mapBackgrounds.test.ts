import Layer from 'ol/layer/Layer';
import type OlMap from 'ol/Map';
import { describe, expect, it } from 'vitest';
import type { Background, LayerStatus } from '../../../shared/domain/backgrounds';
import {
  BackgroundRefused,
  type BackgroundBytes,
  type BackgroundContext,
  type BackgroundFactories,
} from './backgroundFactory';
import { MapBackgrounds } from './mapBackgrounds';

const file = (id: string, kind: 'geotiff' | 'cad' = 'geotiff'): Background => ({
  id,
  projectId: 'p',
  name: id,
  createdAt: '2026-01-01',
  source: { kind, file: { name: `${id}.tif`, size: 10 } },
});
const service = (id: string): Background => ({
  id,
  projectId: 'p',
  name: id,
  createdAt: '2026-01-01',
  source: {
    kind: 'xyz',
    template: 'https://t/{z}/{x}/{y}.png',
    tms: false,
    minZoom: 0,
    maxZoom: 18,
    projection: 'EPSG:3857',
  },
});

function setup(bytes: Record<string, BackgroundBytes>, factories: BackgroundFactories) {
  const onMap: unknown[] = [];
  const map = {
    addLayer: (l: unknown) => onMap.push(l),
    removeLayer: (l: unknown) => onMap.splice(onMap.indexOf(l), 1),
  } as unknown as OlMap;
  const context: BackgroundContext = {
    bytes: async (b) => bytes[b.id] ?? { missing: true },
    serviceKey: async () => null,
    viewProjection: 'EPSG:3857',
  };
  const statuses = new Map<string, LayerStatus>();
  let stacked = 0;
  const backgrounds = new MapBackgrounds(
    map,
    factories,
    context,
    (id, s) => statuses.set(id, s),
    () => stacked++,
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { backgrounds, onMap, statuses, settle, stacked: () => stacked };
}

/** A factory for the tests: a plain layer, ready at once, that counts its disposals. */
function plainFactory(disposed: string[], given: BackgroundBytes[] = []): BackgroundFactories['geotiff'] {
  return (background, context) => {
    const layer = new Layer({});
    void context.bytes(background).then((b) => given.push(b));
    return {
      layer,
      status: () => ({ state: 'ready' }),
      onStatus: () => () => {},
      extent: () => [0, 0, 10, 10],
      forFigure: () => new Layer({}),
      dispose: () => void disposed.push(background.id),
    };
  };
}

describe('backgrounds on the map', () => {
  it('shows a kind with no factory in this build as an error, never as a broken layer', async () => {
    const t = setup({}, {});
    t.backgrounds.sync([service('tdt')]);
    await t.settle();
    expect(t.statuses.get('tdt')).toEqual({
      state: 'error',
      message: {
        zh: '此版本尚不能显示此类底图（XYZ 瓦片服务）',
        en: 'This build cannot show XYZ tile service backgrounds yet',
      },
    });
    expect(t.onMap).toEqual([]);
  });

  it('checks a file’s access first: missing here, or waiting for the browser’s permission', async () => {
    const disposed: string[] = [];
    const t = setup({ asked: { needsPermission: true } }, { geotiff: plainFactory(disposed) });
    t.backgrounds.sync([file('elsewhere'), file('asked')]);
    await t.settle();
    expect(t.statuses.get('elsewhere')?.state).toBe('missing');
    expect(t.statuses.get('asked')?.state).toBe('needsPermission');
    expect(t.onMap).toEqual([]);
  });

  it('makes the layer with the bytes once, reports ready, and disposes it when removed', async () => {
    const disposed: string[] = [];
    const given: BackgroundBytes[] = [];
    const blob = new Blob(['tif']);
    const t = setup({ dom: { blob } }, { geotiff: plainFactory(disposed, given) });
    t.backgrounds.sync([file('dom')]);
    expect(t.statuses.get('dom')?.state).toBe('loading');
    await t.settle();
    expect(t.statuses.get('dom')?.state).toBe('ready');
    expect(t.onMap).toHaveLength(1);
    expect(given).toEqual([{ blob }]);
    expect(t.backgrounds.extent('dom')).toEqual([0, 0, 10, 10]);
    expect(t.stacked()).toBe(1);
    // The same source again keeps the layer; a reload makes it anew.
    t.backgrounds.sync([{ ...file('dom'), name: 'renamed' }]);
    expect(t.onMap).toHaveLength(1);
    t.backgrounds.reload('dom');
    await t.settle();
    expect(disposed).toEqual(['dom']);
    expect(t.onMap).toHaveLength(1);
    t.backgrounds.sync([]);
    expect(disposed).toEqual(['dom', 'dom']);
    expect(t.onMap).toEqual([]);
  });

  it('shows a factory’s refusal with its reason', async () => {
    const t = setup(
      { bad: { blob: new Blob(['x']) } },
      {
        cad: () => {
          throw new BackgroundRefused('bad.dxf', { zh: '文件已截断', en: 'The file is truncated' });
        },
      },
    );
    t.backgrounds.sync([file('bad', 'cad')]);
    await t.settle();
    expect(t.statuses.get('bad')).toEqual({
      state: 'error',
      message: { zh: '文件已截断', en: 'The file is truncated' },
    });
  });
});
