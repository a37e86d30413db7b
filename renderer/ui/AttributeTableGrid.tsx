import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { COLUMNS, type Column, type TableRow } from './attributeTableColumns';
import type { TableSort } from './attributeTableView';
import { tableText } from './attributeTableText';
import { CellEditor } from './AttributeTableCell';
import { useVirtualRows } from './useVirtualRows';

/** Row and header heights, px (attributeTable.css). */
const ROW_PX = 26;
const HEADER_PX = 28;
const TEMPLATE = COLUMNS.map((c) => `${c.width}px`).join(' ');

export interface GridProps {
  view: readonly TableRow[];
  lang: Lang;
  sort: TableSort | null;
  onSort(column: string): void;
  selected: ReadonlySet<string>;
  /** Select these zones; `focus` is the row the gesture ended on. */
  onSelect(zoneIds: string[], focus: TableRow | null): void;
  /** Apply typed text to one cell. */
  onEdit(row: TableRow, column: Column, text: string): void;
  onZoom(zoneIds: string[]): void;
  readOnly: boolean;
}

/**
 * The attribute table's grid: only the rows in view are in the DOM. Click selects a row,
 * Ctrl-click toggles, Shift-click selects a range; arrows move the active cell (and the row
 * selection, Shift extends it), Enter or F2 edits it, Escape cancels an edit or clears the
 * selection, Ctrl+A selects every shown row.
 */
export function AttributeTableGrid({
  view,
  lang,
  sort,
  onSort,
  selected,
  onSelect,
  onEdit,
  onZoom,
  readOnly,
}: GridProps) {
  const id = useId();
  const grid = useRef<HTMLDivElement | null>(null);
  const anchor = useRef<number>(0);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState(false);
  const { start, end, attach, onScroll, totalHeight, top, scrollToIndex } = useVirtualRows(
    view.length,
    ROW_PX,
    {
      headerHeight: HEADER_PX,
    },
  );
  const row = Math.min(active.row, Math.max(0, view.length - 1));

  // A selection made elsewhere (the map, the tree) brings its first row into view.
  const firstSelected = selected.size > 0 ? selected.values().next().value : undefined;
  useEffect(() => {
    if (firstSelected === undefined) return;
    const index = view.findIndex((r) => r.zone.id === firstSelected);
    if (index >= 0) scrollToIndex(index);
    // Only a new selection scrolls; re-sorting or filtering keeps the scroll position.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstSelected, scrollToIndex]);

  const rangeIds = (from: number, to: number) =>
    view.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.zone.id);

  const pick = (index: number, how: { toggle?: boolean; range?: boolean }) => {
    const target = view[index];
    if (!target) return;
    if (how.range) onSelect(rangeIds(anchor.current, index), target);
    else if (how.toggle) {
      anchor.current = index;
      const ids = selected.has(target.zone.id)
        ? [...selected].filter((z) => z !== target.zone.id)
        : [...selected, target.zone.id];
      onSelect(ids, target);
    } else {
      anchor.current = index;
      onSelect([target.zone.id], target);
    }
  };

  const moveTo = (nextRow: number, nextCol: number, event?: KeyboardEvent) => {
    const r = Math.max(0, Math.min(view.length - 1, nextRow));
    const c = Math.max(0, Math.min(COLUMNS.length - 1, nextCol));
    setActive({ row: r, col: c });
    scrollToIndex(r);
    if (event && r !== row && !event.ctrlKey && !event.metaKey) pick(r, { range: event.shiftKey });
  };

  const startEdit = () => {
    const column = COLUMNS[active.col];
    if (!readOnly && column?.edit && view[row]) setEditing(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((grid.current?.clientHeight ?? 300) / ROW_PX) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(row + 1, active.col, event),
      ArrowUp: () => moveTo(row - 1, active.col, event),
      ArrowRight: () => moveTo(row, active.col + 1),
      ArrowLeft: () => moveTo(row, active.col - 1),
      PageDown: () => moveTo(row + page, active.col, event),
      PageUp: () => moveTo(row - page, active.col, event),
      Home: () => (event.ctrlKey ? moveTo(0, active.col, event) : moveTo(row, 0)),
      End: () =>
        event.ctrlKey ? moveTo(view.length - 1, active.col, event) : moveTo(row, COLUMNS.length - 1),
      Enter: startEdit,
      F2: startEdit,
      ' ': () => pick(row, { toggle: event.ctrlKey || event.metaKey }),
      Escape: () => onSelect([], null),
    };
    if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      onSelect(
        view.map((r) => r.zone.id),
        view[row] ?? null,
      );
    } else if (keys[event.key]) keys[event.key]!();
    else return;
    event.preventDefault();
  };

  const onRowClick = (index: number, event: MouseEvent) => {
    const col = Number(
      (event.target as HTMLElement).closest('[data-col]')?.getAttribute('data-col') ?? active.col,
    );
    setActive({ row: index, col });
    pick(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
  };

  const finishEdit = (text: string | null) => {
    setEditing(false);
    const column = COLUMNS[active.col];
    const target = view[row];
    if (text !== null && column && target) onEdit(target, column, text);
    grid.current?.focus();
  };

  const cellId = (r: number, c: number) => `${id}-r${r}-c${c}`;
  return (
    <div
      ref={(element) => {
        grid.current = element;
        attach(element);
      }}
      className="table-scroll"
      role="grid"
      aria-label={tableText('grid', lang)}
      aria-multiselectable="true"
      aria-rowcount={view.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={view.length ? cellId(row, active.col) : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div role="row" aria-rowindex={1} className="table-header" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((column, c) => {
          const direction = sort?.column === column.id ? sort.direction : undefined;
          return (
            <div key={column.id} role="columnheader" aria-colindex={c + 1} aria-sort={direction ?? 'none'}>
              <button
                type="button"
                tabIndex={-1}
                aria-label={`${tableText('sortBy', lang)}${column.label[lang]}`}
                title={`${tableText('sortBy', lang)}${column.label[lang]}`}
                onClick={() => onSort(column.id)}
              >
                {column.label[lang]}
                <span aria-hidden="true">
                  {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div className="table-body" style={{ height: totalHeight }}>
        {view.slice(start, end).map((r, k) => {
          const index = start + k;
          const isSelected = selected.has(r.zone.id);
          return (
            <div
              key={r.zone.id}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={isSelected}
              data-zone-id={r.zone.id}
              className={`table-row${isSelected ? ' selected' : ''}${index === row ? ' active' : ''}`}
              style={{ top: top(index), gridTemplateColumns: TEMPLATE }}
              onClick={(e) => onRowClick(index, e)}
              onDoubleClick={() =>
                COLUMNS[active.col]?.edit && !readOnly ? startEdit() : onZoom([r.zone.id])
              }
            >
              {COLUMNS.map((column, c) => {
                const isActive = index === row && c === active.col;
                return (
                  <div
                    key={column.id}
                    id={cellId(index, c)}
                    role="gridcell"
                    aria-colindex={c + 1}
                    data-col={c}
                    className={`${column.numeric ? 'numeric' : ''}${isActive ? ' active-cell' : ''}`}
                  >
                    {isActive && editing ? (
                      <CellEditor column={column} row={r} lang={lang} onDone={finishEdit} />
                    ) : (
                      column.text(r, lang)
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
