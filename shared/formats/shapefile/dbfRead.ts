import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem } from '../formatError';
import { createProperties, setProperty, type FieldDef, type FieldValue, type Properties } from '../layer';
import type { TextEncodingName } from '../text/encoding';
import { chooseEncoding, decodeTrimmed, type EncodingChoice } from './dbfEncoding';

/**
 * The attribute table (.dbf, dBase III) of a Shapefile. Types C (text), N/F (numbers: integer
 * when declared without decimals), L (logical), D (date → 'YYYY-MM-DD', from YYYYMMDD or MM/DD/YYYY); other types are read as
 * text. Empty values read as null, as in GDAL. The header's record count is checked against the
 * bytes present; records past the end are not invented.
 */
interface DbfField {
  def: FieldDef;
  raw: string;
  offset: number;
  length: number;
}

export interface DbfContents {
  fields: FieldDef[];
  /** Attribute records in file order; null for a record marked deleted. */
  records: (Properties | null)[];
  encoding: EncodingChoice;
  /** Records the header declares (may differ from records.length when the file lies). */
  declaredCount: number;
}

export const MAX_DBF_BYTES = 2 ** 32 - 1;
const SAMPLE_BYTES = 256 * 1024;

const fail = (file: string, zh: string, en: string): never => {
  throw new FormatError(file, [fileProblem('dbf', { zh: `${file}：${zh}`, en: `${file}: ${en}` })]);
};

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A dBase number without building a string: digits, one point, sign; null for blank or '*'. */
function parseNumber(bytes: Uint8Array, start: number, end: number): number | null {
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0)) start++;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  if (start === end || bytes[start] === 0x2a) return null;
  let negative = false;
  let i = start;
  if (bytes[i] === 0x2d || bytes[i] === 0x2b) negative = bytes[i++] === 0x2d;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (b === 0x2e && fraction < 0) fraction = 0;
    else break;
  }
  // Exact integer mantissa divided once by a power of ten is correctly rounded (Clinger's fast path).
  if (i === end && digits > 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
    return negative ? -value : value;
  }
  const value = Number(String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]));
  return Number.isFinite(value) ? value : null;
}

/**
 * A D value as YYYY-MM-DD: dBase's YYYYMMDD, or the MM/DD/YYYY some writers put in it (GDAL reads
 * both). Anything else is not a date and stays text.
 */
function isoDate(text: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!us) return null;
  const [month, day] = [Number(us[1]), Number(us[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${us[3]}-${us[1]}-${us[2]}` : null;
}

function readValue(bytes: Uint8Array, at: number, field: DbfField, encoding: TextEncodingName): FieldValue {
  const start = at + field.offset;
  const end = start + field.length;
  switch (field.def.type) {
    case 'integer':
    case 'real':
      return parseNumber(bytes, start, end);
    case 'boolean': {
      const c = String.fromCharCode(bytes[start]!).toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    case 'date': {
      const text = decodeTrimmed(bytes, start, end, encoding);
      if (!text || /^0+$/.test(text)) return null;
      return isoDate(text) ?? text;
    }
    default: {
      const text = decodeTrimmed(bytes, start, end, encoding);
      return text === '' ? null : text;
    }
  }
}

function fieldType(raw: string, decimals: number, width: number): FieldDef['type'] {
  if (raw === 'N' || raw === 'F') return decimals === 0 && width <= 15 && raw === 'N' ? 'integer' : 'real';
  if (raw === 'L') return 'boolean';
  if (raw === 'D') return 'date';
  return 'string';
}

export function readDbf(
  file: string,
  bytes: Uint8Array,
  options: { encoding?: string; cpg?: string; warnings: Bilingual[] },
): DbfContents {
  if (bytes.length > MAX_DBF_BYTES) fail(file, '超过 4 GB', 'is larger than 4 GB');
  if (bytes.length < 33) fail(file, '文件太短，不是 dBase 表', 'is too short to be a dBase table');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1)
    fail(
      file,
      `文件头长度 ${headerLength} 或记录长度 ${recordLength} 无效`,
      `has an invalid header length ${headerLength} or record length ${recordLength}`,
    );
  const raws: { nameBytes: Uint8Array; raw: string; length: number; decimals: number; offset: number }[] = [];
  let offset = 1; // the deletion flag comes first
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    let nameEnd = at;
    while (nameEnd < at + 11 && bytes[nameEnd] !== 0) nameEnd++;
    const length = bytes[at + 16]!;
    const raw = String.fromCharCode(bytes[at + 11]!).toUpperCase();
    // FoxPro-style 'C' fields longer than 255 keep the high byte in the decimals slot.
    const width = raw === 'C' ? length + bytes[at + 17]! * 256 : length;
    raws.push({
      nameBytes: bytes.subarray(at, nameEnd),
      raw,
      length: width,
      decimals: raw === 'C' ? 0 : bytes[at + 17]!,
      offset,
    });
    offset += width;
  }
  if (offset > recordLength)
    fail(
      file,
      `字段总宽度 ${offset} 超过记录长度 ${recordLength}`,
      `fields (${offset} bytes) exceed the record length ${recordLength}`,
    );
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  const count = Math.min(declaredCount, available);
  if (declaredCount > available) {
    options.warnings.push({
      zh: `${file}：文件头记录数 ${declaredCount}，但文件只容纳 ${available} 条（文件被截断）`,
      en: `${file}: the header declares ${declaredCount} records but the file holds only ${available} (truncated)`,
    });
  }
  // Samples for detection: field names and non-ASCII text values, up to a budget.
  const samples: Uint8Array[] = raws.map((r) => r.nameBytes);
  let budget = SAMPLE_BYTES;
  const textFields = raws.filter((r) => r.raw === 'C');
  for (let r = 0; r < count && budget > 0; r++) {
    const at = headerLength + r * recordLength;
    for (const f of textFields) {
      const value = bytes.subarray(at + f.offset, at + f.offset + f.length);
      if (value.some((b) => b >= 0x80)) {
        samples.push(value);
        budget -= value.length;
      }
    }
  }
  const encoding = chooseEncoding({
    file,
    user: options.encoding,
    cpg: options.cpg,
    ldid: bytes[29]!,
    samples,
    warnings: options.warnings,
  });
  const used = new Set<string>();
  const fields: DbfField[] = raws.map((r, i) => {
    let name = decodeTrimmed(r.nameBytes, 0, r.nameBytes.length, encoding.used) || `FIELD_${i + 1}`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${name.replace(/_\d+$/, '')}_${k}`;
    used.add(name.toLowerCase());
    const type = fieldType(r.raw, r.decimals, r.length);
    const def: FieldDef = { name, type, width: r.length };
    if (type === 'real' || type === 'integer') def.decimals = r.decimals;
    return { def, raw: r.raw, offset: r.offset, length: r.length };
  });
  const records: (Properties | null)[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const at = headerLength + r * recordLength;
    if (bytes[at] === 0x2a) {
      records[r] = null; // '*': deleted
      continue;
    }
    const properties = createProperties();
    for (const f of fields) setProperty(properties, f.def.name, readValue(bytes, at, f, encoding.used));
    records[r] = properties;
  }
  return { fields: fields.map((f) => f.def), records, encoding, declaredCount };
}
