import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import {
  BackgroundSchema,
  LayerListPrefsSchema,
  type Background,
  type LayerListPrefs,
} from '../../shared/domain/backgrounds';
import { isBackgroundAccess, type BackgroundAccessValue } from './backgroundAccess';
import { commitError } from './commitError';
import type { WorkbenchDb } from './database';
import { trashKey } from './projectTrash';
import { SAVED_FILES_KEY, SAVED_FILES_LIMIT, savedFilesWith } from './savedFiles';
import { assertWritable } from './readOnly';
import {
  importVersion,
  removeVersion,
  renameVersion,
  tagVersion,
  type ImportedVersion,
  type VersionLabel,
} from './versionStore';
import type { VersionDelta } from './reviewStoreTypes';
import { liveBasis, StateMoved } from './versionBasis';
import { lineageKey } from './reviewQueries';
import { checkVersionText, checkImportedVersion } from './versionChecks';

/**
 * What is stored but is no undo step: session preferences, the hashes of files this installation
 * saved, reference layers (added and removed whole, shown or hidden), backgrounds with the local
 * access to their files, each project's layer-list settings, and named versions (tagging,
 * renaming and deleting one is no edit of the document: versionStore.ts). These go through the
 * same write door as edits (commit.ts) — same connection, write lock and transaction — as a
 * change set that leaves no history entry.
 */
export type OutsideWrite =
  | { kind: 'preference'; name: string; value: string }
  | { kind: 'savedFile'; hash: string; limit?: number }
  | { kind: 'addReferenceLayer'; layer: ReferenceLayerData }
  | { kind: 'removeReferenceLayer'; id: string }
  | { kind: 'referenceVisible'; id: string; visible: boolean }
  | { kind: 'trashProject'; projectId: string; at: string }
  | { kind: 'restoreProject'; projectId: string }
  | { kind: 'putBackground'; background: Background }
  | { kind: 'removeBackground'; id: string }
  | { kind: 'backgroundAccess'; id: string; access: BackgroundAccessValue | null }
  | { kind: 'layerList'; projectId: string; prefs: LayerListPrefs }
  /** `basis`: the token (versionBasis.ts) of the records `label.contentHash` was computed from. */
  | { kind: 'tagVersion'; projectId: string; label: VersionLabel; basis?: string }
  | { kind: 'renameVersion'; projectId: string; versionId: string; name: string; note: string }
  | { kind: 'removeVersion'; projectId: string; versionId: string }
  | { kind: 'importVersion'; projectId: string; header: ImportedVersion; overlay: VersionDelta }
  /** The uid the project's files carry (`hzw_meta.project_uid`), set when it is made from a file. */
  | { kind: 'lineage'; projectId: string; uid: string };

/** A commit request of writes outside the undo history. */
export interface OutsideHistoryRequest {
  outsideHistory: OutsideWrite[];
}

