import type { DocumentObject, DocumentZone } from '../../../shared/formats/projectDocument';
import type {
  FileVersion,
  ReviewContent,
  VersionFileRecord,
  VersionHeader,
} from '../../../shared/review/model';
import type { Put } from '../../storage/records';
import { reviewRecordKey } from '../../storage/records';
import type { OutsideWrite } from '../../storage/outsideHistory';
import type { Queries, VersionDelta } from '../../storage/store';

/**
 * The review side of a project as a project file holds it, and back: review records (always in
 * document ids, in the store too), named versions as reverse deltas against the document, and the
 * project's lineage. Saving, opening, working copies and merging all pass through here.
 */
export interface ProjectReview {
  review: ReviewContent;
  versions: FileVersion[];
  /** The lineage uid; null: a file without one (version 2), the project keeps its own id. */
  lineage: string | null;
}

/** Store id → document id, as FileExtras.idMap records it (identity elsewhere). */
export function toDocument(idMap: Readonly<Record<string, string>> | undefined): (id: string) => string {
  if (!idMap) return (id) => id;
  return (id) => (Object.hasOwn(idMap, id) ? idMap[id]! : id);
}

/** The project's review records, versions and lineage in document ids (what a save writes). */
export async function projectReview(read: Queries, projectId: string): Promise<ProjectReview> {
  const [comments, decisions, signoffs, headers, lineage, extras] = await Promise.all([
    read.comments(projectId),
    read.decisions(projectId),
    read.signoffs(projectId),
    read.versions(projectId),
    read.lineage(projectId),
    read.fileExtras(projectId),
  ]);
  const doc = toDocument(extras?.idMap);
  const versions = await Promise.all(
    headers.map(async ({ id: _id, projectId: _p, ...header }) => ({
      header: header as VersionHeader,
      records: documentRecords(await read.versionDelta(projectId, header.versionId), doc),
    })),
  );
  return {
    review: {
      comments: comments.map(({ id: _id, projectId: _p, ...entry }) => entry),
      decisions: decisions.map(({ id: _id, projectId: _p, targetId: _t, ...decision }) => decision),
      signoffs: signoffs.map(({ id: _id, projectId: _p, ...signoff }) => signoff),
    },
    versions,
    lineage,
  };
}

/** A version's stored delta (store records) as the file's records (document ids, no projectId). */
function documentRecords(delta: VersionDelta, doc: (id: string) => string): VersionFileRecord[] {
  const objects = delta.objects.map(({ key, value }): VersionFileRecord => {
    if (!value) return { table: 'objects', id: doc(key), value: null };
    const { projectId: _p, ...object } = value;
    return { table: 'objects', id: doc(key), value: { ...object, id: doc(key) } };
  });
  const zones = delta.zones.map(({ key, value }): VersionFileRecord => {
    if (!value) return { table: 'zones', id: doc(key), value: null };
    const { projectId: _p, ...zone } = value;
    return { table: 'zones', id: doc(key), value: { ...zone, id: doc(key), objectId: doc(zone.objectId) } };
  });
  return [...objects, ...zones];
}

/** Review records as puts into a project (keys `<projectId>/<entryId>`). */
export function reviewPuts(projectId: string, review: ReviewContent): Put[] {
  return [
    ...review.comments.map((entry): Put => {
      const key = reviewRecordKey(projectId, entry.entryId);
      return { table: 'comments', key, value: { ...entry, id: key, projectId } };
    }),
    ...review.decisions.map((decision): Put => {
      const key = reviewRecordKey(projectId, decision.entryId);
      return {
        table: 'decisions',
        key,
        value: { ...decision, id: key, projectId, targetId: decision.target.id },
      };
    }),
    ...review.signoffs.map((signoff): Put => {
      const key = reviewRecordKey(projectId, signoff.entryId);
      return { table: 'signoffs', key, value: { ...signoff, id: key, projectId } };
    }),
  ];
}

/** A file's version records as an overlay on the new project (document ids → the ids it got). */
export function overlayOf(
  projectId: string,
  records: readonly VersionFileRecord[],
  ids: ReadonlyMap<string, string>,
) {
  const store = (id: string) => ids.get(id) ?? id;
  const overlay: VersionDelta = { objects: [], zones: [] };
  for (const r of records) {
    const key = store(r.id);
    if (r.table === 'objects') {
      const value = r.value && { ...(r.value as DocumentObject), id: key, projectId };
      overlay.objects.push({ key, value });
    } else {
      const zone = r.value as DocumentZone | null;
      const value = zone && { ...zone, id: key, objectId: store(zone.objectId), projectId };
      overlay.zones.push({ key, value });
    }
  }
  return overlay;
}

/** The writes that bring a file's versions and lineage into a new project (CommitRequest.outside). */
export function reviewOutside(
  projectId: string,
  { versions, lineage }: Omit<ProjectReview, 'review'>,
  ids: ReadonlyMap<string, string>,
): OutsideWrite[] {
  return [
    ...(lineage ? [{ kind: 'lineage' as const, projectId, uid: lineage }] : []),
    ...[...versions]
      .sort((a, b) => a.header.seq - b.header.seq)
      .map((v): OutsideWrite => ({
        kind: 'importVersion',
        projectId,
        header: v.header,
        overlay: overlayOf(projectId, v.records, ids),
      })),
  ];
}
