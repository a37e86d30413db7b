import type { ZoneType } from '../../domain/taxonomy';
import { getProperty, type ReadResult } from '../layer';

/**
 * CAD layer names to zone types, for the import dialog's layer → zone-type table. Chinese words
 * match anywhere in the name; pinyin-initial codes (BHFW, JSKZDD, …) only as whole tokens.
 * More specific names are tried first (核心保护范围 before 保护范围).
 */
const RULES: readonly { type: ZoneType; words: readonly string[]; codes: readonly string[] }[] = [
  { type: 'core_protection_range', words: ['核心保护范围', '核心保护区'], codes: ['HXBHFW', 'HXBHQ'] },
  { type: 'key_protection_area', words: ['重点保护区', '重点保护范围'], codes: ['ZDBHQ', 'ZDBHFW'] },
  { type: 'general_protection_area', words: ['一般保护区', '一般保护范围'], codes: ['YBBHQ', 'YBBHFW'] },
  { type: 'possible_relic_area', words: ['可能存在地下文物'], codes: [] },
  { type: 'underground_relic_zone', words: ['地下文物埋藏区', '埋藏区'], codes: ['DXWWMCQ', 'MCQ'] },
  {
    type: 'construction_control_zone',
    words: ['建设控制地带', '建控地带', '建设控制区', '建控区', '建控'],
    codes: ['JSKZDD', 'JKDD', 'JSKZQ'],
  },
  {
    type: 'environment_coordination_zone',
    words: ['环境协调区', '风貌协调区', '协调发展区', '环境控制区', '协调区'],
    codes: ['HJXTQ', 'FMXTQ', 'XTQ'],
  },
  { type: 'height_control_zone', words: ['高度控制', '限高'], codes: ['GDKZQ', 'GDKZ'] },
  { type: 'view_corridor', words: ['视线通廊', '视廊'], codes: ['SXTL'] },
  { type: 'historic_urban_area_boundary', words: ['历史城区'], codes: ['LSCQ'] },
  { type: 'purple_line', words: ['紫线'], codes: ['ZX', 'CSZX', 'ZXCQCSZX'] },
  { type: 'protection_range', words: ['保护范围', '保护区划线', '保护界线'], codes: ['BHFW'] },
  { type: 'body', words: ['文物本体', '本体'], codes: ['WWBT', 'BT'] },
];

export function suggestZoneTypeForCadLayer(name: string): ZoneType | null {
  const compact = name.replace(/\s+/g, '');
  const tokens = new Set(
    name
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter(Boolean),
  );
  for (const rule of RULES) {
    if (rule.words.some((w) => compact.includes(w)) || rule.codes.some((c) => tokens.has(c)))
      return rule.type;
  }
  return null;
}

export interface CadLayerSummary {
  name: string;
  polygons: number;
  lines: number;
  suggested: ZoneType | null;
}

/** Every CAD layer that holds features, with its polygon and line counts and a suggested zone type. */
export function dxfLayerNames(result: ReadResult): CadLayerSummary[] {
  const byName = new Map<string, CadLayerSummary>();
  for (const layer of result.layers) {
    for (const feature of layer.features) {
      const name = String(getProperty(feature.properties, 'layer') ?? '0');
      let summary = byName.get(name);
      if (!summary) {
        summary = { name, polygons: 0, lines: 0, suggested: suggestZoneTypeForCadLayer(name) };
        byName.set(name, summary);
      }
      if (feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon')
        summary.polygons++;
      else summary.lines++;
    }
  }
  return [...byName.values()];
}