export const OUTSIDE_TABLES = [
  'meta',
  'referenceLayers',
  'backgrounds',
  'backgroundAccess',
  'versions',
  'versionRecords',
  // Read by the version writes (the state a tag counts, the project a version belongs to).
  'projects',
  'objects',
  'zones',
] as const;
export const preferenceKey = (name: string) => `pref:${name}`;
/** Showing a layer is a view preference, not a rewrite of its (tens of MB) record. */
export const VISIBLE_PREFIX = 'referenceVisible:';
/** A project's layer-list settings (order, visibility, opacity, zone types, labels). */
export const layerListKey = (projectId: string) => `layers:${projectId}`;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Refuse what the tables must never hold (the same door validates edits' records). */
function validate(write: OutsideWrite): void {
  const refuse = (en: string, zh: string) => {
    throw commitError(write.kind, { zh, en });
  };
  switch (write.kind) {
    case 'preference':
      if (!isText(write.name) || typeof write.value !== 'string')
        refuse('A preference needs a name and a text value', '偏好设置需要名称和文本值');
      return;
    case 'savedFile':
      if (!isText(write.hash)) refuse('A saved file needs its hash', '已保存文件需要其哈希值');
      return;
    case 'addReferenceLayer': {
      const { layer } = write;
      if (!isText(layer?.id) || !isText(layer.projectId) || !(layer.lonLat instanceof Float64Array))
        refuse(
          'A reference layer needs an id, a project and its coordinates',
          '参考图层需要编号、项目和坐标',
        );
      return;
    }
    case 'removeReferenceLayer':
    case 'referenceVisible':
      if (!isText(write.id)) refuse('Which reference layer is missing', '缺少参考图层编号');
      return;
    case 'trashProject':
    case 'restoreProject':
      if (!isText(write.projectId)) refuse('Which project is missing', '缺少项目编号');
      return;
    case 'putBackground':
      if (!BackgroundSchema.safeParse(write.background).success)
        refuse(
          'A background needs an id, a project, a name and a valid source',
          '底图需要编号、项目、名称和有效的来源',
        );
      return;
    case 'removeBackground':
      if (!isText(write.id)) refuse('Which background is missing', '缺少底图编号');
      return;
    case 'backgroundAccess':
      if (!isText(write.id) || (write.access !== null && !isBackgroundAccess(write.access)))
        refuse('A file access is a grant, a file handle or a copy', '文件访问须为授权、文件句柄或副本');
      return;
    case 'layerList':
      if (!isText(write.projectId) || !LayerListPrefsSchema.safeParse(write.prefs).success)
        refuse('Layer settings need a project and valid values', '图层设置需要项目和有效的值');
      return;
    case 'tagVersion':
      checkVersionText(
        write.kind,
        write.projectId,
        write.label.versionId,
        write.label.name,
        write.label.note,
      );
      return;
    case 'renameVersion':
      checkVersionText(write.kind, write.projectId, write.versionId, write.name, write.note);
      return;
    case 'removeVersion':
      checkVersionText(write.kind, write.projectId, write.versionId, 'x', '');
      return;
    case 'importVersion':
      checkImportedVersion(write.projectId, write.header, write.overlay);
      return;
    case 'lineage':
      if (!isText(write.projectId) || !isText(write.uid) || write.uid.length > 128)
        refuse(
          'A lineage needs a project and a uid of at most 128 characters',
          '项目标识需要项目和不超过 128 个字符的标识',
        );
  }
}

/** Apply the writes inside the caller's transaction (commit.ts), in order. */
export async function applyOutside(db: WorkbenchDb, writes: readonly OutsideWrite[]): Promise<void> {
  writes.forEach(validate);
  for (const write of writes) {
    switch (write.kind) {
      case 'preference':
        await db.meta.put({ key: preferenceKey(write.name), value: write.value });
        break;
      case 'savedFile': {
        const hashes = (await db.meta.get(SAVED_FILES_KEY))?.hashes ?? [];
        const next = savedFilesWith(hashes, write.hash, write.limit ?? SAVED_FILES_LIMIT);
        await db.meta.put({ key: SAVED_FILES_KEY, hashes: next });
        break;
      }
      case 'addReferenceLayer':
        await db.referenceLayers.put(write.layer);
        break;
      case 'removeReferenceLayer':
        await db.referenceLayers.delete(write.id);
        await db.meta.delete(VISIBLE_PREFIX + write.id);
        break;
      case 'referenceVisible':
        await db.meta.put({ key: VISIBLE_PREFIX + write.id, value: String(write.visible) });
        break;
      case 'trashProject':
        await db.meta.put({ key: trashKey(write.projectId), value: write.at });
        break;
      case 'restoreProject':
        await db.meta.delete(trashKey(write.projectId));
        break;
      case 'putBackground':
        await db.backgrounds.put(BackgroundSchema.parse(write.background));
        break;
      case 'removeBackground':
        await db.backgrounds.delete(write.id);
        await db.backgroundAccess.delete(write.id);
        break;
      case 'backgroundAccess':
        if (write.access) await db.backgroundAccess.put({ id: write.id, access: write.access });
        else await db.backgroundAccess.delete(write.id);
        break;
      case 'layerList':
        await db.meta.put({
          key: layerListKey(write.projectId),
          layerList: LayerListPrefsSchema.parse(write.prefs),
        });
        break;
      // Versions are the planner's: a review copy keeps the ones its file brought, unchanged.
      case 'tagVersion':
        await assertWritable(db, write.projectId);
        if (write.basis !== undefined && write.basis !== (await liveBasis(db, write.projectId)))
          throw new StateMoved();
        await tagVersion(db, write.projectId, write.label);
        break;
      case 'renameVersion':
        await assertWritable(db, write.projectId);
        await renameVersion(db, write.projectId, write.versionId, write.name, write.note);
        break;
      case 'removeVersion':
        await assertWritable(db, write.projectId);
        await removeVersion(db, write.projectId, write.versionId);
        break;
      case 'importVersion':
        await importVersion(db, write.projectId, write.header, write.overlay);
        break;
      case 'lineage':
        await db.meta.put({ key: lineageKey(write.projectId), value: write.uid });
    }
  }
}
