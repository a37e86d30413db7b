import type { OptionSet } from '../../domain/fieldMeta';
import type { Bilingual } from '../../domain/labels';
import { OPTION_LABELS } from '../../domain/optionLabels';
import {
  CCZ_CLASSES,
  CCZ_CLASS_LABELS,
  ZONE_TYPES,
  ZONE_TYPE_LABELS,
  type CczClass,
  type ZoneType,
} from '../../domain/taxonomy';
import { suggestZoneTypeForCadLayer } from '../dxf/cadLayers';
import { normalizeName } from './matchFields';
import { VALUE_SYNONYMS } from './valueSynonyms';

/**
 * Source values of the coded fields → the schema's codes. A code is the option's value
 * (`national`, `3`, `historic_village` …); a zone-type code may carry a construction-control
 * class: `construction_control_zone:2` (一类建控, Ⅱ类建设控制地带, 建设控制地带（三类）…).
 */
const CCZ = 'construction_control_zone';

/** Normalised value → code, from the codes, both labels and the synonym table. */
const TABLES = new Map<OptionSet, Map<string, string>>();
for (const [set, labels] of Object.entries(OPTION_LABELS) as [OptionSet, Record<string, Bilingual>][]) {
  const table = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key && !table.has(key)) table.set(key, code);
  };
  for (const [code, label] of Object.entries(labels)) [code, label.zh, label.en].forEach((n) => add(n, code));
  for (const [code, names] of Object.entries(VALUE_SYNONYMS[set] ?? {})) names.forEach((n) => add(n, code));
  TABLES.set(set, table);
}

const CLASS_NUMBERS: Record<string, CczClass> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
};
const CLASS = '(一|二|三|四|五|iii|ii|iv|i|v|[1-5])';
const CLASS_PATTERNS: readonly RegExp[] = [
  new RegExp(`^第?${CLASS}[类级](.*)$`), // 一类建控, Ⅱ类建设控制地带 (NFKC: ii类…)
  new RegExp(`^(.*?)第?${CLASS}[类级](?:区|地带)?$`), // 建设控制地带（三类）, 建控二类区
  new RegExp(`^(.*?)class${CLASS}(.*)$`), // CCZ class II, class 2 CCZ
];

/** A class word and what remains of the value around it, or null when the value names no class. */
export function splitClass(normalised: string): { cczClass: CczClass; rest: string } | null {
  for (const [i, pattern] of CLASS_PATTERNS.entries()) {
    const m = pattern.exec(normalised);
    if (!m) continue;
    const word = i === 0 ? m[1]! : m[2]!;
    const rest = i === 0 ? m[2]! : i === 1 ? m[1]! : m[1]! + m[3]!;
    return { cczClass: CLASS_NUMBERS[word]!, rest };
  }
  return null;
}

const isCcz = (key: string) => key === '' || TABLES.get('zoneType')!.get(key) === CCZ;

function zoneTypeCode(raw: string, key: string): string | null {
  const exact = TABLES.get('zoneType')!.get(key);
  if (exact) return exact;
  const graded = splitClass(key);
  if (graded) return graded.rest && isCcz(graded.rest) ? `${CCZ}:${graded.cczClass}` : null;
  return suggestZoneTypeForCadLayer(raw);
}

/** Levels written in longer phrases: 自治区级重点文物保护单位, 县（市）级文物保护单位 … */
const LEVEL_WORDS: readonly [RegExp, string][] = [
  [/未定级|未核定|尚未核定/, 'unclassified'],
  [/全国|国家/, 'national'],
  [/自治州|州级|地区级|设区的市|盟级/, 'prefecture'],
  [/省|自治区/, 'provincial'],
  [/县|旗/, 'county'],
  [/市级/, 'prefecture'],
];

/** The code a source value stands for, or null when it cannot be told. */
export function resolveValue(set: OptionSet, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const raw = String(value).trim();
  const key = normalizeName(raw);
  if (!key) return null;
  if (set === 'zoneType') return zoneTypeCode(raw, key);
  const exact = TABLES.get(set)?.get(key);
  if (exact) return exact;
  if (set === 'cczClass') {
    const graded = splitClass(key);
    return graded && (isCcz(graded.rest) || graded.rest === '区') ? String(graded.cczClass) : null;
  }
  if (set === 'protectionLevel') return LEVEL_WORDS.find(([words]) => words.test(key))?.[1] ?? null;
  return null;
}

/** A zone-type code split into the type and the construction-control class it may carry. */
export function zoneTypeOfCode(code: string): { zoneType: ZoneType; cczClass: CczClass | null } | null {
  const [type, grade] = code.split(':');
  if (!(ZONE_TYPES as readonly string[]).includes(type!)) return null;
  if (grade === undefined) return { zoneType: type as ZoneType, cczClass: null };
  const cczClass = Number(grade) as CczClass;
  return type === CCZ && CCZ_CLASSES.includes(cczClass) ? { zoneType: CCZ, cczClass } : null;
}

/** Whether a code is one the set knows (preset files are checked with it). */
export function isValueCode(set: OptionSet, code: string): boolean {
  if (set === 'zoneType') return zoneTypeOfCode(code) !== null;
  return Object.hasOwn(OPTION_LABELS[set], code);
}

/** Every code of a set with its label, for the value selects (classed CCZs after the CCZ). */
export function valueChoices(set: OptionSet): { code: string; label: Bilingual }[] {
  const labels = OPTION_LABELS[set];
  const choices = Object.entries(labels).map(([code, label]) => ({ code, label }));
  if (set !== 'zoneType') return choices;
  const at = choices.findIndex((c) => c.code === CCZ) + 1;
  const classed = CCZ_CLASSES.map((n) => ({
    code: `${CCZ}:${n}`,
    label: {
      zh: `${ZONE_TYPE_LABELS[CCZ].zh}（${CCZ_CLASS_LABELS[n].zh}）`,
      en: `${ZONE_TYPE_LABELS[CCZ].en} (${CCZ_CLASS_LABELS[n].en})`,
    },
  }));
  return [...choices.slice(0, at), ...classed, ...choices.slice(at)];
}

/** The label of a code, e.g. for the mapped-values preview. */
export function valueLabel(set: OptionSet, code: string): Bilingual {
  return valueChoices(set).find((c) => c.code === code)?.label ?? { zh: code, en: code };
}
