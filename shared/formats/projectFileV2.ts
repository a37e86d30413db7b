import type { Bilingual } from '../domain/labels';
import { DEFAULT_SYMBOLS } from '../domain/symbology';
import { FormatError, fileProblem, type InputProblem } from './formatError';
import { openSqliteFile, sqliteHeapRefusal } from './geopackage/openSqliteFile';
import { initGeoPackage } from './geopackage/schema';
import { isOutOfMemory, openDatabase, queryRows, storedTables, type Database } from './geopackage/sqlite';
import { addTable } from './geopackage/writeGeoPackage';
import type { Progress } from './layer';
import type { ProjectDocument } from './projectDocument';
import { objectsLayer, zonesLayer } from './projectFileLayers';
import { NOTHING_CARRIED, readCarried, writeCarried, type CarriedContent } from './projectFileCarried';
import { readBackgrounds, writeBackgrounds, type ProjectFileBackgrounds } from './projectFileBackgrounds';
import {
  PROJECT_FILE_FORMAT,
  anchorComments,
  PROJECT_FILE_VERSION,
  checkContent,
  newerVersion,
  notProjectFile,
  type ProjectFileContent,
  type ReviewComment,
} from './projectFileSchema';
import { parseJsonText } from './safeJson';

/**
 * Version 2 of the project file: an OGC GeoPackage (docs/formats.md). The `hzw_*` tables hold
 * every record as exact JSON and are what we read; the `zones` and `objects` tables repeat the
 * content as flat columns for QGIS and GDAL.
 */
export interface ProjectFileWriteOptions {
  generator: string;
  savedAt?: Date;
  /** Review comments to carry (none by default). */
  comments?: readonly ReviewComment[];
  /** Undo steps the project had when saved, for the history metadata. */
  editCount?: number | null;
  /** Random id of the saving installation: provenance only, never a reason to trust a file. */
  installation?: string;
  /** What the file this project came from held that we do not understand (written back). */
  carried?: CarriedContent;
  /** The project's backgrounds (descriptions only) and layer-list settings (projectFileBackgrounds.ts). */
  backgrounds?: Omit<ProjectFileBackgrounds, 'skipped'>;
}

const HZW_DDL = `
CREATE TABLE hzw_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE hzw_project (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_objects (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_zones (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_comments (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_styles (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);
`;
const RECORD_TABLES = ['hzw_project', 'hzw_objects', 'hzw_zones', 'hzw_comments', 'hzw_styles'] as const;

function insertRecords(db: Database, table: string, records: readonly { id: string }[]): void {
  const statement = db.prepare(`INSERT INTO ${table} (id, seq, json) VALUES (?, ?, ?)`);
  try {
    records.forEach((r, seq) => statement.run([r.id, seq, JSON.stringify(r)]));
  } finally {
    statement.free();
  }
}

export async function writeProjectFileV2(
  document: ProjectDocument,
  options: ProjectFileWriteOptions,
  progress: Progress = () => {},
): Promise<Uint8Array> {
  const savedAt = options.savedAt ?? new Date();
  const db = await openDatabase();
  try {
    initGeoPackage(db);
    db.run('BEGIN');
    const description = `${document.settings.name} — ${options.generator}`;
    addTable(
      db,
      zonesLayer(document),
      { tableName: 'zones', geometry: true, now: savedAt, description },
      (f) => progress(f * 0.6),
    );
    addTable(db, objectsLayer(document), {
      tableName: 'objects',
      geometry: false,
      now: savedAt,
      description,
    });
    db.run(HZW_DDL);
    const meta: [string, string][] = [
      ['format', PROJECT_FILE_FORMAT],
      ['schema_version', String(PROJECT_FILE_VERSION)],
      ['saved_at', savedAt.toISOString()],
      ['generator', options.generator],
      ['edit_count', options.editCount == null ? '' : String(options.editCount)],
      ['saved_by', options.installation ?? ''],
    ];
    for (const row of meta) db.run('INSERT INTO hzw_meta (key, value) VALUES (?, ?)', row);
    db.run('INSERT INTO hzw_project (key, json) VALUES (?, ?)', [
      'settings',
      JSON.stringify(document.settings),
    ]);
    insertRecords(db, 'hzw_objects', document.objects);
    insertRecords(db, 'hzw_zones', document.zones);
    insertRecords(db, 'hzw_comments', anchorComments(document, options.comments ?? []));
    for (const [zoneType, symbol] of Object.entries(DEFAULT_SYMBOLS))
      db.run('INSERT INTO hzw_styles (key, json) VALUES (?, ?)', [zoneType, JSON.stringify(symbol)]);
    writeBackgrounds(db, { list: [], layers: null, skipped: 0, ...options.backgrounds });
    writeCarried(db, options.carried ?? NOTHING_CARRIED);
    db.run('COMMIT');
    progress(1);
    return db.export();
  } finally {
    db.close();
  }
}

