import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { planFileMerge, planSize } from '../../shared/review/mergePlan';
import type { CommentEntry } from '../../shared/review/model';
import { median } from '../report';

/**
 * The merge row of the review bench: a reviewer's project file holding the planner's document and
 * 1 000 comment threads on its zones (root, reply, resolve: 3 000 entries), written with the
 * project-file writer, read back with the reader (zod-checked) and planned against the planner's
 * project with B's `planFileMerge` (record hashes of the current document + `mergePlan`), twice:
 * the second merge must add nothing.
 */
const author = { name: '审查员', organisation: '乌苏市文物局' };

function threads(document: ProjectDocument, count: number): CommentEntry[] {
  const at = (i: number) => document.zones[i * 7]!.geometry.coordinates[0]![0] as [number, number];
  return Array.from({ length: count }, (_, i): CommentEntry[] => {
    const root = `bench-thread-${i}`;
    const zoneId = document.zones[i * 7]!.id;
    const time = (s: number) => new Date(Date.UTC(2026, 11, 1, 8, 0, s)).toISOString();
    return [
      {
        entryId: root,
        threadId: root,
        kind: 'comment',
        parents: [],
        text: `第 ${i} 号意见：东侧边界与四至描述不一致，请核实。`,
        status: 'open',
        author,
        createdAt: time(0),
        anchor: { kind: 'zone', zoneId, at: at(i) },
      },
      {
        entryId: `${root}/reply`,
        threadId: root,
        kind: 'comment',
        parents: [root],
        text: '已按现场测量调整。',
        status: 'open',
        adoption: 'adopted',
        author,
        createdAt: time(1),
      },
      {
        entryId: `${root}/resolved`,
        threadId: root,
        kind: 'status',
        parents: [`${root}/reply`],
        text: '',
        status: 'resolved',
        author,
        createdAt: time(2),
      },
    ];
  }).flat();
}

export async function reviewMergeBench(
  runs: number,
  document: ProjectDocument,
): Promise<{ label: string; ms: number; note: string }> {
  const comments = threads(document, 1000);
  const review = { comments, decisions: [], signoffs: [] };
  const bytes = await writeProjectFile(document, { generator: 'bench', review, projectUid: 'bench-lineage' });
  const current = { objects: document.objects, zones: document.zones, review: { ...review, comments: [] } };
  const once = async () => {
    const t0 = performance.now();
    const returned = await readProjectFile(bytes, 'returned.hzw');
    const t1 = performance.now();
    const plan = await planFileMerge(current, returned);
    return { read: t1 - t0, plan: performance.now() - t1, plan1: plan, returned };
  };
  await once(); // warm-up
  const timings = [];
  for (let i = 0; i < runs; i++) timings.push(await once());
  const { plan1, returned } = timings[0]!;
  const again = await planFileMerge(
    { ...current, review: { ...review, comments: plan1.add.comments } },
    returned,
  );
  if (planSize(plan1) !== comments.length || planSize(again) !== 0)
    throw new Error(`merge added ${planSize(plan1)}, then ${planSize(again)}`);
  const read = median(timings.map((t) => t.read));
  const plan = median(timings.map((t) => t.plan));
  return {
    label: `merge a returned project file of 1 000 comment threads (${comments.length} entries) into a ${document.zones.length.toLocaleString('en')}-zone project: read the file (zod-checked), hash the current records, plan`,
    ms: read + plan,
    note: `Merge: reading the returned file ${read.toFixed(1)} ms, hashing and planning ${plan.toFixed(1)} ms (B's \`planFileMerge\`); the plan adds all ${comments.length} entries, the same file merged again adds 0. Not timed here: the store's commit of the added records and the in-app merge to its notice.`,
  };
}
