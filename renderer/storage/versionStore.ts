import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import type { WorkbenchDb } from './database';
import { sameRecord } from './sameRecord';
import { newestVersion } from './versionCapture';
import type { VersionRecord, VersionRecordRow } from './records';
import type { VersionHeader } from '../../shared/review/model';
import type { VersionDelta, VersionState } from './reviewStoreTypes';
import { versionKey, versionRecordKey, type VersionTable, type VersionedRecord } from './versionRecords';

/**
 * Reading and changing named versions (versionRecords.ts). The state of version V_k is the live
 * records, then the `pre` rows of every version from the newest down to V_k (each overwriting the
 * one before), then V_k's `overlay` rows. The writes here run inside the write door's transaction
 * (outsideHistory.ts): versions are no undo step.
 */

/** One record of a version's state that differs from (or is missing in) the live records. */
export interface VersionValue {
  table: VersionTable;
  key: string;
  value: VersionedRecord | null;
}

/** The per-table form the store's readers and writers use (reviewStoreTypes.ts). */
export function deltaOf(values: readonly VersionValue[]): VersionDelta {
  const delta: VersionDelta = { objects: [], zones: [] };
  for (const { table, key, value } of values) delta[table].push({ key, value } as never);
  return delta;
}

export function valuesOf(delta: VersionDelta): VersionValue[] {
  return (['objects', 'zones'] as const).flatMap((table) =>
    delta[table].map(({ key, value }) => ({ table, key, value })),
  );
}

const rowsOf = (db: WorkbenchDb, version: string, kind: VersionRecordRow['kind']) =>
  db.versionRecords.where(':id').startsWith(`${version}|${kind}|`).toArray();

/** The project's versions, oldest first. */
export function versionsOf(db: WorkbenchDb, projectId: string): Promise<VersionRecord[]> {
  return db.versions
    .where('[projectId+seq]')
    .between([projectId, -Infinity], [projectId, Infinity], true, true)
    .toArray();
}

/** The version's values of every record it may differ from the live records in, keyed `table/key`. */
async function storedValues(db: WorkbenchDb, version: VersionRecord): Promise<Map<string, VersionValue>> {
  const chain = await db.versions
    .where('[projectId+seq]')
    .between([version.projectId, version.seq], [version.projectId, Infinity], true, true)
    .toArray();
  const values = new Map<string, VersionValue>();
  const take = (rows: VersionRecordRow[]) => {
    for (const { table, key, value } of rows) values.set(`${table}/${key}`, { table, key, value });
  };
  for (const newer of chain.reverse()) take(await rowsOf(db, newer.id, 'pre'));
  take(await rowsOf(db, version.id, 'overlay'));
  return values;
}

/**
 * The objects and zones as they were when the version was tagged (or as its file held them), with
 * the project settings of then (now, for a version that did not keep them); null: no such version.
 */
export async function versionState(
  db: WorkbenchDb,
  projectId: string,
  versionId: string,
): Promise<VersionState | null> {
  const [version, project] = await Promise.all([
    db.versions.get(versionKey(projectId, versionId)),
    db.projects.get(projectId),
  ]);
  if (!version || !project) return null;
  const values = await storedValues(db, version);
  const [objects, zones] = await Promise.all([
    db.objects.where('projectId').equals(projectId).toArray(),
    db.zones.where('projectId').equals(projectId).toArray(),
  ]);
  const apply = <T extends VersionedRecord>(table: VersionTable, live: T[]): T[] => {
    const out = new Map<string, T>(live.map((r) => [r.id, r]));
    for (const v of values.values()) {
      if (v.table !== table) continue;
      const { key, value } = v;
      if (value === null) out.delete(key);
      else out.set(key, value as T);
    }
    return [...out.values()];
  };
  return {
    settings: version.settings ?? project.settings,
    objects: apply('objects', objects),
    zones: apply('zones', zones),
  };
}

/**
 * The records whose value in the version differs from the live one (null: absent in the
 * version): what a project file stores per version, a reverse delta against its own content.
 */
export async function versionDelta(
  db: WorkbenchDb,
  projectId: string,
  versionId: string,
): Promise<VersionDelta> {
  const version = await db.versions.get(versionKey(projectId, versionId));
  if (!version) return { objects: [], zones: [] };
  const values = [...(await storedValues(db, version)).values()];
  const live = new Map<string, unknown>();
  for (const table of ['objects', 'zones'] as const) {
    const keys = values.filter((v) => v.table === table).map((v) => v.key);
    const found = await db.table<VersionedRecord, string>(table).bulkGet(keys);
    keys.forEach((key, i) => live.set(`${table}/${key}`, found[i] ?? null));
  }
  return deltaOf(values.filter((v) => !sameRecord(v.value, live.get(`${v.table}/${v.key}`) ?? null)));
}

