import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import {
  createProperties,
  setProperty,
  type FieldDef,
  type FieldType,
  type FieldValue,
  type Layer,
  type Progress,
  type ReadOptions,
  type ReadResult,
} from '../layer';
import { decodeGeometry } from './geometryBlob';
import {
  isTruncatedSqlite,
  looksLikeSqlite,
  openDatabase,
  queryRows,
  quoteName,
  type Database,
} from './sqlite';

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
  return raw as FieldValue;
}

/** Open bytes that must be a SQLite database, with a specific message for each way they are not. */
export async function openSqliteFile(bytes: Uint8Array, name: string): Promise<Database> {
  const refuse = (reason: Bilingual) => new FormatError(name, [fileProblem('', reason)]);
  if (!looksLikeSqlite(bytes))
    throw refuse({ zh: '不是 SQLite / GeoPackage 文件', en: 'Not a SQLite / GeoPackage file' });
  if (isTruncatedSqlite(bytes))
    throw refuse({
      zh: '文件不完整（被截断），请重新复制或下载',
      en: 'The file is truncated; copy or download it again',
    });
  const db = await openDatabase(bytes);
  try {
    const check = queryRows(db, 'PRAGMA quick_check');
    if (check.length !== 1 || Object.values(check[0]!)[0] !== 'ok') throw new Error('quick_check failed');
  } catch {
    db.close();
    throw refuse({ zh: '数据库文件已损坏', en: 'The database file is damaged' });
  }
  return db;
}

function epsgOf(db: Database, srsId: number): number | null {
  const row = queryRows(
    db,
    'SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId],
  )[0];
  if (!row || srsId <= 0) return null;
  return String(row.organization).toUpperCase() === 'EPSG' ? Number(row.organization_coordsys_id) : null;
}

interface TableInfo {
  name: string;
  geometryColumn: string | null;
  srsId: number | null;
}

/** One GeoPackage table as a Layer; features whose geometry cannot be decoded become problems. */
export function readTable(
  db: Database,
  table: TableInfo,
  problems: InputProblem[],
  progress: Progress,
): Layer {
  const columns = queryRows(db, `PRAGMA table_info(${quoteName(table.name)})`);
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
    `SELECT ${selected.map(quoteName).join(', ') || '1'} FROM ${quoteName(table.name)}`,
  );
  const layer: Layer = {
    name: table.name,
    epsg: table.srsId === null ? null : epsgOf(db, table.srsId),
    fields,
    features: [],
  };
  rows.forEach((row, index) => {
    if (index % 1000 === 0) progress(index / Math.max(1, rows.length));
    const properties = createProperties();
    for (const f of fields) setProperty(properties, f.name, value(row[f.name], f.type));
    const blob = table.geometryColumn ? row[table.geometryColumn] : null;
    try {
      const geometry = blob instanceof Uint8Array ? decodeGeometry(blob) : null;
      layer.features.push({ geometry, properties });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        index,
        field: `${table.name}.${table.geometryColumn}`,
        reason: { zh: `几何数据无法解析（${message}）`, en: `Geometry cannot be decoded (${message})` },
      });
    }
  });
  return layer;
}

/** The registered tables of a GeoPackage, in the order gpkg_contents lists them. */
export function contentsTables(db: Database, name: string, dataType: 'features' | 'attributes'): TableInfo[] {
  try {
    return queryRows(
      db,
      `SELECT c.table_name AS name, g.column_name AS geometryColumn, g.srs_id AS srsId
       FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = ? ORDER BY c.rowid`,
      [dataType],
    ).map((r) => ({
      name: String(r.name),
      geometryColumn: r.geometryColumn === null ? null : String(r.geometryColumn),
      srsId: r.srsId === null ? null : Number(r.srsId),
    }));
  } catch {
    throw new FormatError(name, [
      fileProblem('gpkg_contents', {
        zh: 'SQLite 文件中没有 GeoPackage 目录表（gpkg_contents）',
        en: 'The SQLite file has no GeoPackage contents table (gpkg_contents)',
      }),
    ]);
  }
}

/** Read every feature table of a GeoPackage as a layer in its own CRS. */
export async function readGeoPackage(
  bytes: Uint8Array,
  name: string,
  _options: ReadOptions = {},
  progress: Progress = () => {},
): Promise<ReadResult> {
  const db = await openSqliteFile(bytes, name);
  try {
    const tables = contentsTables(db, name, 'features');
    const problems: InputProblem[] = [];
    const layers = tables.map((t, i) => readTable(db, t, problems, (f) => progress((i + f) / tables.length)));
    const epsg = layers.find((l) => l.epsg !== null)?.epsg ?? null;
    const warnings: Bilingual[] = [];
    if (layers.some((l) => l.epsg !== epsg))
      warnings.push({ zh: '各图层坐标系不同', en: 'The layers use different coordinate systems' });
    progress(1);
    return {
      layers,
      problems,
      info: { format: 'geopackage', crs: { epsg, source: epsg === null ? 'unknown' : 'file' }, warnings },
    };
  } finally {
    db.close();
  }
}
