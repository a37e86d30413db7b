import { describe, expect, it } from 'vitest';
import type { Layer, LayerFeature } from '../layer';
import { mappingOf } from './fieldMapping';
import { layerToImport } from './layerToImport';
import type { ImportOptions } from './types';

function square(lon: number, lat: number): LayerFeature['geometry'] {
  const d = 0.001;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  };
}

const ROWS: [string, string, string, string][] = [
  ['乌苏文庙', '保护范围', '省保', '东至新华路'],
  ['乌苏文庙', '建控地带', '省保', '保护范围外扩五十米'],
  ['车排子烽燧', '保护范围', '县级', '以烽燧为中心五十米'],
  ['车排子烽燧', '一类建控', '县级', '保护范围外扩一百米'],
  ['车排子烽燧', '外围控制带', '县级', ''],
];

/** A county table as offices send it: Chinese field names and values, lon/lat. */
const LAYER: Layer = {
  name: '区划',
  epsg: 4490,
  fields: ['名称', '类型', '级别', '四至', '批准文号', '说明'].map((name) => ({
    name,
    type: 'string' as const,
  })),
  features: ROWS.map(([name, type, level, text], i) => ({
    geometry: square(84.6 + i * 0.01, 44.4),
    properties: {
      名称: name,
      类型: type,
      级别: level,
      四至: text,
      批准文号: '新政函〔2019〕12号',
      说明: `要求${i}`,
    },
  })),
};

const read = (options: ImportOptions = {}) =>
  layerToImport([{ layer: LAYER, problems: [] }], '区划.shp', options);

