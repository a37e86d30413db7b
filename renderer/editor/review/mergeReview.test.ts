import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../../../shared/sample/buildSample';
import { readProjectFile, writeProjectFile } from '../../../shared/formats/projectFile';
import { recordFingerprint } from '../../../shared/geometry/fingerprint';
import { reviewHashes, signoffState } from '../../../shared/review/contentHash';
import { mergePlan, planSize } from '../../../shared/review/mergePlan';
import { syntheticReview } from '../../../shared/review/syntheticReview';
import { openMemoryStore } from '../../testing/memoryStore';
import type { Store } from '../../storage/store';
import { setZoneGeometries } from '../commands/zoneCommands';
import { createFromFile, currentDocument, projectFileInput } from '../projectSession';
import { Workbench } from '../workbench';
import { prepareMerge } from './mergeReview';
import { reviewPuts } from './projectReview';
import { mergeNotice } from './mergeText';

let store: Store;
afterEach(() => store.close());

/** The planner's project, and the file the reviewer sends back: the same content plus a review. */
async function roundTrip() {
  store = await openMemoryStore('merge-review');
  const workbench = new Workbench(store, 'zh');
  const sample = buildTekesSample();
  const own = await writeProjectFile(sample, { generator: 'test', projectUid: 'lineage-p' });
  await createFromFile(workbench, await readProjectFile(own, 'own.hzw'), null, false);
  const { document, options } = await projectFileInput(workbench);
  const review = await syntheticReview(document, 5);
  const returned = await readProjectFile(
    await writeProjectFile(document, { ...options, review }),
    'returned.hzw',
  );
  return { workbench, returned, review };
}

async function merge(workbench: Workbench, returned: Awaited<ReturnType<typeof roundTrip>>['returned']) {
  const document = await currentDocument(workbench);
  const hashes = { theirs: await reviewHashes(returned), ours: await reviewHashes(document) };
  const prepared = await prepareMerge(workbench, returned, document, hashes);
  if (planSize(prepared.plan) > 0) expect(await workbench.run(prepared.command)).not.toBeNull();
  return prepared.plan;
}

const counts = async (projectId: string) => ({
  comments: (await store.read.comments(projectId)).length,
  decisions: (await store.read.decisions(projectId)).length,
  signoffs: (await store.read.signoffs(projectId)).length,
});

describe('merging a returned review', () => {
  it('adds the review records in one review undo step, leaves the document alone, and adds nothing twice', async () => {
    const { workbench, returned, review } = await roundTrip();
    const projectId = workbench.projectId;
    const zonesBefore = (await store.read.zonesOfProject(projectId)).map(recordFingerprint);
    const plan = await merge(workbench, returned);
    expect(await counts(projectId)).toEqual({
      comments: review.comments.length,
      decisions: review.decisions.length,
      signoffs: 1,
    });
    expect((await store.read.zonesOfProject(projectId)).map(recordFingerprint)).toEqual(zonesBefore);
    expect(mergeNotice('returned.hzw', plan).zh).toBe(
      `已合并 returned.hzw：新增意见 ${review.comments.length}、结论 ${review.decisions.length}、签署 1；冲突 0；已修改区划上的意见 0`,
    );
    // The reviewed state is now a version (the file's content = ours: nothing stored but the header).
    const versions = await store.read.versions(projectId);
    expect(versions.map((v) => [v.origin, v.name])).toEqual([['review', '审查依据 李审 2026-12-01']]);

    const again = await merge(workbench, returned);
    expect(planSize(again)).toBe(0);
    expect(mergeNotice('returned.hzw', again).zh).toBe('returned.hzw：没有新的审查内容');
    expect((await store.read.versions(projectId)).length).toBe(1);

    // One undo on the review stack takes the whole merge back; the edit stack has nothing of it.
    await workbench.undo('edit');
    expect((await counts(projectId)).comments).toBe(review.comments.length);
    await workbench.undo('review');
    expect(await counts(projectId)).toEqual({ comments: 0, decisions: 0, signoffs: 0 });
  });

  it('flags comments on zones changed since, and the sign-off reads superseded after an edit', async () => {
    const { workbench, returned } = await roundTrip();
    const projectId = workbench.projectId;
    await merge(workbench, returned);
    const [zone] = await store.read.zonesOfProject(projectId);
    const moved = structuredClone(zone!.geometry);
    const ring = moved.type === 'Polygon' ? moved.coordinates[0]! : moved.coordinates[0]![0]!;
    ring[1] = [ring[1]![0] + 1e-5, ring[1]![1]];
    expect(await workbench.run(setZoneGeometries(new Map([[zone!.id, moved]])))).not.toBeNull();

    const now = await reviewHashes(await currentDocument(workbench));
    const [signoff] = await store.read.signoffs(projectId);
    const versions = await store.read.versions(projectId);
    expect(await signoffState(signoff!, now.contentHash, versions)).toEqual({
      state: 'superseded',
      versionId: versions[0]!.versionId,
    });
    // A second reviewer's copy of the same round, merged after the edit: its threads on that zone are flagged.
    const { review } = returned;
    const other = {
      ...returned,
      review: {
        ...review,
        comments: review.comments.map((c) => ({
          ...c,
          entryId: `b-${c.entryId}`,
          threadId: `b-${c.threadId}`,
          parents: c.parents.map((p) => `b-${p}`),
        })),
      },
    };
    const plan = await merge(workbench, other);
    expect(plan.changedSince).toContain(
      `b-${review.comments.find((c) => c.anchor?.kind === 'zone' && c.anchor.zoneId === zone!.id)!.threadId}`,
    );
  });
});

describe('what a merge writes', () => {
  it('is never anything but review records, whatever the two sides hold', async () => {
    const sample = buildTekesSample();
    const pool = await syntheticReview(sample, 6);
    const side = fc.record({
      comments: fc.subarray(pool.comments),
      decisions: fc.subarray(pool.decisions),
      signoffs: fc.subarray(pool.signoffs),
    });
    const present = { zones: new Set(sample.zones.map((z) => z.id)), objects: new Set<string>() };
    fc.assert(
      fc.property(side, side, (ours, theirs) => {
        const puts = reviewPuts('p', mergePlan({ ours, theirs, present }).add);
        for (const put of puts) expect(['comments', 'decisions', 'signoffs']).toContain(put.table);
      }),
    );
  });
});
