import { describe, expect, it } from 'vitest';
import { OPTION_LABELS } from '../../domain/optionLabels';
import type { OptionSet } from '../../domain/fieldMeta';
import { isValueCode, resolveValue, valueChoices, zoneTypeOfCode } from './valueMapping';

const CCZ = 'construction_control_zone';

describe('resolveValue', () => {
  it.each([
    ['保护范围', 'protection_range'],
    ['建控地带', CCZ],
    ['建设控制地带', CCZ],
    ['一类建控', `${CCZ}:1`],
    ['一类建设控制地带', `${CCZ}:1`],
    ['Ⅰ类建控', `${CCZ}:1`],
    ['I类建控地带', `${CCZ}:1`],
    ['二类建控地带', `${CCZ}:2`],
    ['建设控制地带（三类）', `${CCZ}:3`],
    ['建控四类区', `${CCZ}:4`],
    ['CCZ class V', `${CCZ}:5`],
    ['核心保护范围', 'core_protection_range'],
    ['环境协调区', 'environment_coordination_zone'],
    ['风貌协调区', 'environment_coordination_zone'],
    ['protection_range', 'protection_range'],
    ['Construction-control zone', CCZ],
    [' 重点保护区 ', 'key_protection_area'],
    ['外围控制带', null],
    ['一类保护区', null],
    ['一类', null],
  ])('zone type %s → %s', (value, code) => {
    expect(resolveValue('zoneType', value)).toBe(code);
  });

  it.each([
    ['国保', 'national'],
    ['全国重点文物保护单位', 'national'],
    ['省保', 'provincial'],
    ['自治区级', 'provincial'],
    ['省级（自治区级）文物保护单位', 'provincial'],
    ['自治区级重点文物保护单位', 'provincial'],
    ['自治州级文物保护单位', 'prefecture'],
    ['州级', 'prefecture'],
    ['县级', 'county'],
    ['县（市）级文物保护单位', 'county'],
    ['未定级不可移动文物', 'unclassified'],
    ['national', 'national'],
    ['重要', null],
  ])('protection level %s → %s', (value, code) => {
    expect(resolveValue('protectionLevel', value)).toBe(code);
  });

  it('reads relic categories, object types and CCZ classes', () => {
    expect(resolveValue('relicCategory', '古建筑')).toBe('3');
    expect(resolveValue('relicCategory', 3)).toBe('3');
    expect(resolveValue('relicCategory', '石窟寺及石刻')).toBe('4');
    expect(resolveValue('relicCategory', '近现代重要史迹及代表性建筑')).toBe('5');
    expect(resolveValue('objectType', '传统村落')).toBe('traditional_village');
    expect(resolveValue('objectType', '中国历史文化名村')).toBe('historic_village');
    expect(resolveValue('objectType', '文物保护单位')).toBe('relic_unit');
    expect(resolveValue('cczClass', '一类')).toBe('1');
    expect(resolveValue('cczClass', 'Ⅲ类')).toBe('3');
    expect(resolveValue('cczClass', 2)).toBe('2');
    expect(resolveValue('cczClass', '二类建控')).toBe('2');
    expect(resolveValue('cczClass', '六类')).toBeNull();
    expect(resolveValue('zoneStatus', '已公布')).toBe('existing_approved');
  });

  it('resolves every code and label of every option set to itself', () => {
    for (const [set, labels] of Object.entries(OPTION_LABELS) as [OptionSet, Record<string, never>][]) {
      if (set === 'placeDesignation') continue;
      for (const [code, label] of Object.entries(labels) as [string, { zh: string; en: string }][]) {
        for (const name of [code, label.zh, label.en])
          expect(resolveValue(set, name), `${set} ${name}`).toBe(code);
      }
    }
  });
});

describe('zone-type codes', () => {
  it('split into type and class, and only a CCZ carries a class', () => {
    expect(zoneTypeOfCode(`${CCZ}:2`)).toEqual({ zoneType: CCZ, cczClass: 2 });
    expect(zoneTypeOfCode('protection_range')).toEqual({ zoneType: 'protection_range', cczClass: null });
    expect(zoneTypeOfCode('protection_range:2')).toBeNull();
    expect(zoneTypeOfCode(`${CCZ}:6`)).toBeNull();
    expect(isValueCode('zoneType', `${CCZ}:5`)).toBe(true);
    expect(isValueCode('protectionLevel', '国保')).toBe(false);
  });

  it('are offered in the value select with the classes after the plain CCZ', () => {
    const codes = valueChoices('zoneType').map((c) => c.code);
    const at = codes.indexOf(CCZ);
    expect(codes.slice(at, at + 6)).toEqual([CCZ, ...[1, 2, 3, 4, 5].map((n) => `${CCZ}:${n}`)]);
    expect(valueChoices('zoneType').find((c) => c.code === `${CCZ}:1`)!.label.zh).toBe(
      '建设控制地带（一类）',
    );
  });
});