function damaged(fileName: string, field: string, reason: Bilingual): FormatError {
  return new FormatError(fileName, [fileProblem(field, reason)]);
}

/** The tables of stored rows (a view or virtual table named like ours does not count as one). */
function tablesOf(db: Database): Set<string> {
  const stored = storedTables(db);
  return new Set(
    queryRows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
      .map((r) => String(r.name))
      .filter((name) => stored.has(name.toLowerCase())),
  );
}

/**
 * The rows' order: by seq, then rowid. Files we write insert in seq order, and reading in rowid
 * order then spares SQLite sorting every row's JSON (tens of megabytes) in a temporary b-tree.
 */
function orderOf(db: Database, table: string): string {
  const statement = db.prepare(`SELECT seq FROM ${table} ORDER BY rowid`);
  try {
    let previous = -Infinity;
    while (statement.step()) {
      const seq = Number(statement.get()[0]);
      if (!(seq >= previous)) return 'seq, rowid';
      previous = seq;
    }
    return 'rowid';
  } finally {
    statement.free();
  }
}

/** Parse every row's JSON; a row that is not JSON is a problem naming its table and id. */
function records(db: Database, table: string, problems: InputProblem[]): unknown[] {
  const statement = db.prepare(`SELECT id, json FROM ${table} ORDER BY ${orderOf(db, table)}`);
  const out: unknown[] = [];
  try {
    while (statement.step()) {
      const [id, json] = statement.get();
      const parsed = parseJsonText(String(json));
      out.push(parsed.ok ? parsed.value : null);
      if (!parsed.ok)
        problems.push({
          index: out.length - 1,
          field: `${table}.json`,
          reason: { zh: `${id}：${parsed.reason.zh}`, en: `${id}: ${parsed.reason.en}` },
        });
    }
  } finally {
    statement.free();
  }
  return out;
}

export async function readProjectFileV2(bytes: Uint8Array, fileName: string): Promise<ProjectFileContent> {
  const db = await openSqliteFile(bytes, fileName);
  try {
    const tables = tablesOf(db);
    if (!tables.has('hzw_meta')) {
      if (!tables.has('gpkg_contents')) throw notProjectFile(fileName);
      throw damaged(fileName, 'hzw_meta', {
        zh: '这是 GeoPackage 文件，但不是项目文件；请用“导入”读取其中的区划',
        en: 'This is a GeoPackage but not a project file; use Import to read its zones',
      });
    }
    const meta = new Map(
      queryRows(db, 'SELECT key, value FROM hzw_meta').map((r) => [String(r.key), String(r.value)]),
    );
    if (meta.get('format') !== PROJECT_FILE_FORMAT) throw notProjectFile(fileName);
    const version = Number(meta.get('schema_version'));
    if (!Number.isInteger(version) || version < 2) {
      throw damaged(fileName, 'hzw_meta.schema_version', {
        zh: `无效的项目文件版本号“${meta.get('schema_version') ?? ''}”`,
        en: `Invalid project file version "${meta.get('schema_version') ?? ''}"`,
      });
    }
    if (version > PROJECT_FILE_VERSION) throw newerVersion(fileName, version);
    const missing = RECORD_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new FormatError(
        fileName,
        missing.map((t) =>
          fileProblem(t, { zh: `项目文件缺少数据表 ${t}`, en: `The project file lacks table ${t}` }),
        ),
      );
    }
    const problems: InputProblem[] = [];
    const settingsRow = queryRows(db, "SELECT json FROM hzw_project WHERE key = 'settings'")[0];
    if (!settingsRow)
      throw damaged(fileName, 'hzw_project', { zh: '缺少项目设置', en: 'Project settings are missing' });
    const settings = parseJsonText(String(settingsRow.json));
    if (!settings.ok) problems.push(fileProblem('hzw_project.settings', settings.reason));
    const content = {
      project: { settings: settings.ok ? settings.value : null },
      objects: records(db, 'hzw_objects', problems),
      zones: records(db, 'hzw_zones', problems),
      comments: records(db, 'hzw_comments', problems),
    };
    if (problems.length) throw new FormatError(fileName, problems.slice(0, 50));
    const editCount = meta.get('edit_count');
    const checked = checkContent(fileName, content, {
      version,
      savedAt: meta.get('saved_at') ?? null,
      generator: meta.get('generator') ?? null,
      editCount: editCount ? Number(editCount) : null,
      installation: meta.get('saved_by') || null,
    });
    return { ...checked, carried: readCarried(db), backgrounds: readBackgrounds(db, tables) };
  } catch (error) {
    if (isOutOfMemory(error)) throw sqliteHeapRefusal(fileName);
    throw error;
  } finally {
    db.close();
  }
}
