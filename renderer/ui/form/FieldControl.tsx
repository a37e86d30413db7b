import { useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../../shared/domain/labels';
import type { FieldModel } from './fieldModel';

interface Props {
  id: string;
  field: Exclude<FieldModel, { kind: 'group' }>;
  value: unknown;
  lang: Lang;
  validate(value: unknown): string | null;
  onCommit(value: unknown): void;
  /** A review copy: text stays selectable (read-only), choices are disabled. */
  readOnly?: boolean;
}

const EMPTY = { zh: '（无）', en: '(none)' };
const YES_NO = { true: { zh: '是', en: 'Yes' }, false: { zh: '否', en: 'No' } };

/** One field: keeps the typed text as a draft until it is committed and valid. */
export function FieldControl({ id, field, value, lang, validate, onCommit, readOnly = false }: Props) {
  const initial = value === null || value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const label = field.meta.label[lang];
  const errorId = `${id}-error`;

  const commit = (next: unknown) => {
    const message = validate(next);
    setError(message);
    if (!message) onCommit(next);
  };
  const parseText = (text: string): unknown => {
    if (field.kind === 'number') return text.trim() === '' ? (field.nullable ? null : NaN) : Number(text);
    return text;
  };
  const commitDraft = () => {
    if (draft !== initial) commit(parseText(draft));
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement && !event.ctrlKey)) {
      event.preventDefault();
      commitDraft();
    }
    if (event.key === 'Escape') {
      setDraft(initial);
      setError(null);
    }
  };
  const described = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };

  let control;
  switch (field.kind) {
    case 'readonly':
      control = (
        <output id={id}>
          {typeof value === 'boolean'
            ? YES_NO[`${value}`][lang]
            : Array.isArray(value)
              ? value.join(', ')
              : initial || '—'}
        </output>
      );
      break;
    case 'checkbox':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => commit(e.target.checked)}
          {...described}
        />
      );
      break;
    case 'select':
      control = (
        <select
          id={id}
          value={initial}
          disabled={readOnly}
          onChange={(e) =>
            commit(e.target.value === '' ? null : field.numeric ? Number(e.target.value) : e.target.value)
          }
          {...described}
        >
          {field.nullable && <option value="">{EMPTY[lang]}</option>}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiselect': {
      const selected = new Set((value as string[] | undefined) ?? []);
      return (
        <fieldset className="form-field multiselect">
          <legend>{label}</legend>
          {field.options.map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={selected.has(o.value)}
                disabled={readOnly}
                onChange={(e) =>
                  commit(
                    field.options
                      .map((x) => x.value)
                      .filter((v) => (v === o.value ? e.target.checked : selected.has(v))),
                  )
                }
              />
              {o.label[lang]}
            </label>
          ))}
        </fieldset>
      );
    }
    default: {
      const common = {
        id,
        value: draft,
        readOnly,
        onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
        onBlur: commitDraft,
        onKeyDown: onKey,
        ...described,
      };
      control = field.meta.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input
          type={field.kind === 'number' ? 'number' : field.meta.control === 'date' ? 'date' : 'text'}
          step={field.kind === 'number' ? (field.integer ? 1 : 'any') : undefined}
          {...common}
        />
      );
    }
  }
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {control}
      {error && (
        <div id={errorId} className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
