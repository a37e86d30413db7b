import type { Bilingual } from '../../domain/labels';
import { BUDGETS } from '../budgets';
import { FormatError, fileProblem } from '../formatError';
import {
  computedColumns,
  isOutOfMemory,
  isTruncatedSqlite,
  limitHeap,
  looksLikeSqlite,
  openDatabase,
  queryRows,
  storedTables,
  type Database,
} from './sqlite';

/**
 * Opening a GeoPackage or project file for reading, with nothing in it run that could take
 * unbounded memory or time: SQLite's heap is capped (BUDGETS.sqliteHeapBytes), columns computed
 * on every read are refused before quick_check would compute them, and our reads only touch
 * tables of stored rows (views can hide a query that never ends).
 */
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
    limitHeap(db, BUDGETS.sqliteHeapBytes);
    // Refused before anything is read: quick_check itself would compute these on every row.
    const computed = computedColumns(db);
    if (computed.length)
      throw new FormatError(
        name,
        computed.map(({ table, column }) =>
          fileProblem(`${table}.${column}`, {
            zh: `${table} 表的 ${column} 列是读取时才计算的生成列（GENERATED … VIRTUAL），此类文件不予读取`,
            en: `column ${column} of table ${table} is computed on every read (a VIRTUAL generated column); such files are not read`,
          }),
        ),
      );
  } catch (error) {
    db.close();
    throw error;
  }
  try {
    const check = queryRows(db, 'PRAGMA quick_check');
    if (check.length !== 1 || Object.values(check[0]!)[0] !== 'ok') throw new Error('quick_check failed');
  } catch (error) {
    db.close();
    if (isOutOfMemory(error)) throw sqliteHeapRefusal(name);
    throw refuse({ zh: '数据库文件已损坏', en: 'The database file is damaged' });
  }
  return db;
}

/** Reading the file needed more SQLite memory than the budget allows. */
export function sqliteHeapRefusal(name: string): FormatError {
  const mb = BUDGETS.sqliteHeapBytes / 1024 / 1024;
  return new FormatError(name, [
    fileProblem('', {
      zh: `读取该数据库需要超过 ${mb} MB 的 SQLite 内存（约束或计算列生成了巨大的值），已停止`,
      en: `reading the database needs more than ${mb} MB of SQLite memory (a constraint or computed value grows huge); stopped`,
    }),
  ]);
}

/**
 * Refuse a file whose GeoPackage tables of our own reading are views or virtual tables: a query
 * hidden there would run, perhaps for ever, on every read.
 */
export function requireStored(db: Database, name: string, tables: readonly string[]): void {
  const stored = storedTables(db);
  const present = new Set(
    queryRows(db, 'SELECT name FROM sqlite_master').map((r) => String(r.name).toLowerCase()),
  );
  const computed = tables.filter((t) => present.has(t) && !stored.has(t));
  if (computed.length)
    throw new FormatError(
      name,
      computed.map((t) =>
        fileProblem(t, {
          zh: `${t} 不是存储数据的表（是视图或虚拟表），此类文件不予读取`,
          en: `${t} is not a table of stored rows (a view or virtual table); such files are not read`,
        }),
      ),
    );
}
