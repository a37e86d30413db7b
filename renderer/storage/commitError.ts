import type { Bilingual } from '../../shared/domain/labels';

/** A problem that stopped a commit; nothing of the change set was written. */
export interface CommitProblem {
  /** What the problem is about, e.g. `zones/3f2… attributes.approval.date`; empty when the message says it all. */
  subject: string;
  message: Bilingual;
}

export class CommitError extends Error {
  constructor(
    readonly problems: CommitProblem[],
    /** A headline for the planner, when more specific than "the input was refused". */
    readonly title: Bilingual | null = null,
  ) {
    super(problems.map((p) => `${p.subject}: ${p.message.en}`).join('; '));
    this.name = 'CommitError';
  }
}

export function commitError(subject: string, message: Bilingual): CommitError {
  return new CommitError([{ subject, message }]);
}
