import { quoteName, type Database } from './geopackage/sqlite';

/**
 * What a project file holds that this version does not understand, carried from open to save so
 * that a reviewer's or a newer version's additions are not lost: whole tables we do not write
 * (with their rows and indexes, and their GeoPackage registration), columns added to our `hzw_*`
 * tables, and `hzw_meta` keys we do not know. Values keep their SQLite storage class exactly
 * (integers as decimal text, so 64-bit ids survive JavaScript numbers). Not carried: views,
 * triggers and spatial indexes (virtual tables), which readers such as GDAL rebuild; edits to the
 * flat `zones` and `objects` tables, which are a view of the `hzw_*` records. See docs/formats.md.
 */
export type CarriedCell = null | string | Uint8Array | { integer: string } | { real: number };

export interface CarriedTable {
  name: string;
  /** The CREATE TABLE statement as stored in the file. */
  sql: string;
  indexes: string[];
  columns: string[];
  rows: CarriedCell[][];
}
/** Rows of one of our tables that belong to a carried table (e.g. its gpkg_contents entry). */
export interface CarriedRows {
  table: string;
  columns: string[];
  rows: CarriedCell[][];
}
/** A column someone added to one of our `hzw_*` tables: its values by the row's key. */
export interface CarriedColumn {
  table: string;
  column: string;
  type: string;
  values: [string, CarriedCell][];
}
export interface CarriedContent {
  tables: CarriedTable[];
  registrations: CarriedRows[];
  columns: CarriedColumn[];
  meta: [string, string][];
}
export const NOTHING_CARRIED: CarriedContent = { tables: [], registrations: [], columns: [], meta: [] };

/** Our `hzw_*` tables, their key column and the columns we write. */
const OWN_RECORD_TABLES: Record<string, { key: string; columns: string[] }> = {
  hzw_meta: { key: 'key', columns: ['key', 'value'] },
  hzw_project: { key: 'key', columns: ['key', 'json'] },
  hzw_objects: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_zones: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_comments: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_styles: { key: 'key', columns: ['key', 'json'] },
  hzw_backgrounds: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_decisions: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_signoffs: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_versions: { key: 'id', columns: ['id', 'seq', 'json'] },
  hzw_version_records: { key: 'id', columns: ['id', 'version_id', 'table_name', 'record_id', 'json'] },
};
/** Every other table our writer creates (the flat layers and the GeoPackage core). */
const OWN_TABLES = new Set([
  ...Object.keys(OWN_RECORD_TABLES),
  'zones',
  'objects',
  'review_comments',
  'review_decisions',
  'review_signoffs',
  'review_versions',
  'gpkg_spatial_ref_sys',
  'gpkg_contents',
  'gpkg_geometry_columns',
  'gpkg_extensions',
]);
export const OWN_META_KEYS = new Set([
  'format',
  'schema_version',
  'saved_at',
  'generator',
  'edit_count',
  'saved_by',
  'project_uid',
]);
/** Our GeoPackage tables whose rows may register a carried table, and the column naming it. */
const REGISTRIES = ['gpkg_contents', 'gpkg_geometry_columns', 'gpkg_extensions'];

function select(db: Database, sql: string, params: (string | number)[] = []): unknown[][] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows: unknown[][] = [];
    while (statement.step()) rows.push(statement.get());
    return rows;
  } finally {
    statement.free();
  }
}

function columnsOf(db: Database, table: string): { name: string; type: string }[] {
  return select(db, `PRAGMA table_info(${quoteName(table)})`).map((r) => ({
    name: String(r[1]),
    type: String(r[2] ?? ''),
  }));
}

/** Each value with its storage class: `typeof` beside the value, integers read as text. */
function cellsSql(columns: string[]): string {
  return columns
    .map((c) => {
      const q = quoteName(c);
      return `typeof(${q}), CASE typeof(${q}) WHEN 'integer' THEN CAST(${q} AS TEXT) ELSE ${q} END`;
    })
    .join(', ');
}

