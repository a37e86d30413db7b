import type { CrsEvidence } from '../../crs/evidence';
import { BudgetError, type FileBudget } from '../budgets';
import type { Bilingual } from '../../domain/labels';
import type { InputProblem } from '../formatError';
import {
  createProperties,
  setProperty,
  type FieldDef,
  type FieldType,
  type FieldValue,
  type Layer,
  type Progress,
} from '../layer';
import { CURVE_TOLERANCE_M, decodeGeometry } from './geometryBlob';
import { queryRows, quoteName, type Database } from './sqlite';

/**
 * One GeoPackage table as a Layer: a feature table with its geometry (curves linearised within
 * 5 cm), or an attribute table (features without geometry, `attributeTable: true`). A feature
 * whose geometry blob cannot be decoded becomes a problem; the others are read.
 */
export interface TableInfo {
  /** The SQLite table (or view). */
  table: string;
  /** The layer name: the table, or "table (column)" when a table has several geometry columns. */
  name: string;
  geometryColumn: string | null;
  srsId: number | null;
}

/** What a column's declared type means as a field (GeoPackage §1.1.1.1.3 data types). */
function fieldType(declared: string): { type: FieldType; width?: number } | null {
  const upper = declared.toUpperCase();
  const width = /\((\d+)\)/.exec(upper)?.[1];
  if (/^(INTEGER|INT|TINYINT|SMALLINT|MEDIUMINT|BIGINT)\b/.test(upper)) return { type: 'integer' };
  if (/^BOOLEAN\b/.test(upper)) return { type: 'boolean' };
  if (/^(DOUBLE|FLOAT|REAL|NUMERIC)\b/.test(upper)) return { type: 'real' };
  if (/^DATE$/.test(upper)) return { type: 'date' };
  if (/^(TEXT|DATETIME|VARCHAR|CHAR)\b/.test(upper) || upper === '')
    return width ? { type: 'string', width: Number(width) } : { type: 'string' };
  return null; // BLOB and the like: not an attribute a zone can carry
}

function value(raw: unknown, type: FieldType): FieldValue {
  if (raw === null || raw === undefined) return null;
  if (type === 'boolean') return Boolean(raw);
  if (raw instanceof Uint8Array) return null;
  if (type === 'string' && typeof raw === 'number') return String(raw); // SQLite's loose typing
  return raw as FieldValue;
}

/** Metres per degree of latitude: turns the 5 cm curve tolerance into degrees. */
const METRES_PER_DEGREE = 111_320;

interface SrsInfo {
  evidence: CrsEvidence;
  geographic: boolean;
}

/**
 * What gpkg_spatial_ref_sys says about a table's SRS, as evidence for the CRS resolver: the
 * definition (WKT) when there is one, and the code when the organisation is EPSG. srs_id -1 and 0
 * (the undefined SRSs), a definition of "undefined" and a local engineering system (no place on
 * the earth) say nothing.
 */
function srsOf(db: Database, srsId: number | null): SrsInfo {
  if (srsId === null || srsId <= 0) return { evidence: {}, geographic: srsId === 0 };
  const row = queryRows(
    db,
    'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId],
  )[0];
  if (!row) return { evidence: {}, geographic: false };
  const code = Number(row.organization_coordsys_id);
  const epsg = String(row.organization).toUpperCase() === 'EPSG' && code > 0 ? code : null;
  const text = typeof row.definition === 'string' ? row.definition.trim() : '';
  // GDAL writes "no CRS" as a local (engineering) system: LOCAL_CS["Undefined SRS",…] (srs_id 99999).
  const local = /^\s*(LOCAL_CS|ENGCRS|ENGINEERINGCRS)\b/i.test(text);
  const definition = text && !local && !/^undefined$/i.test(text) ? text : null;
  const geographic = /^\s*(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\b/i.test(text);
  const evidence: CrsEvidence = {
    ...(definition ? { definition: { text: definition, from: 'gpkg_spatial_ref_sys' } } : {}),
    ...(epsg !== null ? { epsg } : {}),
  };
  return { evidence, geographic };
}

export function readTable(
  db: Database,
  table: TableInfo,
  problems: InputProblem[],
  warnings: Bilingual[],
  progress: Progress,
  budget: FileBudget,
): Layer {
  // Counting a stored table's rows walks its b-tree and builds nothing.
  const count = queryRows(db, `SELECT count(*) AS n FROM ${quoteName(table.table)}`)[0]?.n;
  budget.spend('records', Number(count));
  const columns = queryRows(db, `PRAGMA table_info(${quoteName(table.table)})`);
  const fields: FieldDef[] = [];
  for (const column of columns) {
    const name = String(column.name);
    if (Number(column.pk) > 0 || name === table.geometryColumn) continue;
    const type = fieldType(String(column.type ?? ''));
    if (type) fields.push({ name, ...type });
  }
  const selected = [...(table.geometryColumn ? [table.geometryColumn] : []), ...fields.map((f) => f.name)];
  const rows = queryRows(
    db,
    `SELECT ${selected.map(quoteName).join(', ') || '1'} FROM ${quoteName(table.table)}`,
  );
  const srs = srsOf(db, table.srsId);
  const tolerance = srs.geographic ? CURVE_TOLERANCE_M / METRES_PER_DEGREE : CURVE_TOLERANCE_M;
  const layer: Layer = { name: table.name, epsg: null, fields, features: [] };
  if (table.geometryColumn) layer.evidence = srs.evidence;
  if (!table.geometryColumn) layer.attributeTable = true;
  let linearised = 0;
  rows.forEach((row, index) => {
    if (index % 1000 === 0) progress(index / Math.max(1, rows.length));
    const properties = createProperties();
    for (const f of fields) setProperty(properties, f.name, value(row[f.name], f.type));
    const blob = table.geometryColumn ? row[table.geometryColumn] : null;
    try {
      const decoded = blob instanceof Uint8Array ? decodeGeometry(blob, tolerance) : null;
      if (decoded?.linearised) linearised++;
      layer.features.push({ geometry: decoded?.geometry ?? null, properties });
    } catch (error) {
      if (error instanceof BudgetError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        index,
        field: `${table.name}.${table.geometryColumn}`,
        reason: { zh: `几何数据无法解析（${message}）`, en: `Geometry cannot be decoded (${message})` },
      });
    }
  });
  if (linearised) {
    warnings.push({
      zh: `${table.name}：${linearised} 个含曲线（圆弧）的几何已按 5 厘米弦高加密为折线`,
      en: `${table.name}: ${linearised} geometries with curves (arcs) were turned into chords within 5 cm`,
    });
  }
  return layer;
}
