import type { z } from 'zod';
import { describeIssues } from '../domain/messages';
import {
  CommentEntrySchema,
  DecisionSchema,
  REVIEW_LIMITS,
  SignoffSchema,
  VersionHeaderSchema,
  anchorTarget,
  NO_REVIEW,
  type CommentEntry,
  type FileVersion,
  type ReviewContent,
  type VersionFileRecord,
  type VersionHeader,
} from '../review/model';
import type { InputProblem } from './formatError';
import type { ProjectDocument } from './projectDocument';
import { ObjectRecordSchema, ZoneRecordSchema } from './projectFileSchema';
import { queryRows, type Database } from './geopackage/sqlite';
import { parseJsonText } from './safeJson';

/**
 * The review loop in a version 3 project file (docs/formats.md "Project file v3"): comment
 * entries, decisions, sign-offs and named versions as exact JSON in `hzw_*` tables (what we
 * read), and readable copies in `review_*` tables for QGIS and GDAL (projectFileReviewLayers.ts).
 */
export const REVIEW_DDL = `
CREATE TABLE hzw_decisions (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_signoffs (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_versions (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE hzw_version_records (id TEXT PRIMARY KEY NOT NULL, version_id TEXT NOT NULL,
  table_name TEXT NOT NULL CHECK (table_name IN ('objects', 'zones')), record_id TEXT NOT NULL, json TEXT);
`;
/** The `hzw_*` tables version 3 adds (`hzw_comments` existed before and changes meaning). */
export const REVIEW_RECORD_TABLES = ['hzw_decisions', 'hzw_signoffs', 'hzw_versions', 'hzw_version_records'];

function insertJson(db: Database, table: string, rows: readonly [string, unknown][]): void {
  const statement = db.prepare(`INSERT INTO ${table} (id, seq, json) VALUES (?, ?, ?)`);
  try {
    rows.forEach(([id, value], seq) => statement.run([id, seq, JSON.stringify(value)]));
  } finally {
    statement.free();
  }
}

/**
 * Comments as they can be written with this document: a thread whose zone or object no longer
 * exists keeps its pin as a position and remembers where it pointed.
 */
export function detachComments(document: ProjectDocument, comments: readonly CommentEntry[]): CommentEntry[] {
  const ids = {
    zone: new Set(document.zones.map((z) => z.id)),
    object: new Set(document.objects.map((o) => o.id)),
  };
  return comments.map((entry) => {
    const anchor = entry.anchor;
    const target = anchor && anchorTarget(anchor);
    if (!anchor || anchor.kind === 'project' || !target || ids[target.kind].has(target.id)) return entry;
    return { ...entry, anchor: { kind: 'position', at: anchor.at }, detachedFrom: target };
  });
}

/** Write the review records and versions into their `hzw_*` tables (inside the file's transaction). */
export function writeReviewRecords(
  db: Database,
  review: ReviewContent,
  versions: readonly FileVersion[],
): void {
  db.run(REVIEW_DDL);
  insertJson(
    db,
    'hzw_comments',
    review.comments.map((c) => [c.entryId, c]),
  );
  insertJson(
    db,
    'hzw_decisions',
    review.decisions.map((d) => [d.entryId, d]),
  );
  insertJson(
    db,
    'hzw_signoffs',
    review.signoffs.map((s) => [s.entryId, s]),
  );
  insertJson(
    db,
    'hzw_versions',
    versions.map((v) => [v.header.versionId, v.header]),
  );
  const statement = db.prepare(
    'INSERT INTO hzw_version_records (id, version_id, table_name, record_id, json) VALUES (?, ?, ?, ?, ?)',
  );
  try {
    for (const { header, records } of versions)
      for (const r of records)
        statement.run([
          `${header.versionId}|${r.table}|${r.id}`,
          header.versionId,
          r.table,
          r.id,
          r.value === null ? null : JSON.stringify(r.value),
        ]);
  } finally {
    statement.free();
  }
}

/** Problems of one row: the zod issues, named by table and row id. */
function rowProblems(table: string, index: number, id: string, error: z.ZodError): InputProblem[] {
  const en = describeIssues(error, 'en');
  return describeIssues(error, 'zh')
    .slice(0, 3)
    .map((p, i) => ({
      index,
      field: `${table}.${p.path}`,
      reason: { zh: `${id}：${p.message}`, en: `${id}: ${en[i]?.message ?? p.message}` },
    }));
}

function problem(table: string, index: number, zh: string, en: string): InputProblem {
  return { index, field: table, reason: { zh, en } };
}

function parsedRows<T>(db: Database, table: string, schema: z.ZodType<T>, problems: InputProblem[]): T[] {
  const out: T[] = [];
  queryRows(db, `SELECT id, json FROM ${table} ORDER BY seq, rowid`).forEach((row, index) => {
    const id = String(row.id);
    const json = parseJsonText(String(row.json));
    if (!json.ok) {
      problems.push(problem(`${table}.json`, index, `${id}：${json.reason.zh}`, `${id}: ${json.reason.en}`));
      return;
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) problems.push(...rowProblems(table, index, id, parsed.error));
    else out.push(parsed.data);
  });
  return out;
}

/** Refuse a second row with an id already seen. */
function duplicates(table: string, ids: readonly string[], problems: InputProblem[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push(problem(`${table}.id`, index, `重复的编号 ${id}`, `Duplicate id ${id}`));
    seen.add(id);
  });
}

