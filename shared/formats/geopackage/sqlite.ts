import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

/**
 * The one owner of sql.js (SQLite compiled to WebAssembly). The inline build carries its wasm as
 * base64, so the same code initialises in Node and in a browser worker; the page's CSP allows it
 * with `'wasm-unsafe-eval'` (see shared/security/csp.ts). Initialisation is async and done once.
 */
let engine: Promise<SqlJsStatic> | null = null;

function sqlite(): Promise<SqlJsStatic> {
  // Loaded on first use: the megabyte of inlined wasm stays out of the page's own bundle.
  engine ??= import('sql.js/dist/sql-wasm-inline.js').then((module) => module.default());
  return engine;
}

export type { Database, SqlValue };
export type Row = Record<string, SqlValue>;

/** A new empty database, or one opened from file bytes (the bytes are copied). */
export async function openDatabase(bytes?: Uint8Array): Promise<Database> {
  const SQL = await sqlite();
  return new SQL.Database(bytes);
}

/** All rows of a query as plain records keyed by column name. */
export function queryRows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as Row);
    return rows;
  } finally {
    statement.free();
  }
}

/**
 * Bound what reading a file may make SQLite allocate (shared/formats/budgets.ts): a CHECK
 * constraint or generated column computing huge values then fails with SQLITE_NOMEM in
 * milliseconds instead of taking gigabytes.
 */
export function limitHeap(db: Database, bytes: number): void {
  db.exec(`PRAGMA hard_heap_limit = ${Math.floor(bytes)}`);
}

export const isOutOfMemory = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_NOMEM';

/**
 * Lower-case names of the tables whose rows are stored in the file: not views (a query run on
 * every read, which may never end) and not virtual tables (a module computes their rows).
 */
export function storedTables(db: Database, lowerCase = true): Set<string> {
  return new Set(
    queryRows(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
      .filter((r) => !/^\s*CREATE\s+VIRTUAL\b/i.test(String(r.sql ?? '')))
      .map((r) => (lowerCase ? String(r.name).toLowerCase() : String(r.name))),
  );
}

/** Columns computed on every read (VIRTUAL generated columns, table_xinfo hidden = 2). */
export function computedColumns(db: Database): { table: string; column: string }[] {
  const out: { table: string; column: string }[] = [];
  for (const table of storedTables(db, false)) {
    for (const c of queryRows(db, `PRAGMA table_xinfo(${quoteName(table)})`))
      if (Number(c.hidden) === 2) out.push({ table, column: String(c.name) });
  }
  return out;
}

/** Quote an identifier (table or column name) for SQL: names come from files and users. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function looksLikeSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether the file is shorter than its header says (a copy or download cut off). SQLite itself
 * notices this only when it touches a missing page, which may be never for a small query.
 */
export function isTruncatedSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = view.getUint32(28);
  // The in-header size is trusted only when "version-valid-for" matches the change counter.
  const sizeValid = view.getUint32(92) === view.getUint32(24);
  if (pageSize < 512 || pageCount === 0 || !sizeValid) return bytes.length % 512 !== 0;
  return bytes.length < pageSize * pageCount;
}
