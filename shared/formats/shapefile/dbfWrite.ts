import { FormatError, type InputProblem } from '../formatError';
import { getProperty, type FieldType, type FieldValue, type Properties } from '../layer';
import { encodeText, encodeTextInto, encodedLength, UnencodableTextError } from '../text/encoding';

/**
 * Write a dBase III table: C for text, N for numbers, L, D ('YYYY-MM-DD' → YYYYMMDD). Byte 29
 * declares the encoding: 0x4D (CP936) for GBK, 0 for UTF-8 (the .cpg says so).
 *
 * Widths follow the data (text: longest value in encoded bytes, at most 254; integers without
 * decimals; reals with as many decimals as the values need, at least one so they read back as
 * reals, width ≤ 24 as GDAL writes) unless a column declares its width: a planning-database
 * schema's fields are written exactly as declared, even when every value is shorter or empty.
 * Text longer than its field is cut at a character boundary and returned in `cut`, so the caller
 * can keep it elsewhere or say which records lost what.
 */
export interface DbfColumn {
  /** Name written to the file (already ≤ 10 bytes). */
  name: string;
  /** Name in the layer's properties. */
  source: string;
  type: FieldType;
  /** Declared width (text bytes or number digits), written exactly; absent = sized to the data. */
  width?: number;
  /** Declared decimals of a number column with a declared width. */
  decimals?: number;
}

/** A text value longer than its field: what the table holds is cut; `full` is the whole text. */
export interface CutText {
  record: number;
  column: DbfColumn;
  full: string;
}

export interface DbfWriteResult {
  bytes: Uint8Array;
  cut: CutText[];
}

const MAX_TEXT = 254;
const MAX_NUMBER = 24;
const MAX_DECIMALS = 15;

interface Encoded {
  column: DbfColumn;
  width: number;
  decimals: number;
  /** Text to write per record (numbers already formatted), null for an empty cell. */
  cells: (string | null)[];
}

/** The text cut at a character boundary to at most `limit` bytes (rare: only over-long values). */
function cutText(text: string, encoding: 'gbk' | 'utf-8', limit: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = encodedLength(ch, encoding);
    if (used + n > limit) break;
    out += ch;
    used += n;
  }
  return out;
}

const fractionDigits = (v: number) => {
  const s = String(Math.abs(v));
  if (s.includes('e')) return MAX_DECIMALS;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
};

function formatNumbers(
  values: (number | null)[],
  integer: boolean,
): { width: number; decimals: number; cells: (string | null)[] } {
  let decimals = integer ? 0 : 1;
  if (!integer)
    for (const v of values)
      if (v !== null) decimals = Math.max(decimals, Math.min(MAX_DECIMALS, fractionDigits(v)));
  const format = (d: number) =>
    values.map((v) => (v === null ? null : integer ? String(Math.round(v)) : v.toFixed(d)));
  let cells = format(decimals);
  const widest = () => cells.reduce((w, c) => Math.max(w, c?.length ?? 0), 1);
  while (widest() > MAX_NUMBER && decimals > (integer ? 0 : 1)) cells = format(--decimals);
  // Still too wide (|v| ≥ 1e22): exponent notation, which dBase readers parse.
  cells = cells.map((c, i) =>
    c !== null && c.length > MAX_NUMBER ? values[i]!.toExponential(MAX_NUMBER - 8) : c,
  );
  return { width: Math.max(widest(), integer ? 1 : decimals + 2), decimals, cells };
}

/** Numbers in a declared N(width, decimals); a value that cannot fit is a problem, never cut. */
function fixedNumbers(
  column: DbfColumn,
  values: (number | null)[],
  problems: InputProblem[],
): { width: number; decimals: number; cells: (string | null)[] } {
  const width = Math.min(column.width!, MAX_NUMBER);
  const decimals = column.type === 'integer' ? 0 : Math.min(column.decimals ?? 0, Math.max(0, width - 2));
  const cells = values.map((v, i) => {
    if (v === null) return null;
    const cell = v.toFixed(decimals);
    if (cell.length <= width) return cell;
    problems.push({
      index: i,
      field: `properties.${column.source}`,
      reason: {
        zh: `数值 ${cell} 超出字段 ${column.name} 的宽度 N(${width},${decimals})`,
        en: `${cell} does not fit field ${column.name}, N(${width},${decimals})`,
      },
    });
    return null;
  });
  return { width, decimals, cells };
}

