import type { z } from 'zod';
import { fieldMeta, type FieldMeta, type OptionSet } from '../../domain/fieldMeta';
import type { Bilingual } from '../../domain/labels';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../domain/schema';
import { OBJECT_PROPERTIES, ZONE_PROPERTIES, type PropertyMapping } from '../geojson/properties';

/**
 * The heritage schema's fields as an import can fill them: one per property of the exchange table
 * (shared/formats/geojson/properties.ts), labelled from the schema's own field metadata — the same
 * labels the attribute forms show — so a new schema field appears in the mapping panel by itself.
 */
export interface TargetField {
  /** Property name of the `full` profile, e.g. `boundary_text`; the key of a field mapping. */
  property: string;
  group: 'zone' | 'object';
  label: Bilingual;
  /** Closed vocabulary whose values are mapped value by value (zone type, level …). */
  options?: OptionSet;
}

/** Ids and timestamps live on the record, not in the attributes, so they carry no form metadata. */
const RECORD_LABELS: Record<string, Bilingual> = {
  zone_id: { zh: '区划标识（zone_id）', en: 'Zone id' },
  object_id: { zh: '保护对象标识（object_id）', en: 'Object id' },
  zone_created_at: { zh: '区划创建时间', en: 'Zone created at' },
  zone_updated_at: { zh: '区划修改时间', en: 'Zone updated at' },
  object_created_at: { zh: '对象创建时间', en: 'Object created at' },
  object_updated_at: { zh: '对象修改时间', en: 'Object updated at' },
};

/** Option sets that hold one code per record; `designations` (a list) is read as codes as-is. */
const SINGLE_VALUED: ReadonlySet<OptionSet> = new Set<OptionSet>([
  'zoneType',
  'zoneStatus',
  'cczClass',
  'objectType',
  'protectionLevel',
  'relicCategory',
  'provenanceMethod',
]);

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** The metadata of the field at a dotted path below an object schema, through default/nullable wrappers. */
function metaAt(schema: z.ZodType, path: readonly string[]): FieldMeta | undefined {
  let node: z.ZodType | undefined = schema;
  let meta: FieldMeta | undefined;
  for (const key of path) {
    for (let def = defOf(node); def.innerType && def.type !== 'object'; def = defOf(node))
      node = def.innerType;
    node = (node as unknown as { shape?: Record<string, z.ZodType> }).shape?.[key];
    if (!node) return undefined;
    meta = fieldMeta(node);
    for (let def = defOf(node); !meta && def.innerType; def = defOf(node)) {
      node = def.innerType;
      meta = fieldMeta(node);
    }
  }
  return meta;
}

function targetOf(mapping: PropertyMapping, group: TargetField['group']): TargetField {
  const schema = group === 'zone' ? ZoneAttributesSchema : ObjectAttributesSchema;
  const [head, ...rest] = mapping.path.split('.');
  const meta = head === 'attributes' ? metaAt(schema, rest) : undefined;
  const label = meta?.label ??
    RECORD_LABELS[mapping.property] ?? { zh: mapping.property, en: mapping.property };
  const options = meta?.options && SINGLE_VALUED.has(meta.options) ? meta.options : undefined;
  return { property: mapping.property, group, label, ...(options ? { options } : {}) };
}

/** Every importable field, zone fields first, in the order of the exchange table. */
export const TARGET_FIELDS: readonly TargetField[] = [
  ...ZONE_PROPERTIES.map((m) => targetOf(m, 'zone')),
  ...OBJECT_PROPERTIES.map((m) => targetOf(m, 'object')),
];

export const TARGET_PROPERTIES: readonly string[] = TARGET_FIELDS.map((t) => t.property);

const BY_PROPERTY = new Map(TARGET_FIELDS.map((t) => [t.property, t]));

export function targetField(property: string): TargetField | undefined {
  return BY_PROPERTY.get(property);
}

/** Properties whose values are mapped one by one (zone type, CCZ class, level, category …). */
export const CODED_TARGETS: readonly TargetField[] = TARGET_FIELDS.filter((t) => t.options);
