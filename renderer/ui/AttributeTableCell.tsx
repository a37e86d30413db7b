import { useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../shared/domain/labels';
import type { Column, TableRow } from './attributeTableColumns';
import { tableText } from './attributeTableText';
import { inParens } from './i18n';

/**
 * The editor of one cell: a list for a field with options, a text box otherwise. Enter (or
 * leaving the cell) applies, Escape cancels; the table writes through its command.
 */
export function CellEditor({
  column,
  row,
  lang,
  onDone,
}: {
  column: Column;
  row: TableRow;
  lang: Lang;
  /** The typed text to apply, or null to cancel. */
  onDone(text: string | null): void;
}) {
  const edit = column.edit!;
  // Enter applies and unmounts the editor; the blur that may follow must not apply it again.
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  const initial = column.value(row);
  const [text, setText] = useState(initial === null ? '' : String(initial));
  const label = `${tableText('editCell', lang)} ${column.label[lang]}${inParens(row.object?.attributes.name ?? '', lang)}`;
  const onKeyDown = (event: KeyboardEvent) => {
    // The grid's own keys (arrows, Enter, Escape) must not act while a cell is being edited.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null);
    }
  };
  const onBlur = () => finish(text === (initial === null ? '' : String(initial)) ? null : text);
  if (edit.model.kind === 'select') {
    const { options, nullable } = edit.model;
    return (
      <select
        className="cell-editor"
        aria-label={label}
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        {nullable && <option value="">{tableText('empty', lang)}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="cell-editor"
      aria-label={label}
      autoFocus
      inputMode={edit.model.kind === 'number' ? 'decimal' : undefined}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
