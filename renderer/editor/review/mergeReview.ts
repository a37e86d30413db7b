import type { Bilingual } from '../../../shared/domain/labels';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { ProjectFileContent } from '../../../shared/formats/projectFile';
import { mergePlan, planSize, reviewedState, type MergePlan } from '../../../shared/review/mergePlan';
import type { ReviewHashes } from '../../../shared/review/contentHash';
import type { VersionHeader } from '../../../shared/review/model';
import type { OpenedFile } from '../../../shared/ipc/contract';
import type { Platform } from '../../platform/platform';
import type { OutsideWrite } from '../../storage/outsideHistory';
import type { Command } from '../commands/command';
import { currentDocument } from '../projectSession';
import { withJob } from '../transferJob';
import type { Workbench } from '../workbench';
import { overlayOf, projectReview, reviewPuts } from './projectReview';
import { mergeNotice, notOurProject, REVIEW_COPY_REFUSAL } from './mergeText';

/**
 * 合并审查意见: bring a returned review file's comments, replies, statuses, decisions and sign-offs
 * into the open project (design §5). Nothing else is ever written: no object, zone or project;
 * a file of another project or a newer version is explained and changes nothing. The records come
 * as one step of the review undo stack; the state the reviewer saw comes as a named version (so a
 * sign-off on it reads "superseded" once the planner edits), in the same transaction.
 */
export async function pickAndMergeReview(workbench: Workbench, platform: Platform): Promise<void> {
  if (!workbench.state.get().projectId) return;
  const file = await platform.openProject();
  if (file) await mergeReviewFile(workbench, file);
}

export async function mergeReviewFile(workbench: Workbench, file: OpenedFile): Promise<void> {
  const projectId = workbench.projectId;
  if (workbench.state.get().readOnly) return workbench.notify('error', REVIEW_COPY_REFUSAL);
  const label = { zh: `正在读取审查文件 ${file.name}`, en: `Reading the review file ${file.name}` };
  // A damaged file or a newer schema is refused here (FormatError, reported): nothing written.
  const content = await withJob(workbench, label, 'readProject', { name: file.name, bytes: file.bytes });
  if (!content) return;
  const read = workbench.store.read;
  const [lineage, project] = await Promise.all([read.lineage(projectId), read.project(projectId)]);
  if (content.saved.projectUid !== lineage) {
    const names = { file: content.settings.name, ours: project?.settings.name ?? '' };
    return workbench.notify('error', notOurProject(file.name, names, content.saved.projectUid, lineage));
  }
  const document = await currentDocument(workbench);
  const hashing = { zh: '正在核对审查内容', en: 'Checking the review against the project' };
  const theirs = await withJob(workbench, hashing, 'reviewHashes', {
    objects: content.objects,
    zones: content.zones,
  });
  const ours = theirs && (await withJob(workbench, hashing, 'reviewHashes', document));
  if (!theirs || !ours) return;
  const prepared = await prepareMerge(workbench, content, document, { theirs, ours });
  if (planSize(prepared.plan) > 0) {
    const result = await workbench.run(prepared.command);
    if (!result) return;
  }
  workbench.notify('info', mergeNotice(file.name, prepared.plan));
}

/** The plan and the one commit carrying it (exported for the bench and tests). */
export async function prepareMerge(
  workbench: Workbench,
  content: ProjectFileContent,
  document: ProjectDocument,
  hashes: { theirs: ReviewHashes; ours: ReviewHashes },
): Promise<{ plan: MergePlan; command: Command & { outside: () => OutsideWrite[] } }> {
  const projectId = workbench.projectId;
  const read = workbench.store.read;
  const [{ review }, versions, extras] = await Promise.all([
    projectReview(read, projectId),
    read.versions(projectId),
    read.fileExtras(projectId),
  ]);
  const plan = mergePlan({
    ours: review,
    theirs: content.review,
    present: {
      zones: new Set(document.zones.map((z) => z.id)),
      objects: new Set(document.objects.map((o) => o.id)),
    },
    hashes: {
      zones: new Map(Object.entries(hashes.ours.zones)),
      objects: new Map(Object.entries(hashes.ours.objects)),
    },
  });
  const state = reviewedState(hashes.theirs.contentHash, hashes.ours.contentHash, versions);
  // Document ids → this project's store ids (a working copy, a file opened twice).
  const toStore = new Map(Object.entries(extras?.idMap ?? {}).map(([store, doc]) => [doc, store]));
  const outside = (): OutsideWrite[] => {
    if (state.kind === 'version') return [];
    const header = reviewedHeader(content, hashes.theirs.contentHash);
    const records = state.kind === 'current' ? [] : fileMinusLive(content, document, hashes);
    return [{ kind: 'importVersion', projectId, header, overlay: overlayOf(projectId, records, toStore) }];
  };
  const label: Bilingual = {
    zh: `合并审查意见 ${content.settings.name}`,
    en: `Merge review ${content.settings.name}`,
  };
  const command = {
    label,
    undo: 'record' as const,
    history: 'review' as const,
    build: () => Promise.resolve(reviewPuts(projectId, plan.add)),
    outside,
  };
  return { plan, command };
}

/** The reviewed state as a version: named after the sign-off (or the file) and its date. */
function reviewedHeader(content: ProjectFileContent, contentHash: string): VersionHeader {
  const signoff = content.review.signoffs.at(-1);
  const who = signoff?.reviewer ?? content.review.comments.at(-1)?.author.name ?? '';
  const when = (signoff?.signedAt ?? content.saved.savedAt ?? new Date().toISOString()).slice(0, 10);
  return {
    // Deterministic: merging the same review again finds this version instead of adding one.
    versionId: `review-${contentHash.slice(0, 24)}`,
    seq: 0,
    name: `审查依据 ${who} ${when}`.replace(/\s+/g, ' ').trim().slice(0, 200),
    note: '',
    createdAt: new Date().toISOString(),
    author: signoff ? { name: signoff.reviewer, organisation: signoff.organisation } : null,
    contentHash,
    counts: { objects: content.objects.length, zones: content.zones.length },
    origin: 'review',
  };
}

/** The records where the file differs from the project now (by record hash), as version records. */
function fileMinusLive(
  content: ProjectFileContent,
  live: ProjectDocument,
  hashes: { theirs: ReviewHashes; ours: ReviewHashes },
) {
  const differs = (table: 'objects' | 'zones', id: string) =>
    hashes.theirs[table][id] !== hashes.ours[table][id];
  return [
    ...content.objects
      .filter((o) => differs('objects', o.id))
      .map((o) => ({ table: 'objects' as const, id: o.id, value: o })),
    ...content.zones
      .filter((z) => differs('zones', z.id))
      .map((z) => ({ table: 'zones' as const, id: z.id, value: z })),
    ...live.objects
      .filter((o) => !(o.id in hashes.theirs.objects))
      .map((o) => ({ table: 'objects' as const, id: o.id, value: null })),
    ...live.zones
      .filter((z) => !(z.id in hashes.theirs.zones))
      .map((z) => ({ table: 'zones' as const, id: z.id, value: null })),
  ];
}
