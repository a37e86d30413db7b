import { describe, expect, it } from 'vitest';
import { mappingPresetJson, parseMappingPreset, presetFits, type MappingPreset } from './mappingPreset';

const PRESET: MappingPreset = {
  name: '乌苏文物局区划表',
  sourceFields: ['名称', '类型', '四至', '说明'],
  mapping: {
    fields: { object_name: '名称', zone_type: '类型', rules: '说明', boundary_text: null },
    values: { zone_type: { 一类建控: 'construction_control_zone:1', 外围控制带: null } },
  },
  defaults: { zoneType: 'protection_range' },
};

const file = (patch: Record<string, unknown>) =>
  JSON.stringify({ ...(JSON.parse(mappingPresetJson(PRESET)) as object), ...patch });

function problemsOf(text: string): string[] {
  const parsed = parseMappingPreset(text);
  if ('preset' in parsed) throw new Error('accepted');
  return parsed.problems.map((p) => p.en);
}

describe('mapping preset JSON', () => {
  it('reads back what it writes', () => {
    const parsed = parseMappingPreset(mappingPresetJson(PRESET));
    expect(parsed).toEqual({ preset: PRESET });
  });

  it('names the unknown schema field', () => {
    const [message, ...rest] = problemsOf(file({ fields: { object_name: '名称', zone_kind: '类型' } }));
    expect(rest).toEqual([]);
    expect(message).toMatch(/^fields\.zone_kind: unknown schema field "zone_kind"/);
  });

  it('names the value whose code is not one of the property', () => {
    const problems = problemsOf(
      file({ values: { zone_type: { 一类建控: 'ccz_1' }, protection_level: { 国保: 'national' } } }),
    );
    expect(problems).toEqual(['values.zone_type.一类建控: "ccz_1" is not a code of zone_type']);
    expect(problemsOf(file({ values: { boundary_text: { a: 'b' } } }))[0]).toMatch(
      /^values\.boundary_text: "boundary_text" has no code list/,
    );
  });

  it('names a misspelt top-level key, a wrong format and wrong types', () => {
    expect(problemsOf(file({ field: {} }))[0]).toMatch(/field/);
    expect(problemsOf(file({ format: 'qgis-style' }))[0]).toMatch(/^format: /);
    expect(problemsOf(file({ fields: { rules: 3 } }))[0]).toMatch(/^fields\.rules: /);
    expect(problemsOf(file({ defaults: { zoneType: '保护范围' } }))[0]).toMatch(/^defaults\.zoneType: /);
  });

  it('refuses prototype keys and broken JSON without touching any object', () => {
    expect(problemsOf('{"format":"hzw-import-mapping","__proto__":{"polluted":1}}')[0]).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf('{"format": ')[0]).toMatch(/^not valid JSON/);
  });

  it('fits a file with exactly its fields, in any order or case', () => {
    expect(presetFits(PRESET, ['说明', '四至', '类型', '名称'])).toBe(true);
    expect(presetFits(PRESET, ['名称', '类型', '四至'])).toBe(false);
    expect(presetFits(PRESET, ['名称', '类型', '四至', '说明', '备注'])).toBe(false);
    expect(presetFits({ ...PRESET, sourceFields: [] }, [])).toBe(false);
  });
});
