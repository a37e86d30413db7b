import { writeCsv } from './csv/writeCsv';
import { writeXlsx } from './xlsx/writeXlsx';

export type TableCell = string | number | null;

/** A table as a planner sees it: a header row and typed cells (numbers stay numbers). */
export interface TableData {
  /** Sheet name in a workbook. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly TableCell[])[];
  /** Column widths in characters, for the workbook. */
  widths?: readonly number[];
  /** Excel number format per column (e.g. '0.00'), for the workbook. */
  numberFormats?: readonly (string | null)[];
}

/**
 * Tab-separated text, what spreadsheets paste as cells: tabs and line breaks inside a cell
 * become spaces, so each row stays one line.
 */
export function tableTsv(table: TableData): string {
  const cell = (v: TableCell) => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
  return [table.header, ...table.rows].map((row) => row.map(cell).join('\t')).join('\r\n') + '\r\n';
}

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. */
export function tableCsv(table: TableData): Uint8Array {
  return writeCsv([table.header, ...table.rows]);
}

/** A one-sheet XLSX workbook with a bold, frozen header row. */
export function tableXlsx(table: TableData): Uint8Array {
  return writeXlsx([
    {
      name: table.name,
      rows: [table.header, ...table.rows],
      ...(table.widths ? { columnWidths: table.widths } : {}),
      ...(table.numberFormats ? { numberFormats: table.numberFormats } : {}),
    },
  ]);
}
