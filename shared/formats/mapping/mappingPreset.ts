import { z } from 'zod';
import type { Bilingual } from '../../domain/labels';
import { describeIssues } from '../../domain/messages';
import { ZONE_TYPES, type ZoneType } from '../../domain/taxonomy';
import { targetField, TARGET_PROPERTIES } from './targetFields';
import type { ImportMapping, ImportOptions } from './types';
import { isValueCode } from './valueMapping';

/**
 * A saved field and value mapping: what the planner chose for one kind of file, under a name.
 * Stored in the app (not the project), exported and imported as JSON, and read by
 * `hzw convert --mapping`. Layout (docs/formats.md "Mapping presets"):
 *
 *   { "format": "hzw-import-mapping", "version": 1, "name": "乌苏文物局区划表",
 *     "sourceFields": ["名称", "类型", …], "fields": { "object_name": "名称", "rules": null, … },
 *     "values": { "zone_type": { "一类建控": "construction_control_zone:1" } },
 *     "defaults": { "zoneType": "protection_range", "objectName": "…" } }
 */
export interface MappingPreset {
  name: string;
  /** Fields of the file it was made for: a file with exactly these fields gets it automatically. */
  sourceFields: string[];
  mapping: ImportMapping;
  defaults: { zoneType?: ZoneType; objectName?: string };
}

export const MAPPING_FORMAT = 'hzw-import-mapping';

type Issue = z.core.$RefinementCtx['addIssue'];
const problem = (addIssue: Issue, path: PropertyKey[], text: Bilingual) =>
  addIssue({ code: 'custom', path, message: text.en, params: { text } });

const FieldsSchema = z.record(z.string(), z.string().trim().min(1).max(254).nullable());
const ValuesSchema = z.record(z.string(), z.record(z.string(), z.string().nullable()));

/** Field and value mapping: known properties, codes each property's vocabulary knows. */
export const ImportMappingSchema = z
  .strictObject({ fields: FieldsSchema.optional(), values: ValuesSchema.optional() })
  .superRefine((mapping, ctx) => {
    for (const property of Object.keys(mapping.fields ?? {}))
      if (!TARGET_PROPERTIES.includes(property))
        problem(ctx.addIssue, ['fields', property], {
          zh: `未知的字段「${property}」；可用：${TARGET_PROPERTIES.join(', ')}`,
          en: `unknown schema field "${property}"; known: ${TARGET_PROPERTIES.join(', ')}`,
        });
    for (const [property, table] of Object.entries(mapping.values ?? {})) {
      const set = targetField(property)?.options;
      if (!set) {
        problem(ctx.addIssue, ['values', property], {
          zh: `字段「${property}」没有代码表，不能做值对应`,
          en: `"${property}" has no code list to map values to`,
        });
        continue;
      }
      for (const [value, code] of Object.entries(table))
        if (code !== null && !isValueCode(set, code))
          problem(ctx.addIssue, ['values', property, value], {
            zh: `「${code}」不是 ${property} 的代码`,
            en: `"${code}" is not a code of ${property}`,
          });
    }
  });

export const MappingPresetFileSchema = z.strictObject({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(1),
  name: z.string().trim().min(1).max(100),
  sourceFields: z.array(z.string()).max(1000).default([]),
  fields: FieldsSchema.default({}),
  values: ValuesSchema.default({}),
  defaults: z
    .strictObject({
      zoneType: z.enum(ZONE_TYPES).optional(),
      objectName: z.string().trim().max(200).optional(),
    })
    .default({}),
});

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function describe(error: z.ZodError): Bilingual[] {
  const zh = describeIssues(error, 'zh');
  const en = describeIssues(error, 'en');
  return error.issues.map((issue, i) => {
    const own = (issue as { params?: { text?: Bilingual } }).params?.text;
    const at = issue.path.map(String).join('.') || '(root)';
    return {
      zh: `${at}：${own?.zh ?? zh[i]!.message}`,
      en: `${at}: ${own?.en ?? en[i]!.message}`,
    };
  });
}

/** A preset from its JSON text, or every reason it is refused (each naming the bad key). */
export function parseMappingPreset(text: string): { preset: MappingPreset } | { problems: Bilingual[] } {
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN.has(key)) throw new Error(`forbidden key "${key}"`);
      return value;
    });
  } catch (error) {
    const reason = (error as Error).message;
    return { problems: [{ zh: `不是有效的 JSON：${reason}`, en: `not valid JSON: ${reason}` }] };
  }
  const file = MappingPresetFileSchema.safeParse(json);
  if (!file.success) return { problems: describe(file.error) };
  const { name, sourceFields, fields, values, defaults } = file.data;
  const mapping = ImportMappingSchema.safeParse({ fields, values });
  if (!mapping.success) return { problems: describe(mapping.error) };
  return { preset: { name, sourceFields, mapping: mapping.data, defaults } };
}

/** The JSON text of a preset, as `parseMappingPreset` reads it back. */
export function mappingPresetJson(preset: MappingPreset): string {
  const file = {
    format: MAPPING_FORMAT,
    version: 1,
    name: preset.name,
    sourceFields: preset.sourceFields,
    fields: preset.mapping.fields ?? {},
    values: preset.mapping.values ?? {},
    defaults: preset.defaults,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Whether a file's fields are exactly those a preset was made for (order and case aside). */
export function presetFits(preset: MappingPreset, sourceFields: readonly string[]): boolean {
  const key = (names: readonly string[]) =>
    JSON.stringify([...new Set(names.map((n) => n.toLowerCase()))].sort());
  return preset.sourceFields.length > 0 && key(preset.sourceFields) === key(sourceFields);
}

/** The import options a preset sets: its mapping and its defaults. */
export function presetOptions(preset: MappingPreset): ImportOptions {
  return {
    mapping: preset.mapping,
    ...(preset.defaults.zoneType ? { defaultZoneType: preset.defaults.zoneType } : {}),
    ...(preset.defaults.objectName ? { defaultObjectName: preset.defaults.objectName } : {}),
  };
}
