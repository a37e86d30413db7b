import type { Bilingual } from '../../shared/domain/labels';
import { DeriveError } from '../../shared/derive/deriveError';
import { FormatError, type InputProblem } from '../../shared/formats/formatError';
import { OpError } from '../../shared/geometry/ops/opError';
import type { JobKind, JobReply } from './jobTypes';

/**
 * How a job's failure crosses the worker boundary. Structured clone keeps only plain data, so the
 * worker sends what the page needs to rebuild a bilingual error: a FormatError's problems, or the
 * field and reason of a derivation / geometry operation refusal. Anything else arrives as its
 * English message only (a programming error, not a refusal of the planner's input).
 */
export interface ReasonDetail {
  /** The parameter or operation concerned, e.g. `distanceM`, `split`. */
  field: string;
  reason: Bilingual;
  /** For a batch (deriveZones), the 0-based index of the request that failed. */
  index: number | null;
}

/** A job refused its input; `problems` are ready to show, `detail` lets callers name the item. */
export class JobRefused extends Error {
  constructor(
    readonly job: string,
    readonly title: Bilingual,
    readonly detail: ReasonDetail,
  ) {
    super(`${job}: ${detail.field}: ${detail.reason.en}`);
    this.name = 'JobRefused';
  }

  get problems(): Bilingual[] {
    const { field, reason } = this.detail;
    return [{ zh: `${field}：${reason.zh}`, en: `${field}: ${reason.en}` }];
  }
}

const TITLES: Partial<Record<JobKind, Bilingual>> = {
  deriveZones: { zh: '无法派生区划，未做任何更改', en: 'Could not derive the zone; nothing was changed' },
};
const DEFAULT_TITLE: Bilingual = {
  zh: '操作未完成，未做任何更改',
  en: 'The operation did not complete; nothing was changed',
};

/**
 * The problems of a refused write (storage's CommitError, thrown by a commit in a session worker):
 * recognised by shape, since jobs sit below storage. The page rebuilds the error from them.
 */
export interface CommitRefusalDetail {
  commitProblems: { subject: string; message: Bilingual }[];
  title: Bilingual | null;
}

function commitRefusal(error: unknown): CommitRefusalDetail | undefined {
  if (!(error instanceof Error) || error.name !== 'CommitError') return undefined;
  const { problems, title } = error as unknown as { problems: unknown; title?: Bilingual | null };
  if (!Array.isArray(problems)) return undefined;
  return { commitProblems: problems as CommitRefusalDetail['commitProblems'], title: title ?? null };
}

/** Worker side: the reply for an error thrown by a job handler. */
export function failureReply(error: unknown): Extract<JobReply, { type: 'failed' }> {
  const detail =
    error instanceof FormatError ? { file: error.file, problems: error.problems } : commitRefusal(error);
  let reason: ReasonDetail | undefined;
  if (error instanceof DeriveError)
    reason = { field: error.field, reason: error.reason, index: error.request };
  else if (error instanceof OpError) reason = { field: error.operation, reason: error.reason, index: null };
  return {
    type: 'failed',
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    detail,
    ...(reason ? { reason } : {}),
  };
}

/** A refused write as it reaches the page: `detail` holds what CommitError needs. */
export class CommitRefused extends Error {
  constructor(
    message: string,
    readonly detail: CommitRefusalDetail,
  ) {
    super(message);
    this.name = 'CommitRefused';
  }
}

/** Page side: the error to reject the job's (or session call's) promise with. */
export function errorFromReply(kind: string, reply: Extract<JobReply, { type: 'failed' }>): Error {
  if (reply.reason) return new JobRefused(kind, TITLES[kind as JobKind] ?? DEFAULT_TITLE, reply.reason);
  if (reply.detail && typeof reply.detail === 'object' && 'commitProblems' in reply.detail)
    return new CommitRefused(reply.message, reply.detail as CommitRefusalDetail);
  const detail = reply.detail as { file: string; problems: InputProblem[] } | undefined;
  return detail ? new FormatError(detail.file, detail.problems) : new Error(reply.message);
}
