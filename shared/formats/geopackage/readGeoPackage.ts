import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import type { Progress, ReadOptions, ReadResult } from '../layer';
import { readTable, type TableInfo } from './readTable';
import { withFileBudget } from '../budgets';
import { openSqliteFile, requireStored, sqliteHeapRefusal } from './openSqliteFile';
import { isOutOfMemory, queryRows, storedTables, type Database } from './sqlite';

/**
 * Read a GeoPackage's vector tables, as GDAL lists them: feature tables (registered in
 * gpkg_contents and gpkg_geometry_columns) and attribute tables (`attributes`, or GDAL 2.0's
 * `aspatial`), in gpkg_contents order. When nothing is registered as attributes, plain tables
 * no one registered are listed too (GDAL's LIST_ALL_TABLES=AUTO). Unlike GDAL, views and virtual
 * tables are never read (named in a warning when registered): a view is a query run on every
 * read, and one can be written never to end (see openSqliteFile.ts). Never listed:
 * GeoPackage and SQLite internals (gpkg_*, rtree_* shadow tables, sqlite_sequence…), GDAL's
 * placeholder `ogr_empty_table` and feature-count cache `gpkg_ogr_contents`, Spatialite's
 * `vgpkg_*` and metadata views. A registered table that does not exist is named in a warning.
 */
const HIDDEN = /^(gpkg_|vgpkg_|rtree_|sqlite_)/i;
const HIDDEN_NAMES = new Set([
  'ogr_empty_table',
  'st_spatial_ref_sys',
  'spatial_ref_sys',
  'st_geometry_columns',
  'geometry_columns',
]);

/** GDAL 2.0's extension for non-spatial tables, which it registered as `aspatial`. */
function hasAspatialExtension(db: Database): boolean {
  try {
    return queryRows(db, "SELECT 1 FROM gpkg_extensions WHERE extension_name = 'gdal_aspatial'").length > 0;
  } catch {
    return false; // no gpkg_extensions table
  }
}

/** The vector tables of a GeoPackage, in the order GDAL lists them. */
export function listTables(db: Database, name: string, warnings: Bilingual[]): TableInfo[] {
  requireStored(db, name, [
    'gpkg_contents',
    'gpkg_geometry_columns',
    'gpkg_spatial_ref_sys',
    'gpkg_extensions',
  ]);
  const stored = storedTables(db);
  let registered: { table: string; dataType: string; geometryColumn: string | null; srsId: number | null }[];
  try {
    registered = queryRows(
      db,
      `SELECT c.table_name AS t, c.data_type AS d, g.column_name AS g, g.srs_id AS s
       FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type IN ('features', 'attributes', 'aspatial') ORDER BY c.rowid`,
    ).map((r) => ({
      table: String(r.t),
      dataType: String(r.d),
      geometryColumn: r.g === null ? null : String(r.g),
      srsId: r.s === null ? null : Number(r.s),
    }));
  } catch {
    throw new FormatError(name, [
      fileProblem('gpkg_contents', {
        zh: 'SQLite 文件中没有 GeoPackage 目录表（gpkg_contents）',
        en: 'The SQLite file has no GeoPackage contents table (gpkg_contents)',
      }),
    ]);
  }
  const existing = new Map(
    queryRows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").map((r) => [
      String(r.name).toLowerCase(),
      String(r.name),
    ]),
  );
  const columnsPerTable = new Map<string, number>();
  for (const r of registered)
    if (r.geometryColumn) columnsPerTable.set(r.table, (columnsPerTable.get(r.table) ?? 0) + 1);
  const tables: TableInfo[] = [];
  for (const r of registered) {
    if (HIDDEN_NAMES.has(r.table.toLowerCase())) continue;
    if (!existing.has(r.table.toLowerCase())) {
      warnings.push({
        zh: `表 ${r.table} 登记在 gpkg_contents 中，但并不存在`,
        en: `The table ${r.table} is registered in gpkg_contents but does not exist`,
      });
      continue;
    }
    if (!stored.has(r.table.toLowerCase())) {
      warnings.push({
        zh: `${r.table} 是视图或虚拟表（每次读取都要执行查询），未读取；只读取存储数据的表`,
        en: `${r.table} is a view or virtual table (a query run on every read); not read, only tables of stored rows are`,
      });
      continue;
    }
    if (r.dataType === 'features' && !r.geometryColumn) {
      warnings.push({
        zh: `表 ${r.table} 登记为要素表，但 gpkg_geometry_columns 中没有它的几何列，未读取`,
        en: `The table ${r.table} is registered as features but has no row in gpkg_geometry_columns; not read`,
      });
      continue;
    }
    const geometryColumn = r.dataType === 'features' ? r.geometryColumn : null;
    const several = (columnsPerTable.get(r.table) ?? 0) > 1;
    tables.push({
      table: r.table,
      name: several && geometryColumn ? `${r.table} (${geometryColumn})` : r.table,
      geometryColumn,
      srsId: geometryColumn ? r.srsId : null,
    });
  }
  // GDAL's order: feature tables, then attribute tables, then the unregistered ones.
  tables.sort((a, b) => Number(!a.geometryColumn) - Number(!b.geometryColumn));
  if (!registered.some((r) => r.dataType === 'attributes') && !hasAspatialExtension(db)) {
    const known = new Set(registered.map((r) => r.table.toLowerCase()));
    for (const [lower, table] of existing) {
      if (known.has(lower) || HIDDEN.test(table) || HIDDEN_NAMES.has(lower) || !stored.has(lower)) continue;
      tables.push({ table, name: table, geometryColumn: null, srsId: null });
    }
  }
  return tables;
}

/** Read every vector table of a GeoPackage as a layer in its own CRS. */
export async function readGeoPackage(
  bytes: Uint8Array,
  name: string,
  _options: ReadOptions = {},
  progress: Progress = () => {},
): Promise<ReadResult> {
  const db = await openSqliteFile(bytes, name);
  try {
    return withFileBudget(name, (budget) => {
      const warnings: Bilingual[] = [];
      const tables = listTables(db, name, warnings);
      const problems: InputProblem[] = [];
      const layers = tables.map((t, i) =>
        readTable(db, t, problems, warnings, (f) => progress((i + f) / tables.length), budget),
      );
      const spatial = layers.filter((l) => !l.attributeTable);
      const declared = (l: (typeof layers)[number]) =>
        l.evidence?.definition?.text ?? l.evidence?.epsg ?? null;
      if (spatial.some((l) => declared(l) !== declared(spatial[0]!)))
        warnings.push({ zh: '各图层坐标系不同', en: 'The layers use different coordinate systems' });
      progress(1);
      return { layers, problems, info: { format: 'geopackage', warnings } };
    });
  } catch (error) {
    if (isOutOfMemory(error)) throw sqliteHeapRefusal(name);
    throw error;
  } finally {
    db.close();
  }
}