/** A version's overlay against the live records: every record of `state` that differs, and every live one it lacks. */
export function overlayAgainst(
  live: { objects: readonly ProtectedObject[]; zones: readonly Zone[] },
  state: { objects: readonly ProtectedObject[]; zones: readonly Zone[] },
): VersionDelta {
  const out: VersionValue[] = [];
  for (const table of ['objects', 'zones'] as const) {
    const now = new Map<string, VersionedRecord>(live[table].map((r) => [r.id, r]));
    const then = new Map<string, VersionedRecord>(state[table].map((r) => [r.id, r]));
    for (const [key, value] of then) if (!sameRecord(now.get(key), value)) out.push({ table, key, value });
    for (const key of now.keys()) if (!then.has(key)) out.push({ table, key, value: null });
  }
  return deltaOf(out);
}

/** The header fields a new version takes from its author; the rest the store fills in. */
export type VersionLabel = Pick<
  VersionRecord,
  'versionId' | 'name' | 'note' | 'author' | 'createdAt' | 'contentHash'
>;

/** A version brought from elsewhere: its header as the file had it (its `seq` is not ours). */
export type ImportedVersion = VersionHeader;

/** Tag the current state: a header only (its records are kept as they change later). */
export async function tagVersion(
  db: WorkbenchDb,
  projectId: string,
  label: VersionLabel,
): Promise<VersionRecord> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  const [objects, zones] = await Promise.all([
    db.objects.where('projectId').equals(projectId).count(),
    db.zones.where('projectId').equals(projectId).count(),
  ]);
  const seq = ((await newestVersion(db, projectId))?.seq ?? 0) + 1;
  const version: VersionRecord = {
    ...label,
    id: versionKey(projectId, label.versionId),
    projectId,
    seq,
    settings: project.settings,
    counts: { objects, zones },
    origin: 'planner',
  };
  await db.versions.add(version);
  return version;
}

/**
 * Add a version that is not on the project's own chain (from a project file, a working copy's
 * source, the state a reviewer signed): a new newest version whose overlay holds its records that
 * differ from the live ones. A version the project already has is left as it is (merging twice).
 */
export async function importVersion(
  db: WorkbenchDb,
  projectId: string,
  header: ImportedVersion,
  overlay: VersionDelta,
): Promise<void> {
  const id = versionKey(projectId, header.versionId);
  if (await db.versions.get(id)) return;
  const seq = ((await newestVersion(db, projectId))?.seq ?? 0) + 1;
  await db.versions.add({ ...header, id, projectId, seq });
  await db.versionRecords.bulkAdd(
    valuesOf(overlay).map(({ table, key, value }) => ({
      id: versionRecordKey(id, 'overlay', table, key),
      versionId: id,
      kind: 'overlay',
      table,
      key,
      value,
    })),
  );
}

export async function renameVersion(
  db: WorkbenchDb,
  projectId: string,
  versionId: string,
  name: string,
  note: string,
): Promise<void> {
  await db.versions.update(versionKey(projectId, versionId), { name, note });
}

/**
 * Delete a version; the others keep their states. Its `pre` rows move to the version before it
 * where that has none for the record (the record had not changed between the two, so its value at
 * the later tag is also its value at the earlier one); its overlay goes with it.
 */
export async function removeVersion(db: WorkbenchDb, projectId: string, versionId: string): Promise<void> {
  const version = await db.versions.get(versionKey(projectId, versionId));
  if (!version) return;
  const previous = await db.versions
    .where('[projectId+seq]')
    .between([projectId, -Infinity], [projectId, version.seq], true, false)
    .last();
  const pre = await rowsOf(db, version.id, 'pre');
  if (previous && pre.length) {
    const moved = pre.map((r) => ({
      ...r,
      id: versionRecordKey(previous.id, 'pre', r.table, r.key),
      versionId: previous.id,
    }));
    const kept = new Set(
      await db.versionRecords
        .where(':id')
        .anyOf(moved.map((r) => r.id))
        .primaryKeys(),
    );
    await db.versionRecords.bulkAdd(moved.filter((r) => !kept.has(r.id)));
  }
  await db.versionRecords.where(':id').startsWith(`${version.id}|`).delete();
  await db.versions.delete(version.id);
}