function toCells(row: unknown[]): CarriedCell[] {
  const cells: CarriedCell[] = [];
  for (let i = 0; i < row.length; i += 2) {
    const [type, value] = [row[i], row[i + 1]];
    if (type === 'integer') cells.push({ integer: String(value) });
    else if (type === 'real') cells.push({ real: Number(value) });
    else cells.push((value ?? null) as CarriedCell);
  }
  return cells;
}

function rowsOf(db: Database, table: string, columns: string[], where = '', params: string[] = []) {
  return select(db, `SELECT ${cellsSql(columns)} FROM ${quoteName(table)} ${where}`, params).map(toCells);
}

/**
 * A read of carried content that SQLite refuses (a registry table lacking a standard column): that
 * part is not carried, and the file still opens.
 */
function readable<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Read everything of a project file that is not ours (see the module comment). */
export function readCarried(db: Database): CarriedContent {
  const schema = select(db, 'SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL');
  const virtual = schema
    .filter((r) => r[0] === 'table' && /^\s*CREATE\s+VIRTUAL\b/i.test(String(r[3])))
    .map((r) => String(r[1]).toLowerCase());
  const isOurs = (name: string) =>
    OWN_TABLES.has(name) ||
    name.startsWith('sqlite_') ||
    virtual.some((v) => name === v || name.startsWith(`${v}_`));
  const tables: CarriedTable[] = schema
    .filter((r) => r[0] === 'table' && !isOurs(String(r[1]).toLowerCase()))
    .map((r) => {
      const name = String(r[1]);
      const columns = columnsOf(db, name).map((c) => c.name);
      const indexes = schema.filter((i) => i[0] === 'index' && i[2] === name).map((i) => String(i[3]));
      return { name, sql: String(r[3]), indexes, columns, rows: rowsOf(db, name, columns) };
    });
  const names = tables.map((t) => t.name);
  const present = new Set(schema.filter((r) => r[0] === 'table').map((r) => String(r[1])));
  const registrations: CarriedRows[] = [];
  if (names.length > 0) {
    const marks = names.map(() => '?').join(', ');
    for (const table of REGISTRIES.filter((t) => present.has(t))) {
      const columns = columnsOf(db, table).map((c) => c.name);
      // A carried table's spatial index is not carried, so neither is its registration.
      const notRtree = table === 'gpkg_extensions' ? " AND extension_name <> 'gpkg_rtree_index'" : '';
      const rows = readable(() =>
        rowsOf(db, table, columns, `WHERE table_name IN (${marks})${notRtree}`, names),
      );
      if (rows?.length) registrations.push({ table, columns, rows });
    }
    // The spatial reference systems those rows name (ours are written anyway; INSERT OR IGNORE).
    const users = ['gpkg_contents', 'gpkg_geometry_columns'].filter((t) => present.has(t));
    if (present.has('gpkg_spatial_ref_sys') && users.length > 0) {
      const columns = columnsOf(db, 'gpkg_spatial_ref_sys').map((c) => c.name);
      const used = users.map((t) => `SELECT srs_id FROM ${t} WHERE table_name IN (${marks})`).join(' UNION ');
      const params = users.flatMap(() => names);
      const rows = readable(() =>
        rowsOf(db, 'gpkg_spatial_ref_sys', columns, `WHERE srs_id IN (${used})`, params),
      );
      if (rows?.length) registrations.unshift({ table: 'gpkg_spatial_ref_sys', columns, rows });
    }
  }
  const columns: CarriedColumn[] = [];
  for (const [table, own] of Object.entries(OWN_RECORD_TABLES)) {
    if (!present.has(table)) continue;
    for (const extra of columnsOf(db, table).filter((c) => !own.columns.includes(c.name))) {
      const values = select(
        db,
        `SELECT CAST(${quoteName(own.key)} AS TEXT), ${cellsSql([extra.name])} FROM ${table}`,
      );
      const cells = values.map((r) => [String(r[0]), toCells(r.slice(1))[0]!] as [string, CarriedCell]);
      columns.push({ table, column: extra.name, type: extra.type, values: cells });
    }
  }
  const meta = present.has('hzw_meta')
    ? select(db, 'SELECT key, value FROM hzw_meta')
        .map((r) => [String(r[0]), String(r[1])] as [string, string])
        .filter(([key]) => !OWN_META_KEYS.has(key))
    : [];
  return { tables, registrations, columns, meta };
}

