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
  PROJECT_FILE_VERSION,
  checkContent,
  newerVersion,
  notProjectFile,
  type ProjectFileContent,
} from './projectFileSchema';
import { parseJsonText } from './safeJson';
import { NO_REVIEW, type FileVersion, type ReviewContent } from '../review/model';
import { migrateLegacyComments } from '../review/legacyDocumentComments';
import {
  REVIEW_RECORD_TABLES,
  detachComments,
  readReviewRecords,
  writeReviewRecords,
} from './projectFileReview';
import {
  reviewCommentsLayer,
  reviewDecisionsLayer,
  reviewSignoffsLayer,
  reviewVersionsLayer,
} from './projectFileReviewLayers';

/**
 * Versions 2 and 3 of the project file: an OGC GeoPackage (docs/formats.md). The `hzw_*` tables
 * hold every record as exact JSON and are what we read; the `zones`, `objects` and (version 3)
 * `review_*` tables repeat the content as flat columns for QGIS and GDAL. Version 3 adds the
 * review loop (projectFileReview.ts); version 2 files are read with their comments migrated.
 */
export interface ProjectFileWriteOptions {
  generator: string;
  savedAt?: Date;
  /** Review records to write, in document ids (none by default). */
  review?: ReviewContent;
  /** Named versions as reverse deltas against this document. */
  versions?: readonly FileVersion[];
  /** The project's lineage uid (`hzw_meta.project_uid`). */
  projectUid?: string;
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
    const review = { ...(options.review ?? NO_REVIEW) };
    review.comments = detachComments(document, review.comments);
    const versions = options.versions ?? [];
    addTable(db, reviewCommentsLayer(document, review), {
      tableName: 'review_comments',
      geometry: true,
      geometryType: 'POINT',
      now: savedAt,
      description,
    });
    addTable(db, reviewDecisionsLayer(document, review), {
      tableName: 'review_decisions',
      geometry: false,
      now: savedAt,
      description,
    });
    const signoffs = await reviewSignoffsLayer(document, review, versions);
    addTable(db, signoffs, { tableName: 'review_signoffs', geometry: false, now: savedAt, description });
    addTable(db, reviewVersionsLayer(versions), {
      tableName: 'review_versions',
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
      ['project_uid', options.projectUid ?? ''],
    ];
    for (const row of meta) db.run('INSERT INTO hzw_meta (key, value) VALUES (?, ?)', row);
    db.run('INSERT INTO hzw_project (key, json) VALUES (?, ?)', [
      'settings',
      JSON.stringify(document.settings),
    ]);
    insertRecords(db, 'hzw_objects', document.objects);
    insertRecords(db, 'hzw_zones', document.zones);
    writeReviewRecords(db, review, versions);
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

function requireTables(fileName: string, tables: Set<string>, wanted: readonly string[]): void {
  const missing = wanted.filter((t) => !tables.has(t));
  if (missing.length > 0) {
    throw new FormatError(
      fileName,
      missing.map((t) =>
        fileProblem(t, { zh: `项目文件缺少数据表 ${t}`, en: `The project file lacks table ${t}` }),
      ),
    );
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
    requireTables(fileName, tables, RECORD_TABLES);
    const problems: InputProblem[] = [];
    const settingsRow = queryRows(db, "SELECT json FROM hzw_project WHERE key = 'settings'")[0];
    if (!settingsRow)
      throw damaged(fileName, 'hzw_project', { zh: '缺少项目设置', en: 'Project settings are missing' });
    const settings = parseJsonText(String(settingsRow.json));
    if (!settings.ok) problems.push(fileProblem('hzw_project.settings', settings.reason));
    if (version >= 3) requireTables(fileName, tables, REVIEW_RECORD_TABLES);
    const content = {
      project: { settings: settings.ok ? settings.value : null },
      objects: records(db, 'hzw_objects', problems),
      zones: records(db, 'hzw_zones', problems),
      // Version 3 comments are thread entries, read below; version 2 ones the earlier form.
      comments: version >= 3 ? [] : records(db, 'hzw_comments', problems),
    };
    if (problems.length) throw new FormatError(fileName, problems.slice(0, 50));
    const editCount = meta.get('edit_count');
    const checked = checkContent(fileName, content, {
      version,
      savedAt: meta.get('saved_at') ?? null,
      generator: meta.get('generator') ?? null,
      editCount: editCount ? Number(editCount) : null,
      installation: meta.get('saved_by') || null,
      projectUid: version >= 3 ? meta.get('project_uid') || null : null,
    });
    const extra = { carried: readCarried(db), backgrounds: readBackgrounds(db, tables) };
    if (version < 3) return { ...migrateLegacyComments(checked), ...extra };
    const { legacyComments: _legacy, ...document } = checked;
    const { review, versions } = readReviewRecords(db, document, problems);
    if (problems.length) throw new FormatError(fileName, problems.slice(0, 50));
    return { ...document, review, versions, ...extra };
  } catch (error) {
    if (isOutOfMemory(error)) throw sqliteHeapRefusal(fileName);
    throw error;
  } finally {
    db.close();
  }
}
