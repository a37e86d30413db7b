/**
 * The merge row of the review bench: a reviewer's file with 1 000 comment threads merged into the
 * planner's project. Waits for B's mergePlan (shared/review/mergePlan.ts, wip/review-b).
 */
export function reviewMergeBench(runs: number): Promise<{ label: string; ms: number; note: string }> {
  void runs;
  return Promise.resolve({
    label: 'merge a review file of 1 000 comment threads',
    ms: Number.NaN,
    note: 'Merge: not measured in this run (the merge function is not on this branch yet).',
  });
}
