import { useMemo } from 'react';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/domain/messages';
import type { Lang } from '../../../shared/domain/labels';
import { mergePatch } from '../../editor/commands/mergePatch';
import { fieldModels, type FieldModel } from './fieldModel';
import { FieldControl } from './FieldControl';

interface Props<T extends object> {
  schema: z.ZodObject | z.ZodType;
  value: T;
  lang: Lang;
  /** Called with a patch for one committed field, already validated against the whole record. */
  onCommit(patch: Record<string, unknown>): void;
  idPrefix: string;
  /** Keys to leave out (e.g. fields not relevant to this record). */
  hidden?: ReadonlySet<string>;
  /** Show the values without offering to change them (a read-only review copy). */
  readOnly?: boolean;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/**
 * A form generated from a domain schema. Each field commits on its own (Enter, leaving the field,
 * or picking a choice): one field, one change set, one undo step. A value the schema refuses is
 * shown with its message and not committed.
 */
export function SchemaForm<T extends object>({
  schema,
  value,
  lang,
  onCommit,
  idPrefix,
  hidden,
  readOnly,
}: Props<T>) {
  const fields = useMemo(() => fieldModels(shapeOf(schema)), [schema]);

  /** Validate a one-field patch against the whole record; returns the message for that field or null. */
  const check = (path: string[], fieldValue: unknown): string | null => {
    const patch = nest(path, fieldValue);
    const result = schema.safeParse(mergePatch(value, patch));
    if (result.success) return null;
    const problem = describeIssues(result.error, lang).find((p) => p.path === path.join('.'));
    return problem ? problem.message : null;
  };

  const render = (field: FieldModel, path: string[], current: Record<string, unknown>) => {
    if (hidden?.has(field.key)) return null;
    const fieldPath = [...path, field.key];
    if (field.kind === 'group') {
      return (
        <fieldset key={field.key} className="form-group">
          <legend>{field.meta.label[lang]}</legend>
          {field.fields.map((f) =>
            render(f, fieldPath, (current[field.key] ?? {}) as Record<string, unknown>),
          )}
        </fieldset>
      );
    }
    return (
      <FieldControl
        key={`${field.key}:${JSON.stringify(current[field.key])}`}
        id={`${idPrefix}-${fieldPath.join('-')}`}
        field={field}
        value={current[field.key]}
        lang={lang}
        validate={(v) => check(fieldPath, v)}
        readOnly={readOnly}
        onCommit={(v) => onCommit(nest(fieldPath, v))}
      />
    );
  };

  return (
    <div className="schema-form">{fields.map((f) => render(f, [], value as Record<string, unknown>))}</div>
  );
}

function nest(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>(
    (inner, key, i) => ({ [key]: i === path.length - 1 ? value : inner }),
    {},
  );
}
