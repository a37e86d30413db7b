import { useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { COLUMNS, type Column } from './attributeTableColumns';
import { applyText, tableText } from './attributeTableText';

const EDITABLE = COLUMNS.filter((c) => c.edit);

/** Set one column to one value for every selected row: one command, one undo step. */
export function AttributeTableBulkEdit({
  selected,
  lang,
  disabled,
  onApply,
}: {
  selected: number;
  lang: Lang;
  disabled: boolean;
  onApply(column: Column, text: string): void;
}) {
  const [columnId, setColumnId] = useState(EDITABLE.find((c) => c.id === 'object.level')!.id);
  const [text, setText] = useState('');
  const column = EDITABLE.find((c) => c.id === columnId)!;
  const model = column.edit!.model;
  return (
    <div role="group" aria-label={tableText('bulkEdit', lang)} className="table-bulk">
      <span aria-hidden="true">{tableText('bulkEdit', lang)}</span>
      <select
        aria-label={tableText('bulkColumn', lang)}
        value={columnId}
        onChange={(e) => {
          setColumnId(e.target.value);
          setText('');
        }}
      >
        {EDITABLE.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label[lang]}
          </option>
        ))}
      </select>
      {model.kind === 'select' ? (
        <select
          aria-label={tableText('bulkValue', lang)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        >
          <option value="">{tableText('empty', lang)}</option>
          {model.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={tableText('bulkValue', lang)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      <button
        type="button"
        aria-label={applyText(selected, lang)}
        disabled={disabled || selected === 0}
        onClick={() => onApply(column, text)}
      >
        {applyText(selected, lang)}
      </button>
    </div>
  );
}
