import type { OptionSet } from '../../domain/fieldMeta';
import type { Bilingual } from '../../domain/labels';
import { getProperty, type Properties } from '../layer';
import { lswhbhxNames } from '../profiles/lswhbhx';
import type { FullRecord } from '../profiles/types';
import { chosenValues, valueKey, valueResolver } from './fieldMapping';
import { targetField } from './targetFields';
import type { ImportOptions, LayerMapping } from './types';
import { zoneTypeOfCode } from './valueMapping';

/** A layer's mapping made ready to run over its features. */
export interface CompiledMapping {
  pairs: readonly { property: string; source: string }[];
  coded: ReadonlyMap<string, { set: OptionSet; resolve: ReturnType<typeof valueResolver> }>;
  /** LSWHBHX layers: a missing object name or zone type is taken from BHDXMC/QHLX/BZ. */
  lswhbhx: boolean;
}

export interface MappedFeature {
  full: FullRecord;
  /** Values that map to no code: the feature is refused with these reasons. */
  problems: { field: string; reason: Bilingual }[];
  /** The zone-type value carried a construction-control class (一类建控). */
  classFromValue: boolean;
}

export function compileMapping(report: LayerMapping, options: ImportOptions): CompiledMapping {
  const chosen = chosenValues(options);
  const pairs = report.fields
    .filter((f) => f.source !== null && f.how !== 'missing')
    .map((f) => ({ property: f.property, source: f.source! }));
  const coded = new Map<string, { set: OptionSet; resolve: ReturnType<typeof valueResolver> }>();
  for (const { property } of pairs) {
    const set = targetField(property)?.options;
    if (set) coded.set(property, { set, resolve: valueResolver(set, chosen[property]) });
  }
  return { pairs, coded, lswhbhx: report.profile === 'lswhbhx' };
}

function unmapped(source: string, value: string, property: string): Bilingual {
  const label = targetField(property)?.label ?? { zh: property, en: property };
  return {
    zh: `字段 ${source} 的值「${value}」无法对应到${label.zh}（${property}）`,
    en: `value "${value}" of field ${source} does not map to any ${label.en.toLowerCase()} (${property})`,
  };
}

/**
 * One feature's attributes → a full record through the mapping: plain fields copied, coded
 * fields translated value by value (a class in the zone-type value fills ccz_class unless the
 * file gives one). A value that maps to nothing is a problem naming field and value.
 */
export function mapFeature(properties: Properties, compiled: CompiledMapping): MappedFeature {
  const full: FullRecord = {};
  const problems: MappedFeature['problems'] = [];
  const fallback = compiled.lswhbhx ? lswhbhxNames(properties) : null;
  let zoneClass: number | null = null;
  let zoneRefused = false;
  for (const { property, source } of compiled.pairs) {
    const value = getProperty(properties, source);
    const coded = compiled.coded.get(property);
    if (!coded) {
      if (value !== undefined) full[property] = value;
      continue;
    }
    const key = valueKey(value);
    if (!key) continue;
    const { code } = coded.resolve(key);
    if (code === null) {
      zoneRefused ||= coded.set === 'zoneType';
      problems.push({ field: source, reason: unmapped(source, key, property) });
      continue;
    }
    if (coded.set === 'zoneType') {
      const zone = zoneTypeOfCode(code)!;
      full.zone_type = zone.zoneType;
      zoneClass = zone.cczClass;
    } else full[property] = coded.set === 'cczClass' ? Number(code) : code;
  }
  if (fallback) {
    if (valueKey(full.object_name) === '' && fallback.object_name) full.object_name = fallback.object_name;
    const remark = valueKey(fallback.zone_type);
    if (valueKey(full.zone_type) === '' && remark && !zoneRefused) {
      const zone = zoneTypeOfCode(valueResolver('zoneType', undefined)(remark).code ?? '');
      if (zone) [full.zone_type, zoneClass] = [zone.zoneType, zone.cczClass];
    }
  }
  const classFromValue = zoneClass !== null;
  if (classFromValue && valueKey(full.ccz_class) === '') full.ccz_class = zoneClass;
  return { full, problems, classFromValue };
}