/** A value expression keeping the cell's storage class, and what to bind to it. */
function bound(cell: CarriedCell): [string, string | number | Uint8Array | null] {
  if (cell === null || typeof cell === 'string' || cell instanceof Uint8Array) return ['?', cell];
  if ('integer' in cell) return ['CAST(? AS INTEGER)', cell.integer];
  return ['CAST(? AS REAL)', cell.real];
}

function insertRows(db: Database, verb: string, table: string, columns: string[], rows: CarriedCell[][]) {
  const target = new Set(columnsOf(db, table).map((c) => c.name));
  const keep = columns.map((c, i) => [c, i] as const).filter(([c]) => target.has(c));
  if (keep.length === 0) return;
  const names = keep.map(([c]) => quoteName(c)).join(', ');
  for (const row of rows) {
    const values = keep.map(([, i]) => bound(row[i] ?? null));
    db.run(
      `${verb} INTO ${quoteName(table)} (${names}) VALUES (${values.map((v) => v[0]).join(', ')})`,
      values.map((v) => v[1]),
    );
  }
}

/**
 * Run one schema statement from a file: only the kind expected, and only its first statement
 * (a prepared statement stops there; `exec` would run whatever follows a semicolon).
 */
function runOne(db: Database, sql: string, kind: RegExp): boolean {
  if (!kind.test(sql)) return false;
  const statement = db.prepare(sql);
  try {
    statement.step();
  } finally {
    statement.free();
  }
  return true;
}

/**
 * Write what was carried into a freshly written project file (inside its transaction). What the
 * file already has wins: a table of ours by the same name is never replaced.
 */
export function writeCarried(db: Database, carried: CarriedContent): void {
  const existing = () =>
    new Set(
      select(db, "SELECT lower(name) FROM sqlite_master WHERE type = 'table'").map((r) => String(r[0])),
    );
  const before = existing();
  for (const table of carried.tables) {
    if (before.has(table.name.toLowerCase())) continue;
    guarded(db, () => {
      if (!runOne(db, table.sql, /^\s*CREATE\s+TABLE\b/i)) return;
      insertRows(db, 'INSERT', table.name, table.columns, table.rows);
      for (const index of table.indexes) runOne(db, index, /^\s*CREATE\s+(UNIQUE\s+)?INDEX\b/i);
    });
  }
  const now = existing();
  for (const rows of carried.registrations)
    if (now.has(rows.table))
      guarded(db, () => insertRows(db, 'INSERT OR IGNORE', rows.table, rows.columns, rows.rows));
  for (const column of carried.columns) {
    const own = OWN_RECORD_TABLES[column.table];
    if (!own || own.columns.includes(column.column.toLowerCase())) continue;
    const type = /^[A-Za-z ()0-9,]*$/.test(column.type) ? column.type : '';
    guarded(db, () => {
      db.run(`ALTER TABLE ${column.table} ADD COLUMN ${quoteName(column.column)} ${type}`);
      for (const [key, cell] of column.values) {
        const [expr, value] = bound(cell);
        const set = `UPDATE ${column.table} SET ${quoteName(column.column)} = ${expr} WHERE ${own.key} = ?`;
        db.run(set, [value, key]);
      }
    });
  }
  for (const [key, value] of carried.meta)
    if (!OWN_META_KEYS.has(key))
      db.run('INSERT OR IGNORE INTO hzw_meta (key, value) VALUES (?, ?)', [key, value]);
}

/**
 * Carried content comes from files: what SQLite refuses of it (a statement naming another table,
 * a clash with ours) is left out whole, and the project is saved all the same.
 */
function guarded(db: Database, write: () => void): void {
  db.run('SAVEPOINT carried');
  try {
    write();
  } catch {
    db.run('ROLLBACK TO carried');
  }
  db.run('RELEASE carried');
}
