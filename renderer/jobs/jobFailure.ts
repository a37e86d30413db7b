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
    readonly job: JobKind,
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

/** Worker side: the reply for an error thrown by a job handler. */
export function failureReply(error: unknown): Extract<JobReply, { type: 'failed' }> {
  const detail = error instanceof FormatError ? { file: error.file, problems: error.problems } : undefined;
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

/** Page side: the error to reject the job's promise with. */
export function errorFromReply(kind: JobKind, reply: Extract<JobReply, { type: 'failed' }>): Error {
  if (reply.reason) return new JobRefused(kind, TITLES[kind] ?? DEFAULT_TITLE, reply.reason);
  const detail = reply.detail as { file: string; problems: InputProblem[] } | undefined;
  return detail ? new FormatError(detail.file, detail.problems) : new Error(reply.message);
}
