import type { Bilingual } from '../../domain/labels';
import { decimalNumber } from '../finiteCoordinates';
import { FormatError, fileProblem, type InputProblem } from '../formatError';

/** One point line as read: the first two numbers in file order (normally X north, Y east). */
export interface RawPoint {
  line: number;
  name: string;
  ring: number;
  a: number;
  b: number;
}

export interface RawParcel {
  /** Line of the parcel header, or of its first point when the file has no header lines. */
  line: number;
  no: string;
  name: string;
  use: string;
  sheetNo: string;
  declaredPoints: number | null;
  declaredAreaHm2: number | null;
  points: RawPoint[];
  problems: Bilingual[];
}

export interface ParsedText {
  /** [属性描述] entries, keys trimmed (带号, 精度, 几度分带…). */
  header: Map<string, string>;
  parcels: RawParcel[];
}

const COORDINATE_SECTION = '地块坐标';

/** Local variants: full-width commas, equals signs, colons and digits become their ASCII forms. */
export function normaliseLine(line: string): string {
  return line
    .replace(/[，、]/g, ',')
    .replace(/＝/g, '=')
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
}

function parseNumber(text: string | undefined): number | null {
  const n = decimalNumber(text);
  return Number.isNaN(n) ? null : n;
}

const at = (line: number, zh: string, en: string): Bilingual => ({
  zh: `第 ${line} 行：${zh}`,
  en: `line ${line}: ${en}`,
});

function parcelHeader(fields: string[], line: number): RawParcel {
  return {
    line,
    declaredPoints: parseNumber(fields[0]),
    declaredAreaHm2: parseNumber(fields[1]),
    no: fields[2]?.trim() ?? '',
    name: fields[3]?.trim() ?? '',
    sheetNo: fields[5]?.trim() ?? '',
    use: fields[6]?.trim() ?? '',
    points: [],
    problems: [],
  };
}

/** A point line's fields by role, as written (not yet numbers). */
export interface PointFields {
  name: string;
  ringText: string;
  aText: string;
  bText: string;
}

/**
 * The one reading of a point line's fields, shared by the file reader and pasted rows:
 * `J1,1,X,Y` (the standard), `J1,X,Y` (no ring number: ring 1), extra trailing fields ignored.
 * With `unnamed` (pasted rows), a line of just two fields is `X,Y`. Null when too few fields.
 */
export function pointFieldsOf(fields: readonly string[], unnamed = false): PointFields | null {
  if (unnamed && fields.length === 2)
    return { name: '', ringText: '1', aText: fields[0]!, bText: fields[1]! };
  if (fields.length < 3) return null;
  const [name = '', ...rest] = fields;
  const [ringText = '', aText = '', bText = ''] = rest.length >= 3 ? rest : ['1', ...rest];
  return { name: name.trim(), ringText, aText, bText };
}

/** A point from its fields, or the reason it is not one (the same wording for files and pastes). */
export function pointOf(
  fields: readonly string[],
  line: number,
  unnamed = false,
): { point: RawPoint } | { problem: Bilingual } {
  const roles = pointFieldsOf(fields, unnamed);
  if (!roles)
    return { problem: at(line, `字段不足（${fields.length} 个）`, `too few fields (${fields.length})`) };
  const { name, ringText, aText, bText } = roles;
  const ring = parseNumber(ringText);
  const a = parseNumber(aText);
  const b = parseNumber(bText);
  if (ring === null || !Number.isInteger(ring) || ring < 1)
    return {
      problem: at(line, `圈号“${ringText}”不是正整数`, `ring number “${ringText}” is not a positive integer`),
    };
  if (a === null || b === null) {
    const bad = a === null ? aText : bText;
    return { problem: at(line, `坐标“${bad}”不是数字`, `coordinate “${bad}” is not a number`) };
  }
  return { point: { line, name, ring, a, b } };
}

function pointLine(fields: string[], line: number, parcel: RawParcel): void {
  const read = pointOf(fields, line);
  if ('point' in read) parcel.points.push(read.point);
  else parcel.problems.push(read.problem);
}

/**
 * Split the text layout into its header entries and raw parcels. Tolerates CRLF/LF/CR, blank
 * lines, full-width punctuation, missing [属性描述], parcel lines with more or fewer fields, and
 * files with points but no parcel lines (one parcel). Refuses a file with no coordinates at all.
 */
export function parseCoordinateText(text: string, fileName: string): ParsedText {
  const header = new Map<string, string>();
  const parcels: RawParcel[] = [];
  let section: string | null = null;
  let sawSection = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = normaliseLine(raw);
    if (!text) return;
    const heading = /^\[(.+)\]$/.exec(text);
    if (heading) {
      section = heading[1]!.trim();
      sawSection ||= section === COORDINATE_SECTION;
      return;
    }
    if (section !== null && section !== COORDINATE_SECTION) {
      const eq = text.indexOf('=');
      if (eq > 0) header.set(text.slice(0, eq).trim(), text.slice(eq + 1).trim());
      return;
    }
    const fields = text.split(',').map((f) => f.trim());
    while (fields.length > 1 && fields.at(-1) === '') fields.pop();
    if (fields.at(-1) === '@') {
      parcels.push(parcelHeader(fields, line));
      return;
    }
    if (parcels.length === 0) parcels.push({ ...parcelHeader([], line), no: '1' });
    pointLine(fields, line, parcels.at(-1)!);
  });
  const problems: InputProblem[] = [];
  if (!sawSection && parcels.length === 0)
    problems.push(
      fileProblem('[地块坐标]', {
        zh: '没有 [地块坐标] 部分，也没有坐标行',
        en: 'no [地块坐标] section and no coordinate lines',
      }),
    );
  else if (parcels.length === 0)
    problems.push(
      fileProblem('[地块坐标]', {
        zh: '[地块坐标] 部分没有地块',
        en: 'the [地块坐标] section holds no parcels',
      }),
    );
  if (problems.length) throw new FormatError(fileName, problems);
  return { header, parcels };
}
