import { describe, expect, it } from 'vitest';
import { polygonsOf } from '../../domain/geometry';
import { ellipsoidalArea } from '../../geometry/area';
import { buildWusuSample } from '../../sample/buildSample';
import { transformLayer } from '../../crs/transformLayer';
import type { Layer } from '../layer';
import { documentToLayer } from './documentToLayer';
import { layerToImport } from './layerToImport';
import { readImport } from './readImport';
import { writeExport } from './writeExport';

const sample = { ...buildWusuSample(), settings: { ...buildWusuSample().settings, xzqdm: '654202' } };

describe('field profiles through documentToLayer → layerToImport', () => {
  it.each(['full', 'generic'] as const)('%s keeps every zone and object attribute', (profile) => {
    const { layer } = documentToLayer(sample, { profile });
    if (profile === 'generic')
      expect(layer.fields.every((f) => new TextEncoder().encode(f.name).length <= 10)).toBe(true);
    const back = layerToImport([{ layer, problems: [] }], 'x', {});
    expect(back.profiles).toEqual([profile]);
    expect(back.rejected).toEqual([]);
    const byId = new Map(back.document.zones.map((z) => [z.id, z]));
    for (const zone of sample.zones) expect(byId.get(zone.id)?.attributes).toEqual(zone.attributes);
    for (const object of sample.objects.filter((o) => sample.zones.some((z) => z.objectId === o.id))) {
      const { representativePoint: _p, ...attributes } = object.attributes;
      expect(back.document.objects.find((o) => o.id === object.id)?.attributes).toMatchObject(attributes);
    }
  });

  it('lswhbhx writes BSM, YSDM, padded XZQDM, XZQMC, ellipsoidal MJ in m² and a remark import can split', () => {
    const { layer, omitted } = documentToLayer(sample, { profile: 'lswhbhx' });
    const delivered = sample.zones.filter((z) => z.attributes.zoneType !== 'body');
    expect(omitted).toEqual([{ zoneType: 'body', count: sample.zones.length - delivered.length }]);
    expect(layer.name).toBe('LSWHBHX');
    expect(layer.features).toHaveLength(delivered.length);
    const first = layer.features[0]!.properties;
    expect(first.BSM).toBe('654202000000000001');
    expect(layer.features[1]!.properties.BSM).toBe('654202000000000002');
    expect(first.YSDM).toBe('2090020227');
    expect(first.XZQDM).toBe('654202000000');
    expect(first.XZQMC).toBe('乌苏市');
    expect(Math.abs((first.MJ as number) - ellipsoidalArea(delivered[0]!.geometry))).toBeLessThan(0.01);
    const back = layerToImport(
      [
        {
          layer: {
            ...layer,
            fields: layer.fields.filter((f) => !['BHDXMC', 'QHLX'].includes(f.name)),
            features: layer.features.map((f) => ({
              ...f,
              properties: { BSM: f.properties.BSM!, YSDM: f.properties.YSDM!, BZ: f.properties.BZ! },
            })),
          },
          problems: [],
        },
      ],
      'x',
      {},
    );
    expect(back.profiles).toEqual(['lswhbhx']);
    expect(back.rejected).toEqual([]);
    expect(back.document.zones.map((z) => z.attributes.zoneType)).toEqual(
      delivered.map((z) => z.attributes.zoneType),
    );
    const names = new Map(sample.objects.map((o) => [o.id, o.attributes.name]));
    expect(back.document.objects.map((o) => o.attributes.name).sort()).toEqual(
      [...new Set(delivered.map((z) => names.get(z.objectId)))].sort(),
    );
  });
});

