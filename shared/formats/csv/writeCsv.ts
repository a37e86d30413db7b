import { encodeText } from '../text/encoding';

export type CsvCell = string | number | null;

export interface CsvOptions {
  /**
   * 'utf-8' (default) is written with a byte-order mark so that Excel opens Chinese text
   * correctly; 'gbk' for older office software, without a mark.
   */
  encoding?: 'utf-8' | 'gbk';
  /** CRLF by default (RFC 4180, and what Excel writes). */
  lineEnding?: '\r\n' | '\n';
}

/** One field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvCell[])[], lineEnding: '\r\n' | '\n' = '\r\n'): string {
  return rows.map((row) => row.map(csvField).join(',')).join(lineEnding) + lineEnding;
}

/** Rows as CSV bytes; throws UnencodableTextError for a character GBK lacks. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'utf-8';
  const text = csvText(rows, options.lineEnding);
  return encodeText(encoding === 'utf-8' ? `\uFEFF${text}` : text, encoding);
}
