import type { Bilingual } from '../../shared/domain/labels';

/** A problem that stopped a commit; nothing of the change set was written. */
export interface CommitProblem {
  /** What the problem is about, e.g. `zones/3f2…` or `attributes.approval.date`. */
  subject: string;
  message: Bilingual;
}

export class CommitError extends Error {
  constructor(readonly problems: CommitProblem[]) {
    super(problems.map((p) => `${p.subject}: ${p.message.en}`).join('; '));
    this.name = 'CommitError';
  }
}

export function commitError(subject: string, message: Bilingual): CommitError {
  return new CommitError([{ subject, message }]);
}
