import { describe, expect, it, vi } from 'vitest';
import {
  BackgroundSourceSchema,
  type Background,
  type BackgroundSource,
} from '../../../shared/domain/backgrounds';
import { ProjectSettingsSchema } from '../../../shared/domain/schema';
import { allowProjectTileOrigins } from './tileOriginAccess';
import { prepareCapabilities } from './tileServiceForm';

const background = (id: string, source: Record<string, unknown>): Background => ({
  id,
  projectId: 'p1',
  name: id,
  source: source as BackgroundSource,
  createdAt: '2026-12-03T00:00:00.000Z',
});

const project = [
  background('xyz', { kind: 'xyz', template: 'https://tiles.example.org/{z}/{x}/{y}.png' }),
  background('tdt', {
    kind: 'wmts',
    template:
      'https://t{0-7}.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=img&TILEMATRIXSET=w&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={key}',
    layer: 'img',
    matrixSet: 'w',
  }),
  background('dom', { kind: 'geotiff', file: { name: 'dom.tif', size: 10, mtimeMs: 0 } }),
];
const tianditu = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`);

describe('tile origins when a project opens', () => {
  it('asks for exactly the origins of the open project’s services and online basemap', async () => {
    const allowTileOrigins = vi.fn(async () => 'allowed' as const);
    const settings = ProjectSettingsSchema.parse({
      name: '乌苏',
      gkZone: 28,
      onlineBasemapEnabled: true,
      onlineBasemapUrl: 'https://basemap.example.net/{z}/{x}/{y}.png',
    });
    const blocked = await allowProjectTileOrigins({ allowTileOrigins }, project, settings);
    expect(allowTileOrigins).toHaveBeenCalledTimes(1);
    const asked = (allowTileOrigins.mock.calls[0] as unknown as [string[]])[0];
    expect([...asked].sort()).toEqual(
      ['https://tiles.example.org', ...tianditu, 'https://basemap.example.net'].sort(),
    );
    expect(blocked.size).toBe(0);
  });

  it('a project without services asks for none (the other project’s origins are dropped)', async () => {
    const allowTileOrigins = vi.fn(async () => 'allowed' as const);
    await allowProjectTileOrigins(
      { allowTileOrigins },
      [project[2]!],
      ProjectSettingsSchema.parse({ name: '乌苏', gkZone: 28 }),
    );
    expect(allowTileOrigins).toHaveBeenCalledWith([]);
  });

  it('desktop: the tile rows say a reload is needed; the file background is left alone', async () => {
    const blocked = await allowProjectTileOrigins(
      { allowTileOrigins: async () => 'reload' },
      project,
      ProjectSettingsSchema.parse({ name: '乌苏', gkZone: 28 }),
    );
    expect([...blocked.keys()].sort()).toEqual(['tdt', 'xyz']);
    expect(blocked.get('xyz')).toMatchObject({
      state: 'needsReload',
      message: { en: expect.stringMatching(/show after the window reloads/) },
    });
  });

  it('web mode: the tile rows show the exact settings to write', async () => {
    const blocked = await allowProjectTileOrigins(
      { allowTileOrigins: async () => 'unsupported' },
      project,
      ProjectSettingsSchema.parse({ name: '乌苏', gkZone: 28 }),
    );
    const status = blocked.get('tdt')!;
    expect(status.state).toBe('error');
    const json = /(\{"tileOrigins".*\})/.exec(status.message!.en)![1]!;
    expect(JSON.parse(json).tileOrigins.sort()).toEqual(['https://tiles.example.org', ...tianditu].sort());
    expect(blocked.has('dom')).toBe(false);
  });

  it('a 一张图 service read from capabilities brings the tile hosts it named when added', async () => {
    const prepared = prepareCapabilities(
      'https://gis.example.gov.cn/wmts/WMTSCapabilities.xml',
      {
        layer: 'dom',
        title: '正射影像',
        matrixSet: 'c',
        format: 'image/png',
        style: 'default',
        tileTemplates: ['https://tiles.example.gov.cn/dom/{TileMatrix}/{TileRow}/{TileCol}.png'],
      },
      '',
    );
    if (!prepared.ok) throw new Error(prepared.cause.en);
    // Stored and read back as a project file would carry it; a wildcard slipped into a file is dropped.
    const stored = BackgroundSourceSchema.parse(
      JSON.parse(JSON.stringify(prepared.value.services[0]!.source)),
    );
    const forged = { ...stored, tileOrigins: ['https://*.example.org', 'http://intranet.example'] };
    const allowTileOrigins = vi.fn(async () => 'allowed' as const);
    await allowProjectTileOrigins(
      { allowTileOrigins },
      [background('caps', stored), background('forged', forged)],
      ProjectSettingsSchema.parse({ name: '乌苏', gkZone: 28 }),
    );
    expect(allowTileOrigins).toHaveBeenCalledWith([
      'https://gis.example.gov.cn',
      'https://tiles.example.gov.cn',
    ]);
  });
});