function commentProblems(
  document: ProjectDocument,
  comments: readonly CommentEntry[],
  problems: InputProblem[],
) {
  const ids = {
    zone: new Set(document.zones.map((z) => z.id)),
    object: new Set(document.objects.map((o) => o.id)),
  };
  const byId = new Map(comments.map((c) => [c.entryId, c]));
  comments.forEach((entry, index) => {
    const target = entry.anchor && anchorTarget(entry.anchor);
    if (target && !ids[target.kind].has(target.id)) {
      const what = target.kind === 'zone' ? ['区划', 'zone'] : ['保护对象', 'object'];
      problems.push(
        problem(
          'hzw_comments.anchor',
          index,
          `审阅意见 ${entry.entryId} 指向不存在的${what[0]} ${target.id}`,
          `Review comment ${entry.entryId} points at a missing ${what[1]} ${target.id}`,
        ),
      );
    }
    const root = byId.get(entry.threadId);
    const strays = entry.parents.filter((p) => byId.get(p)?.threadId !== entry.threadId);
    if (!root || root.parents.length > 0 || strays.length > 0)
      problems.push(
        problem(
          'hzw_comments.parents',
          index,
          `审阅意见 ${entry.entryId} 所回复的意见不在文件中`,
          `Review comment ${entry.entryId} answers an entry the file does not hold`,
        ),
      );
  });
}

/** A version record's JSON checked as the file's object or zone records are. */
function recordValue(
  table: 'objects' | 'zones',
  json: unknown,
): { id: string; record: VersionFileRecord } | null {
  if (table === 'objects') {
    const parsed = ObjectRecordSchema.safeParse(json);
    return parsed.success
      ? { id: parsed.data.id, record: { table, id: parsed.data.id, value: parsed.data } }
      : null;
  }
  const parsed = ZoneRecordSchema.safeParse(json);
  return parsed.success
    ? { id: parsed.data.id, record: { table, id: parsed.data.id, value: parsed.data } }
    : null;
}

function versionRecords(db: Database, headers: readonly VersionHeader[], problems: InputProblem[]) {
  const byVersion = new Map(headers.map((h) => [h.versionId, [] as VersionFileRecord[]]));
  const rows = queryRows(
    db,
    'SELECT version_id, table_name, record_id, json FROM hzw_version_records ORDER BY rowid',
  );
  rows.forEach((row, index) => {
    const [versionId, table, id] = [String(row.version_id), String(row.table_name), String(row.record_id)];
    const list = byVersion.get(versionId);
    const where = `${versionId}|${table}|${id}`;
    if (!list || (table !== 'objects' && table !== 'zones')) {
      problems.push(
        problem(
          'hzw_version_records.version_id',
          index,
          `${where}：不属于任何版本`,
          `${where}: belongs to no version`,
        ),
      );
      return;
    }
    if (row.json === null) {
      list.push({ table, id, value: null });
      return;
    }
    const json = parseJsonText(String(row.json));
    const value = json.ok ? recordValue(table, json.value) : null;
    if (value?.id !== id) {
      problems.push(
        problem('hzw_version_records.json', index, `${where}：记录无效`, `${where}: invalid record`),
      );
      return;
    }
    list.push(value.record);
  });
  return headers.map((header) => ({ header, records: byVersion.get(header.versionId) ?? [] }));
}

/** Read a version 3 file's review records and versions; problems are appended, never thrown. */
export function readReviewRecords(
  db: Database,
  document: ProjectDocument,
  problems: InputProblem[],
): { review: ReviewContent; versions: FileVersion[] } {
  const count = Number(
    queryRows(
      db,
      'SELECT (SELECT count(*) FROM hzw_comments) + (SELECT count(*) FROM hzw_decisions) + (SELECT count(*) FROM hzw_signoffs) + (SELECT count(*) FROM hzw_versions) AS n',
    )[0]?.n ?? 0,
  );
  if (count > REVIEW_LIMITS.rows) {
    problems.push(
      problem(
        'hzw_comments',
        0,
        `审查记录超过 ${REVIEW_LIMITS.rows} 条上限`,
        `More than ${REVIEW_LIMITS.rows} review records`,
      ),
    );
    return { review: NO_REVIEW, versions: [] };
  }
  const comments = parsedRows(db, 'hzw_comments', CommentEntrySchema, problems);
  const decisions = parsedRows(db, 'hzw_decisions', DecisionSchema, problems);
  const signoffs = parsedRows(db, 'hzw_signoffs', SignoffSchema, problems);
  const headers = parsedRows(db, 'hzw_versions', VersionHeaderSchema, problems);
  duplicates(
    'hzw_comments',
    comments.map((c) => c.entryId),
    problems,
  );
  duplicates(
    'hzw_decisions',
    decisions.map((d) => d.entryId),
    problems,
  );
  duplicates(
    'hzw_signoffs',
    signoffs.map((s) => s.entryId),
    problems,
  );
  duplicates(
    'hzw_versions',
    headers.map((h) => h.versionId),
    problems,
  );
  commentProblems(document, comments, problems);
  const versions = versionRecords(db, headers, problems);
  return { review: { comments, decisions, signoffs }, versions };
}
