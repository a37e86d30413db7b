import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { canonicalJson } from './contentHash';
import { mergePlan, planSize, reviewedState, type MergeInput } from './mergePlan';
import type { CommentEntry, ReviewContent } from './model';
import { PLANNER, REVIEWER, syntheticReview } from './syntheticReview';

const sample = buildTekesSample();
const present = {
  zones: new Set(sample.zones.map((z) => z.id)),
  objects: new Set(sample.objects.map((o) => o.id)),
};
let pool: ReviewContent;

/** Every record of the review pool, plus concurrent branches: a reply beside a resolve, two verdicts. */
beforeAll(async () => {
  pool = await syntheticReview(sample, 8);
  const reply: CommentEntry = {
    ...pool.comments.find((c) => c.entryId === 'r-t0-reply')!,
    entryId: 'r-t0-other',
    text: '另一处也请核对',
    author: PLANNER,
  };
  const gone: CommentEntry = {
    ...pool.comments[0]!,
    entryId: 'r-gone',
    threadId: 'r-gone',
    anchor: { kind: 'zone', zoneId: 'deleted-zone', at: [81.2, 43.2] },
  };
  const second = { ...pool.decisions[0]!, entryId: 'r-d0-b', verdict: 'reject' as const };
  pool = { ...pool, comments: [...pool.comments, reply, gone], decisions: [...pool.decisions, second] };
});

const subset = () =>
  fc.record({
    comments: fc.subarray(pool.comments),
    decisions: fc.subarray(pool.decisions),
    signoffs: fc.subarray(pool.signoffs),
  });

function apply(ours: ReviewContent, theirs: ReviewContent): ReviewContent {
  const { add } = mergePlan({ ours, theirs, present });
  return {
    comments: [...ours.comments, ...add.comments],
    decisions: [...ours.decisions, ...add.decisions],
    signoffs: [...ours.signoffs, ...add.signoffs],
  };
}

/** A state as a set: sorted canonical records per table. */
const asSet = (r: ReviewContent) =>
  (['comments', 'decisions', 'signoffs'] as const).map((t) => r[t].map((x) => canonicalJson(x)).sort());

describe('mergePlan', () => {
  it('merging the same review twice adds nothing the second time', () => {
    fc.assert(
      fc.property(subset(), subset(), (ours, theirs) => {
        const once = apply(ours, theirs);
        const again = mergePlan({ ours: once, theirs, present });
        expect(planSize(again)).toBe(0);
        const before = mergePlan({ ours, theirs, present }).conflicts.filter(
          (c) => c.kind === 'sameIdDifferent',
        );
        expect(again.conflicts.filter((c) => c.kind === 'sameIdDifferent')).toEqual(before);
      }),
    );
  });

  it('gives the same records whichever of two files is merged first', () => {
    fc.assert(
      fc.property(subset(), subset(), subset(), (ours, a, b) => {
        expect(asSet(apply(apply(ours, a), b))).toEqual(asSet(apply(apply(ours, b), a)));
      }),
    );
  });

  it('adds only what the file holds and we lack, and only review records', () => {
    fc.assert(
      fc.property(subset(), subset(), (ours, theirs) => {
        const { add } = mergePlan({ ours, theirs, present });
        expect(Object.keys(add).sort()).toEqual(['comments', 'decisions', 'signoffs']);
        for (const table of ['comments', 'decisions', 'signoffs'] as const) {
          const mine = new Set(ours[table].map((r) => r.entryId));
          const file = new Set(theirs[table].map((r) => r.entryId));
          for (const r of add[table]) {
            expect(mine.has(r.entryId)).toBe(false);
            expect(file.has(r.entryId)).toBe(true);
          }
        }
      }),
    );
  });

  it('keeps ours when the same id differs, and reports it', () => {
    const ours = { ...pool, comments: pool.comments.map((c, i) => (i === 0 ? { ...c, text: '改过' } : c)) };
    const plan = mergePlan({ ours, theirs: pool, present });
    expect(planSize(plan)).toBe(0);
    expect(plan.conflicts).toContainEqual({
      kind: 'sameIdDifferent',
      table: 'comments',
      id: pool.comments[0]!.entryId,
    });
  });

  it('shows a thread closed on one side and answered on the other as a conflict, both kept', () => {
    const resolved = pool.comments.filter((c) => c.threadId === 'r-t0' && c.entryId !== 'r-t0-other');
    const answered = pool.comments.filter((c) => c.threadId === 'r-t0' && c.entryId !== 'r-t0-resolved');
    const ours = { comments: resolved, decisions: [], signoffs: [] };
    const plan = mergePlan({ ours, theirs: { comments: answered, decisions: [], signoffs: [] }, present });
    expect(plan.add.comments.map((c) => c.entryId)).toEqual(['r-t0-other']);
    expect(plan.conflicts).toEqual([{ kind: 'thread', threadId: 'r-t0' }]);
  });

  it('reports two differing verdicts of one organisation as a conflict', () => {
    const [first, , ...rest] = pool.decisions;
    const plan = mergePlan({
      ours: { comments: [], decisions: [first!], signoffs: [] },
      theirs: { comments: [], decisions: rest, signoffs: [] },
      present,
    });
    expect(plan.conflicts).toContainEqual({
      kind: 'decision',
      targetId: first!.target.id,
      organisation: REVIEWER.organisation,
    });
  });

  it('pins a thread on a deleted zone where it was, and flags threads on zones changed since', () => {
    const zone = sample.zones[0]!.id;
    const hashes: MergeInput['hashes'] = { zones: new Map([[zone, 'f'.repeat(64)]]), objects: new Map() };
    const plan = mergePlan({
      ours: { comments: [], decisions: [], signoffs: [] },
      theirs: pool,
      present,
      hashes,
    });
    const gone = plan.add.comments.find((c) => c.entryId === 'r-gone')!;
    expect(gone.anchor).toEqual({ kind: 'position', at: [81.2, 43.2] });
    expect(gone.detachedFrom).toEqual({ kind: 'zone', id: 'deleted-zone' });
    expect(plan.detached).toEqual(['r-gone']);
    expect(plan.changedSince).toContain('r-t0');
    expect(plan.changedSince).toContain(zone);
  });
});

describe('reviewedState', () => {
  it('reuses a version with the reviewed hash, else the current state, else the file', () => {
    const versions = [{ versionId: 'v1', contentHash: 'a' }];
    expect(reviewedState('a', 'a', versions)).toEqual({ kind: 'version', versionId: 'v1' });
    expect(reviewedState('b', 'b', versions)).toEqual({ kind: 'current' });
    expect(reviewedState('c', 'b', versions)).toEqual({ kind: 'file' });
  });
});
