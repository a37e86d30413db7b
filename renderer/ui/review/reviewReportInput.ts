import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import { signoffState } from '../../../shared/review/contentHash';
import type { CommentEntry, Decision, Signoff } from '../../../shared/review/model';
import type { ReviewReportInput } from '../../../shared/review/reportTypes';
import type { ProjectData } from '../../editor/projectMirror';
import { docIds } from '../../editor/review/docIds';
import { runJob } from '../../jobs/runJob';
import type { Queries } from '../../storage/store';

/** The store's keys around a review record, which the record as written (and sealed) has not. */
function written<T extends { id: string; projectId: string }>({ id: _id, projectId: _p, ...rest }: T) {
  return rest;
}

/**
 * What the review report is about, read once when it is asked for (not on every render): the
 * project in document ids, its comments, decisions and sign-offs as written, and each sign-off's
 * state against the content hash of the project now.
 */
export async function reviewReportInput(
  read: Queries,
  data: ProjectData,
): Promise<Omit<ReviewReportInput, 'format' | 'font'>> {
  const projectId = data.project.id;
  const [comments, decisions, signoffs, versions, extras] = await Promise.all([
    read.comments(projectId),
    read.decisions(projectId),
    read.signoffs(projectId),
    read.versions(projectId),
    read.fileExtras(projectId),
  ]);
  const ids = docIds(extras?.idMap);
  const document: ProjectDocument = {
    settings: data.project.settings,
    objects: data.objects.map((o) => ({
      id: ids.toDoc(o.id),
      attributes: o.attributes,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    })),
    zones: data.zones.map((z) => ({
      id: ids.toDoc(z.id),
      objectId: ids.toDoc(z.objectId),
      attributes: z.attributes,
      geometry: z.geometry,
      createdAt: z.createdAt,
      updatedAt: z.updatedAt,
    })),
  };
  const { contentHash } = await runJob('reviewHashes', { objects: document.objects, zones: document.zones });
  const states = await Promise.all(
    signoffs.map(async (record) => {
      const signoff = written(record) as Signoff;
      return { signoff, state: (await signoffState(signoff, contentHash, versions)).state };
    }),
  );
  return {
    document,
    comments: comments.map((c) => written(c) as CommentEntry),
    decisions: decisions.map(({ targetId: _t, ...d }) => written(d) as Decision),
    signoffs: states,
    gkZone: data.project.settings.gkZone,
  };
}
