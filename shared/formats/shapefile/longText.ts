import type { Bilingual } from '../../domain/labels';
import { writeCsv, type CsvCell } from '../csv/writeCsv';
import {
  getProperty,
  setProperty,
  type Layer,
  type LayerFeature,
  type NamedBytes,
  type ReadResult,
} from '../layer';
import { decodeText } from '../text/encoding';
import type { CutText } from './dbfWrite';

/**
 * Text a .dbf cannot hold (longer than 254 bytes in its encoding) kept whole beside the
 * Shapefile, in `<base>_long.csv`: UTF-8 with a byte-order mark, RFC 4180, one row per record
 * that lost text, columns `FID` (the record's 0-based number, GDAL's feature id), the key field
 * when the layer has one (`ZONE_ID`, which QGIS and GDAL can join on), then one column per .dbf
 * field that was cut, named as in the .dbf, holding the whole text. The .dbf keeps the text cut
 * at a character boundary, so a tool that ignores the sidecar still sees its beginning.
 */
export const LONG_TEXT_SUFFIX = '_long.csv';
/** Fields that identify a record across edits, best first. */
const KEY_FIELDS = ['ZONE_ID', 'zone_id'];

export const isLongTextFile = (name: string) => name.toLowerCase().endsWith(LONG_TEXT_SUFFIX);

/** The shapefile base a sidecar belongs to: `a/LSWHBHX_long.csv` → `LSWHBHX`. */
export const longTextBase = (name: string) => name.replace(/^.*[\\/]/, '').slice(0, -LONG_TEXT_SUFFIX.length);

/** The sidecar for the cut values of one .dbf, or null when nothing was cut. */
export function writeLongText(
  base: string,
  layer: Pick<Layer, 'fields'>,
  features: readonly LayerFeature[],
  cut: readonly CutText[],
): NamedBytes | null {
  if (!cut.length) return null;
  const key = KEY_FIELDS.find((k) => layer.fields.some((f) => f.name === k)) ?? null;
  const columns = [...new Map(cut.map((c) => [c.column.name, c.column])).values()];
  const records = [...new Set(cut.map((c) => c.record))].sort((a, b) => a - b);
  const rows: CsvCell[][] = [['FID', ...(key ? [key] : []), ...columns.map((c) => c.name)]];
  for (const record of records) {
    const keyValue = key ? getProperty(features[record]!.properties, key) : null;
    const cells = columns.map(
      (column) => cut.find((c) => c.record === record && c.column === column)?.full ?? null,
    );
    rows.push([
      record,
      ...(key ? [keyValue === null || keyValue === undefined ? null : String(keyValue)] : []),
      ...cells,
    ]);
  }
  return { name: `${base}${LONG_TEXT_SUFFIX}`, bytes: writeCsv(rows, { encoding: 'utf-8' }) };
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const message = (file: string, zh: string, en: string): Bilingual => ({
  zh: `${file}：${zh}`,
  en: `${file}: ${en}`,
});

/**
 * Put the whole texts of a `_long.csv` back into the layer read from its .dbf. A row is matched
 * by the key field when both have it, else by FID; a text replaces the .dbf value only when that
 * value is its beginning (the sidecar belongs to this table), otherwise it is left out with a
 * warning — so a stale sidecar never overwrites data.
 */
export function joinLongText(layer: Layer, file: NamedBytes, warnings: Bilingual[]): void {
  const rows = parseCsv(decodeText(file.bytes, 'utf-8').replace(/^\uFEFF/, ''));
  const [header, ...data] = rows;
  if (!header || !header.length) return;
  const fid = header.findIndex((h) => h.toUpperCase() === 'FID');
  const key = header.findIndex((h) => KEY_FIELDS.includes(h));
  const keyField =
    key >= 0 ? layer.fields.find((f) => f.name.toLowerCase() === header[key]!.toLowerCase()) : undefined;
  const byKey = new Map<string, LayerFeature>();
  if (keyField)
    for (const f of layer.features) {
      const value = getProperty(f.properties, keyField.name);
      if (value !== null && value !== undefined) byKey.set(String(value), f);
    }
  const targets = header.map((h, i) =>
    i === fid || i === key
      ? null
      : (layer.fields.find((f) => f.name.toLowerCase() === h.toLowerCase()) ?? null),
  );
  const unknown = header.filter((h, i) => i !== fid && i !== key && !targets[i]);
  if (unknown.length)
    warnings.push(
      message(
        file.name,
        `表中没有字段 ${unknown.join('、')}，已忽略`,
        `no field ${unknown.join(', ')} in the table; ignored`,
      ),
    );
  let stale = 0;
  for (const row of data) {
    if (row.length === 1 && row[0] === '') continue;
    const feature = keyField && row[key] ? byKey.get(row[key]!) : layer.features[Number(row[fid] ?? NaN)];
    targets.forEach((field, i) => {
      const full = row[i] ?? '';
      if (!field || full === '') return;
      const current = feature ? getProperty(feature.properties, field.name) : undefined;
      // The .dbf reader trims the padding a cut value may have kept at either end.
      if (feature && typeof current === 'string' && full.replace(/^ +/, '').startsWith(current))
        setProperty(feature.properties, field.name, full);
      else stale++;
    });
  }
  if (stale)
    warnings.push(
      message(
        file.name,
        `${stale} 个长文本与表中的值对不上（侧表过期？），未采用`,
        `${stale} long texts do not match the table's values (a stale sidecar?) and were not used`,
      ),
    );
}

/** A read result with the whole texts of every loose `<layer>_long.csv` among the files put back. */
export function withLongText(result: ReadResult, files: readonly NamedBytes[]): ReadResult {
  const sidecars = files.filter((f) => isLongTextFile(f.name));
  if (!sidecars.length) return result;
  const warnings = [...result.info.warnings];
  for (const layer of result.layers) {
    const base = layer.name.replace(/^.*[\\/]/, '').toLowerCase();
    const sidecar = sidecars.find((f) => longTextBase(f.name).toLowerCase() === base);
    if (sidecar) joinLongText(layer, sidecar, warnings);
  }
  return { ...result, info: { ...result.info, warnings } };
}
