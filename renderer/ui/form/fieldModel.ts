import type { z } from 'zod';
import { fieldMeta, type FieldMeta } from '../../../shared/domain/fieldMeta';
import { OPTION_LABELS } from '../../../shared/domain/optionLabels';
import type { Bilingual } from '../../../shared/domain/labels';

/** A form field derived from the domain schema: the form has no field list of its own. */
export type FieldModel =
  | { kind: 'select'; key: string; meta: FieldMeta; nullable: boolean; numeric: boolean; options: Option[] }
  | { kind: 'multiselect'; key: string; meta: FieldMeta; options: Option[] }
  | { kind: 'text'; key: string; meta: FieldMeta }
  | { kind: 'number'; key: string; meta: FieldMeta; nullable: boolean; integer: boolean }
  | { kind: 'checkbox'; key: string; meta: FieldMeta }
  | { kind: 'group'; key: string; meta: FieldMeta; fields: FieldModel[] }
  | { kind: 'readonly'; key: string; meta: FieldMeta };

export interface Option {
  value: string;
  label: Bilingual;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  format?: string;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** Peel default / nullable / optional wrappers, remembering nullability and the first metadata. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; nullable: boolean; meta: FieldMeta | undefined } {
  let inner = schema;
  let nullable = false;
  let meta = fieldMeta(inner);
  for (;;) {
    const def = defOf(inner);
    if (!['default', 'prefault', 'nullable', 'optional'].includes(def.type) || !def.innerType) break;
    if (def.type === 'nullable') nullable = true;
    inner = def.innerType;
    meta ??= fieldMeta(inner);
  }
  return { inner, nullable, meta };
}

function optionsOf(meta: FieldMeta, values: string[]): Option[] {
  const table = meta.options ? OPTION_LABELS[meta.options] : {};
  return values.map((value) => ({ value, label: table[value] ?? { zh: value, en: value } }));
}

export function fieldModels(shape: Record<string, z.ZodType>): FieldModel[] {
  const fields: FieldModel[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const { inner, nullable, meta } = unwrap(schema);
    if (!meta) continue;
    const def = defOf(inner);
    if (meta.readOnly) fields.push({ kind: 'readonly', key, meta });
    else if (def.type === 'enum') {
      fields.push({
        kind: 'select',
        key,
        meta,
        nullable,
        numeric: false,
        options: optionsOf(meta, Object.values(def.entries!)),
      });
    } else if (def.type === 'union') {
      const values = def.options!.map((o) => String(defOf(o).values![0]));
      fields.push({ kind: 'select', key, meta, nullable, numeric: true, options: optionsOf(meta, values) });
    } else if (def.type === 'array' && defOf(def.element!).type === 'enum') {
      fields.push({
        kind: 'multiselect',
        key,
        meta,
        options: optionsOf(meta, Object.values(defOf(def.element!).entries!)),
      });
    } else if (def.type === 'number') {
      const integer = (def.checks ?? []).some(
        (c) => c._zod.def.format === 'safeint' || c._zod.def.check === 'number_format',
      );
      fields.push({ kind: 'number', key, meta, nullable, integer });
    } else if (def.type === 'boolean') fields.push({ kind: 'checkbox', key, meta });
    else if (def.type === 'object') {
      fields.push({
        kind: 'group',
        key,
        meta,
        fields: fieldModels((inner as z.ZodObject).shape as Record<string, z.ZodType>),
      });
    } else fields.push({ kind: 'text', key, meta });
  }
  return fields;
}
