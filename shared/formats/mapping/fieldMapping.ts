import type { OptionSet } from '../../domain/fieldMeta';
import { getProperty, type Layer } from '../layer';
import type { FieldMatch, ImportMapping, ImportOptions, LayerMapping, ProfileId, ValueTable } from './types';
import { matchFields } from './matchFields';
import { CODED_TARGETS, TARGET_FIELDS } from './targetFields';
import { resolveValue } from './valueMapping';

/** Distinct values listed per coded property; the rest are still mapped, only not listed. */
export const MAX_VALUE_ENTRIES = 200;

/** A value as a mapping key: trimmed text; '' for none. */
export function valueKey(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Source fields of a layer: its declared fields, then keys of the first feature it did not declare. */
export function sourceFieldsOf(layer: Layer): string[] {
  const names = layer.fields.map((f) => f.name);
  const declared = new Set(names);
  for (const key of Object.keys(layer.features[0]?.properties ?? {})) if (!declared.has(key)) names.push(key);
  return names;
}

/**
 * property → source field in effect: matched by name, then the planner's choices (a preset's
 * field is found in any case; one this file lacks reads as none and is reported `missing`).
 * The older options zoneTypeField and objectNameField are choices too.
 */
export function effectiveFields(sourceFields: readonly string[], options: ImportOptions): FieldMatch[] {
  const auto = matchFields(sourceFields);
  const chosen: Record<string, string | null> = { ...(options.mapping?.fields ?? {}) };
  if (options.zoneTypeField) chosen.zone_type = options.zoneTypeField;
  if (options.objectNameField) chosen.object_name = options.objectNameField;
  const byLower = new Map(sourceFields.map((f) => [f.toLowerCase(), f]));
  return TARGET_FIELDS.map(({ property }): FieldMatch => {
    if (Object.hasOwn(chosen, property)) {
      const wanted = chosen[property];
      if (wanted === null || wanted === undefined) return { property, source: null, how: 'none' };
      const source = byLower.get(wanted.toLowerCase());
      return source ? { property, source, how: 'user' } : { property, source: wanted, how: 'missing' };
    }
    const source = Object.hasOwn(auto, property) ? auto[property]! : null;
    return { property, source, how: source ? 'auto' : 'none' };
  });
}

/** The planner's value choices per property; zoneTypeByValue is one for zone_type. */
export function chosenValues(options: ImportOptions): Record<string, Record<string, string | null>> {
  const values = { ...(options.mapping?.values ?? {}) };
  if (options.zoneTypeByValue) values.zone_type = { ...options.zoneTypeByValue, ...(values.zone_type ?? {}) };
  return values;
}

/** Resolves a coded property's values: the planner's choice first, else the synonym tables (cached). */
export function valueResolver(
  set: OptionSet,
  chosen: Record<string, string | null> | undefined,
): (key: string) => { code: string | null; how: 'auto' | 'user' } {
  const cache = new Map<string, string | null>();
  return (key) => {
    if (chosen && Object.hasOwn(chosen, key)) return { code: chosen[key] ?? null, how: 'user' };
    if (!cache.has(key)) cache.set(key, resolveValue(set, key));
    return { code: cache.get(key)!, how: 'auto' };
  };
}

function valueTable(
  layer: Layer,
  property: string,
  source: string,
  set: OptionSet,
  chosen: Record<string, string | null> | undefined,
): ValueTable {
  const counts = new Map<string, number>();
  for (const f of layer.features) {
    const key = valueKey(getProperty(f.properties, source));
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const resolve = valueResolver(set, chosen);
  // Most frequent first; ties in the order the file first uses them (the sort is stable).
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return {
    property,
    source,
    entries: sorted
      .slice(0, MAX_VALUE_ENTRIES)
      .map(([value, count]) => ({ value, count, ...resolve(value) })),
    more: Math.max(0, sorted.length - MAX_VALUE_ENTRIES),
  };
}

/** The mapping in effect for a layer: every field's source and every coded value's code, with counts. */
export function layerMapping(layer: Layer, profile: ProfileId, options: ImportOptions): LayerMapping {
  const sourceFields = sourceFieldsOf(layer);
  const fields = effectiveFields(sourceFields, options);
  const chosen = chosenValues(options);
  const values: ValueTable[] = [];
  for (const target of CODED_TARGETS) {
    const match = fields.find((f) => f.property === target.property);
    if (!match?.source || match.how === 'missing') continue;
    values.push(valueTable(layer, target.property, match.source, target.options!, chosen[target.property]));
  }
  return { layer: layer.name, profile, sourceFields, fields, values };
}

/**
 * The mapping as a planner would save it: every field's source and the code of every listed
 * value (auto or chosen), so a preset reads the next file of the same kind the same way.
 */
export function mappingOf(report: LayerMapping): Required<ImportMapping> {
  const fields: Record<string, string | null> = {};
  for (const f of report.fields) fields[f.property] = f.how === 'none' ? null : f.source;
  const values: Record<string, Record<string, string | null>> = {};
  for (const table of report.values)
    values[table.property] = Object.fromEntries(table.entries.map((e) => [e.value, e.code]));
  return { fields, values };
}