describe('field and value mapping on import', () => {
  it('maps Chinese fields and values by name, with the CCZ class from 一类建控', () => {
    const result = read();
    const zones = result.document.zones;
    expect(zones.map((z) => [z.attributes.zoneType, z.attributes.cczClass])).toEqual([
      ['protection_range', null],
      ['construction_control_zone', null],
      ['protection_range', null],
      ['construction_control_zone', 1],
    ]);
    expect(zones.map((z) => z.attributes.boundaryText)).toEqual(ROWS.slice(0, 4).map((r) => r[3]));
    expect(zones.every((z) => z.attributes.approval.documentNo === '新政函〔2019〕12号')).toBe(true);
    // 说明 matches no schema field: rules stay empty until the planner maps it.
    expect(zones.every((z) => z.attributes.rules === '')).toBe(true);
    const levels = Object.fromEntries(
      result.document.objects.map((o) => [o.attributes.name, o.attributes.level]),
    );
    expect(levels).toEqual({ 乌苏文庙: 'provincial', 车排子烽燧: 'county' });
    expect(result.rejected).toEqual([
      {
        index: 4,
        field: '类型',
        reason: {
          zh: '字段 类型 的值「外围控制带」无法对应到区划类型（zone_type）',
          en: 'value "外围控制带" of field 类型 does not map to any zone type (zone_type)',
        },
      },
    ]);
    expect(new Set(result.mappedProperties)).toEqual(
      new Set([
        'zone_type',
        'ccz_class',
        'boundary_text',
        'approval_doc_no',
        'object_name',
        'protection_level',
      ]),
    );
  });

  it('reports each source value with its count and code', () => {
    const mapping = read().mappings[0]!;
    const zoneType = mapping.values.find((v) => v.property === 'zone_type')!;
    expect(zoneType.source).toBe('类型');
    expect(zoneType.entries).toEqual([
      { value: '保护范围', count: 2, code: 'protection_range', how: 'auto' },
      { value: '建控地带', count: 1, code: 'construction_control_zone', how: 'auto' },
      { value: '一类建控', count: 1, code: 'construction_control_zone:1', how: 'auto' },
      { value: '外围控制带', count: 1, code: null, how: 'auto' },
    ]);
    expect(mapping.fields.find((f) => f.property === 'rules')).toEqual({
      property: 'rules',
      source: null,
      how: 'none',
    });
  });

  it("follows the planner's field and value choices over the automatic ones", () => {
    const result = read({
      mapping: {
        fields: { rules: '说明', boundary_text: null },
        values: {
          zone_type: { 外围控制带: 'environment_coordination_zone', 建控地带: 'construction_control_zone:2' },
          protection_level: { 县级: 'prefecture' },
        },
      },
    });
    expect(result.rejected).toEqual([]);
    const zones = result.document.zones;
    expect(zones.map((z) => z.attributes.rules)).toEqual(['要求0', '要求1', '要求2', '要求3', '要求4']);
    expect(zones.every((z) => z.attributes.boundaryText === '')).toBe(true);
    expect(zones[1]!.attributes.cczClass).toBe(2);
    expect(zones[4]!.attributes.zoneType).toBe('environment_coordination_zone');
    expect(result.document.objects.find((o) => o.attributes.name === '车排子烽燧')!.attributes.level).toBe(
      'prefecture',
    );
    const rules = result.mappings[0]!.fields.find((f) => f.property === 'rules');
    expect(rules).toEqual({ property: 'rules', source: '说明', how: 'user' });
    expect(result.mappedProperties).not.toContain('boundary_text');
  });

  it('refuses a feature whose value the planner marked as not importable', () => {
    const result = read({ mapping: { values: { zone_type: { 建控地带: null } } } });
    expect(result.rejected.map((p) => p.index)).toEqual([1, 4]);
    expect(result.rejected[0]!.reason.zh).toContain('「建控地带」');
  });

  it('saves the mapping in effect: every field, every listed value', () => {
    const saved = mappingOf(read().mappings[0]!);
    expect(saved.fields.object_name).toBe('名称');
    expect(saved.fields.rules).toBeNull();
    expect(saved.values.zone_type).toEqual({
      保护范围: 'protection_range',
      一类建控: 'construction_control_zone:1',
      外围控制带: null,
      建控地带: 'construction_control_zone',
    });
    // Read with the saved mapping, the file comes out the same.
    const again = read({ mapping: saved });
    expect(again.document.zones.map((z) => z.attributes)).toEqual(
      read().document.zones.map((z) => z.attributes),
    );
  });

  it('a preset naming a field this file lacks reads it as none and says so', () => {
    const result = read({ mapping: { fields: { rules: '管控' } } });
    expect(result.mappings[0]!.fields.find((f) => f.property === 'rules')).toEqual({
      property: 'rules',
      source: '管控',
      how: 'missing',
    });
    expect(result.document.zones).toHaveLength(4);
  });
});

describe('LSWHBHX layers', () => {
  it('keep each zone’s BSM and take object and zone type from the remark when nothing else gives them', () => {
    const layer: Layer = {
      name: 'LSWHBHX',
      epsg: 4490,
      fields: ['BSM', 'YSDM', 'XZQDM', 'MJ', 'BZ'].map((name) => ({ name, type: 'string' as const })),
      features: (
        [
          ['654202000000000007', '乌苏文庙保护范围'],
          ['654202000000000008', '乌苏文庙建设控制地带'],
        ] as const
      ).map(([bsm, remark], i) => ({
        geometry: square(84.6 + i * 0.01, 44.4),
        properties: { BSM: bsm, YSDM: '2090020227', XZQDM: '654202000000', MJ: 1234.5, BZ: remark },
      })),
    };
    const result = layerToImport([{ layer, problems: [] }], 'LSWHBHX.shp');
    expect(result.rejected).toEqual([]);
    expect(result.document.zones.map((z) => [z.attributes.bsm, z.attributes.zoneType])).toEqual([
      ['654202000000000007', 'protection_range'],
      ['654202000000000008', 'construction_control_zone'],
    ]);
    expect(result.document.objects.map((o) => [o.attributes.name, o.attributes.xzqdm])).toEqual([
      ['乌苏文庙', '654202000000'],
    ]);
  });
});