describe('layerToImport checks every feature the same way', () => {
  const square = [
    [
      [84, 44],
      [84.01, 44],
      [84.01, 44.01],
      [84, 44.01],
      [84, 44],
    ],
  ];
  const layer: Layer = {
    name: 'drawing',
    epsg: 4490,
    fields: [{ name: 'layer', type: 'string' }],
    features: [
      { geometry: { type: 'Polygon', coordinates: square }, properties: { layer: 'BHFW', NAME: '甲' } },
      {
        geometry: { type: 'LineString', coordinates: square[0]! },
        properties: { layer: 'BHFW', NAME: '甲' },
      },
      {
        geometry: { type: 'Polygon', coordinates: [square[0]!.slice(0, 4)] },
        properties: { layer: 'BHFW', NAME: '甲' },
      },
      { geometry: { type: 'Polygon', coordinates: square }, properties: { layer: 'OTHER', NAME: '甲' } },
    ],
  };

  it('reprojects, maps CAD layers, and refuses non-polygons and unclosed rings by index', () => {
    const projected = transformLayer(layer, 4516);
    const result = layerToImport([{ layer: projected, problems: [] }], 'drawing.dxf', {
      cadLayerMapping: { BHFW: 'protection_range' },
      objectNameField: 'name',
    });
    expect(result.document.zones).toHaveLength(1);
    expect(result.document.zones[0]!.attributes.zoneType).toBe('protection_range');
    const back = result.document.zones[0]!.geometry.coordinates[0] as number[][];
    expect(Math.abs(back[1]![0]! - 84.01)).toBeLessThan(1e-9);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(result.rejected[0]!.reason.en).toContain('LineString is not a Polygon');
    expect(result.rejected[1]!.reason.en).toMatch(/4 positions|not closed/);
    expect(result.rejected[2]!.reason.en).toContain('zone_type');
    expect(result.total).toBe(4);
  });

  it('refuses a layer without CRS whose numbers tell none', () => {
    const local = {
      ...layer,
      epsg: null,
      features: [
        {
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [1000, 2000],
                [1010, 2000],
                [1010, 2010],
                [1000, 2000],
              ],
            ],
          },
          properties: {},
        },
      ],
    };
    expect(() => layerToImport([{ layer: local, problems: [] }], 'local.dxf', {})).toThrow(
      /look neither like lon\/lat/,
    );
  });
});

describe('readImport and writeExport jobs', () => {
  it('a Shapefile export (zip, generic names, GBK, EPSG:4516) reads back into the same zones', async () => {
    const exported = await writeExport({
      document: sample,
      options: { format: 'shapefile', encoding: 'gbk', epsg: 'EPSG:4516' },
    });
    expect(exported.files.map((f) => f.name)).toEqual([`${sample.settings.name}.zip`]);
    expect(exported.renamedFields).toEqual([]);
    const read = await readImport({ files: exported.files, options: {} });
    expect(read.layers[0]).toMatchObject({ format: 'shapefile', epsg: 4516, count: sample.zones.length });
    expect(read.layers[0]!.info.encoding?.used).toBe('gbk');
    expect(read.preview[0]!.rows[0]!.OBJ_NAME).toBe(
      sample.objects.find((o) => o.id === sample.zones[0]!.objectId)!.attributes.name,
    );
    expect(read.profile).toBe('generic');
    expect(read.result.rejected).toEqual([]);
    expect(read.result.document.zones.map((z) => z.attributes.zoneType)).toEqual(
      sample.zones.map((z) => z.attributes.zoneType),
    );
    // Rings come back in Shapefile order; every vertex lies within 1e-7° of one written.
    sample.zones.forEach((zone, i) => {
      const back = read.result.document.zones[i]!;
      expect(Math.abs(ellipsoidalArea(back.geometry) / ellipsoidalArea(zone.geometry) - 1)).toBeLessThan(
        1e-4,
      );
      const written = polygonsOf(zone.geometry).flat(2);
      for (const p of polygonsOf(back.geometry).flat(2))
        expect(written.some((q) => Math.abs(q[0] - p[0]) < 1e-7 && Math.abs(q[1] - p[1]) < 1e-7)).toBe(true);
    });
  });

  it('a file without CRS comes back refused with the reason, nothing imported', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::99999' } },
      features: [],
    });
    await expect(
      readImport({ files: [{ name: 'odd.geojson', bytes: new TextEncoder().encode(text) }], options: {} }),
    ).resolves.toMatchObject({
      refused: [{ field: 'crs' }],
      result: { document: { zones: [] } },
    });
  });
});