function toNumber(v: FieldValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function encodeColumn(
  column: DbfColumn,
  records: readonly Properties[],
  encoding: 'gbk' | 'utf-8',
  problems: InputProblem[],
  cut: CutText[],
): Encoded {
  const values = records.map((r) => getProperty(r, column.source));
  const declared = column.width !== undefined && column.width > 0 ? column.width : null;
  if (column.type === 'integer' || column.type === 'real') {
    const numbers = values.map(toNumber);
    const { width, decimals, cells } =
      declared !== null
        ? fixedNumbers(column, numbers, problems)
        : formatNumbers(numbers, column.type === 'integer');
    return { column, width, decimals, cells };
  }
  if (column.type === 'boolean') {
    return {
      column,
      width: 1,
      decimals: 0,
      cells: values.map((v) => (v === true ? 'T' : v === false ? 'F' : '?')),
    };
  }
  if (column.type === 'date') {
    const cells = values.map((v) => {
      const m = typeof v === 'string' ? /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v) : null;
      return m ? `${m[1]}${m[2]}${m[3]}` : null;
    });
    return { column, width: 8, decimals: 0, cells };
  }
  const limit = Math.min(declared ?? MAX_TEXT, MAX_TEXT);
  let width = declared === null ? 1 : limit;
  // Measured here, written straight into the table by writeDbf: no bytes per cell.
  const cells = values.map((v, i) => {
    if (v === null || v === undefined) return null;
    const text = String(v);
    try {
      const length = encodedLength(text, encoding);
      if (length <= limit) {
        width = Math.max(width, length);
        return text;
      }
      cut.push({ record: i, column, full: text });
      const kept = cutText(text, encoding, limit);
      width = Math.max(width, encodedLength(kept, encoding));
      return kept;
    } catch (error) {
      if (!(error instanceof UnencodableTextError)) throw error;
      problems.push({
        index: i,
        field: `properties.${column.source}`,
        reason: {
          zh: `“${error.character}”无法用 GBK 编码，请改用 UTF-8 导出`,
          en: `“${error.character}” cannot be written in GBK; export as UTF-8 instead`,
        },
      });
      return null;
    }
  });
  return { column, width, decimals: 0, cells };
}

const TYPE_CODE: Record<FieldType, number> = {
  string: 0x43,
  integer: 0x4e,
  real: 0x4e,
  boolean: 0x4c,
  date: 0x44,
};

export function writeDbf(
  file: string,
  columns: readonly DbfColumn[],
  records: readonly Properties[],
  encoding: 'gbk' | 'utf-8',
): DbfWriteResult {
  const problems: InputProblem[] = [];
  const cut: CutText[] = [];
  const encoded = columns.map((c) => encodeColumn(c, records, encoding, problems, cut));
  if (problems.length) throw new FormatError(file, problems.slice(0, 50));
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + encoded.reduce((n, e) => n + e.width, 0);
  if (recordLength > 65535) {
    throw new FormatError(file, [
      {
        index: null,
        field: 'fields',
        reason: {
          zh: '字段总宽度超过 dBase 上限 65535 字节',
          en: 'The fields together exceed the dBase limit of 65 535 bytes per record',
        },
      },
    ]);
  }
  const out = new Uint8Array(headerLength + records.length * recordLength + 1);
  const view = new DataView(out.buffer);
  const today = new Date();
  out[0] = 0x03;
  out.set([today.getUTCFullYear() - 1900, today.getUTCMonth() + 1, today.getUTCDate()], 1);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = encoding === 'gbk' ? 0x4d : 0;
  encoded.forEach((e, i) => {
    const at = 32 + i * 32;
    out.set(encodeText(e.column.name, encoding).subarray(0, 10), at);
    out[at + 11] = TYPE_CODE[e.column.type];
    out[at + 16] = e.width;
    out[at + 17] = e.decimals;
  });
  out[headerLength - 1] = 0x0d;
  out.fill(0x20, headerLength, out.length - 1);
  let at = headerLength + 1;
  for (const e of encoded) {
    const numeric = e.column.type === 'integer' || e.column.type === 'real';
    const text = e.column.type === 'string';
    for (let r = 0, cellAt = at; r < records.length; r++, cellAt += recordLength) {
      const cell = e.cells[r];
      if (cell === null || cell === undefined) continue;
      // Text in the chosen encoding (measured to fit); numbers right-aligned; all else ASCII.
      if (text) encodeTextInto(cell, encoding, out, cellAt);
      else {
        const start = numeric ? cellAt + e.width - cell.length : cellAt;
        for (let k = 0; k < cell.length; k++) out[start + k] = cell.charCodeAt(k);
      }
    }
    at += e.width;
  }
  out[out.length - 1] = 0x1a;
  return { bytes: out, cut };
}
