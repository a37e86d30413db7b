import type { z } from 'zod';
import type { Bilingual } from './labels';

/** Which label table an enum field's options come from (see optionLabels.ts). */
export type OptionSet =
  | 'zoneType'
  | 'zoneStatus'
  | 'cczClass'
  | 'objectType'
  | 'protectionLevel'
  | 'relicCategory'
  | 'placeDesignation'
  | 'provenanceMethod';

export interface FieldMeta {
  label: Bilingual;
  options?: OptionSet;
  multiline?: boolean;
  readOnly?: boolean;
  control?: 'date';
}

/** Attach form metadata to a schema field; the form generator reads it back with `fieldMeta`. */
export function field<T extends z.ZodType>(
  schema: T,
  label: Bilingual,
  extra: Omit<FieldMeta, 'label'> = {},
): T {
  return schema.meta({ label, ...extra }) as T;
}

export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  return schema.meta() as FieldMeta | undefined;
}
