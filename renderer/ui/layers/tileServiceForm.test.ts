import { describe, expect, it } from 'vitest';
import { TIANDITU_BASES } from '../../../shared/tiles/tianditu';
import { prepareCapabilities, prepareTemplate, prepareTianditu } from './tileServiceForm';

const form = { name: '', tms: false, projection: 'EPSG:3857' as const, matrixSet: '', key: '' };

describe('adding a tile service', () => {
  it('moves a pasted 天地图 key out of the stored template into local settings', () => {
    const prepared = prepareTemplate({
      ...form,
      template: 'http://127.0.0.1:5216/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=goodkey',
    });
    if (!prepared.ok) throw new Error(prepared.cause.en);
    const [service] = prepared.value.services;
    expect(JSON.stringify(service)).not.toContain('goodkey');
    expect(service?.source).toMatchObject({
      kind: 'xyz',
      template: 'http://127.0.0.1:5216/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}',
      keyId: '127.0.0.1-5216',
    });
    expect(service?.origins).toEqual(['http://127.0.0.1:5216']);
    expect(prepared.value.key).toEqual({ keyId: '127.0.0.1-5216', key: 'goodkey' });
  });

  it('takes a WMTS KVP template on a known matrix set, and asks for the key it needs', () => {
    const template =
      'https://t{0-7}.tianditu.gov.cn/img_c/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=c&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={key}';
    expect(prepareTemplate({ ...form, template }).ok).toBe(false);
    const prepared = prepareTemplate({ ...form, template, key: 'k' });
    expect(prepared.ok && prepared.value.services[0]?.source).toMatchObject({
      kind: 'wmts',
      layer: 'img',
      matrixSet: 'c',
      keyId: 'tianditu',
    });
    const unknownSet = prepareTemplate({
      ...form,
      template: 'https://e.org/{TileMatrix}/{TileRow}/{TileCol}.png',
    });
    expect(!unknownSet.ok && unknownSet.cause.en).toMatch(/known matrix set/);
  });

  it('adds a 天地图 base map with its labels, both with the key kept apart', () => {
    const prepared = prepareTianditu(TIANDITU_BASES[0], 'w', true, ' abc ', 'zh');
    if (!prepared.ok) throw new Error(prepared.cause.en);
    expect(prepared.value.services.map((s) => s.name)).toEqual([
      '天地图影像（球面墨卡托）',
      '天地图影像注记（球面墨卡托）',
    ]);
    expect(prepared.value.services[0]?.origins).toHaveLength(8);
    expect(prepared.value.key).toEqual({ keyId: 'tianditu', key: 'abc' });
    expect(prepareTianditu(TIANDITU_BASES[0], 'w', true, '', 'zh').ok).toBe(false);
  });

  it('adds a 一张图 layer by its capabilities URL, with the origins of its tiles', () => {
    const prepared = prepareCapabilities(
      'https://gis.example.gov.cn/wmts/WMTSCapabilities.xml?token=t0k',
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
    const [service] = prepared.value.services;
    expect(service?.source).toMatchObject({
      capabilitiesUrl: 'https://gis.example.gov.cn/wmts/WMTSCapabilities.xml?token={key}',
      keyId: 'gis.example.gov.cn',
    });
    expect(service?.origins).toEqual(['https://gis.example.gov.cn', 'https://tiles.example.gov.cn']);
    expect(prepared.value.key?.key).toBe('t0k');
  });
});
