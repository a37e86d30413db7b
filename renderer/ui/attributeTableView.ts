import type { Lang } from '../../shared/domain/labels';
import { compareNames } from '../../shared/domain/collation';
import { townshipOf } from '../../shared/analysis/areaStatistics';
import { COLUMNS, columnById, type TableRow } from './attributeTableColumns';

/** What the table shows: '' (or 'any') means no restriction. */
export interface TableFilter {
  zoneType: string;
  objectId: string;
  level: string;
  /** A 9-digit township code, or '-' for objects without one. */
  township: string;
  findings: 'any' | 'with' | 'without';
  /** Free text, matched in every column's shown text (case-insensitive). */
  text: string;
}

export const NO_FILTER: TableFilter = {
  zoneType: '',
  objectId: '',
  level: '',
  township: '',
  findings: 'any',
  text: '',
};

export interface TableSort {
  column: string;
  direction: 'ascending' | 'descending';
}

function matches(row: TableRow, filter: TableFilter, words: string[], lang: Lang): boolean {
  const a = row.zone.attributes;
  if (filter.zoneType && a.zoneType !== filter.zoneType) return false;
  if (filter.objectId && row.zone.objectId !== filter.objectId) return false;
  if (filter.level && (row.object?.attributes.level ?? '-') !== filter.level) return false;
  if (filter.township && (townshipOf(row.object) || '-') !== filter.township) return false;
  if (filter.findings === 'with' && !row.findings) return false;
  if (filter.findings === 'without' && row.findings !== 0) return false;
  if (words.length === 0) return true;
  const haystack = haystackOf(row, lang);
  return words.every((w) => haystack.includes(w));
}

/**
 * The searchable text of a row, built once per row object and language: typing in the search box
 * then costs one `includes` per row, not fifteen formatted cells (rows are rebuilt on every change).
 */
const HAYSTACKS: Record<Lang, WeakMap<TableRow, string>> = { zh: new WeakMap(), en: new WeakMap() };
function haystackOf(row: TableRow, lang: Lang): string {
  let text = HAYSTACKS[lang].get(row);
  if (text === undefined) {
    text = COLUMNS.map((c) => c.text(row, lang))
      .concat(row.object?.attributes.otherNames ?? '', row.object?.attributes.address ?? '')
      .join('\n')
      .toLowerCase();
    HAYSTACKS[lang].set(row, text);
  }
  return text;
}

/**
 * The rows the table shows, in its order: filtered (every word of the free text must appear in
 * some column) and sorted on one column, empty values last in either direction; ties keep the
 * input order. Pure, so the component memoises it on its inputs.
 */
export function tableView(
  rows: readonly TableRow[],
  filter: TableFilter,
  sort: TableSort | null,
  lang: Lang,
): TableRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = rows.filter((row) => matches(row, filter, words, lang));
  const column = sort && columnById(sort.column);
  if (!sort || !column) return shown;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Keys computed once per row: a 10 000-row sort compares keys, not cells.
  const keyed = shown.map((row, index) => ({
    row,
    index,
    key: column.numeric ? column.value(row) : column.text(row, lang),
  }));
  keyed.sort((x, y) => {
    const empty = (k: unknown) => k === null || k === '';
    if (empty(x.key) || empty(y.key))
      return empty(x.key) === empty(y.key) ? x.index - y.index : empty(x.key) ? 1 : -1;
    const order =
      typeof x.key === 'number' && typeof y.key === 'number'
        ? x.key - y.key
        : compareNames(String(x.key), String(y.key));
    return order === 0 ? x.index - y.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after a click on a column header: ascending, descending, then unsorted. */
export function nextSort(current: TableSort | null, column: string): TableSort | null {
  if (!current || current.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}
