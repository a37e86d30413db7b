import type { ResourceLimits } from 'node:worker_threads';
import type { Bilingual } from '../../shared/domain/labels';
import { BUDGETS } from '../../shared/formats/budgets';
import { fileProblem } from '../../shared/formats/formatError';
import type { WorkerReply } from './worker';

/**
 * The limits `hzw` puts around its worker (numbers in shared/formats/budgets.ts). The readers'
 * own budgets refuse hostile files long before these bind; these are the backstop for whatever
 * they miss, and they end in the same kind of refusal as a reader's, never a stack trace.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: BUDGETS.cliWorkerHeapMb };

export type WorkerStop = 'memory' | 'deadline' | 'crash';

const REASONS: Record<WorkerStop, (detail: string) => Bilingual> = {
  memory: () => ({
    zh: `处理该文件需要超过 ${BUDGETS.cliWorkerHeapMb} MB 内存，已停止（文件可能被构造为耗尽内存）；未写出任何文件`,
    en: `processing needs more than ${BUDGETS.cliWorkerHeapMb} MB of memory and was stopped (the file may be built to exhaust it); nothing written`,
  }),
  deadline: () => ({
    zh: `处理超过 ${BUDGETS.cliWorkerDeadlineMs / 60_000} 分钟的时限，已停止；未写出任何文件`,
    en: `processing took longer than ${BUDGETS.cliWorkerDeadlineMs / 60_000} minutes and was stopped; nothing written`,
  }),
  crash: (detail) => ({
    zh: `处理意外中止（${detail}）；未写出任何文件`,
    en: `processing stopped unexpectedly (${detail}); nothing written`,
  }),
};

/** Why the worker died, from its 'error' event or exit code. */
export function stopOf(error: unknown): { stop: WorkerStop; detail: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { stop: 'memory', detail: String(code) };
  const detail = error instanceof Error ? error.message : String(error);
  return { stop: /out of memory|heap limit|allocation failed/i.test(detail) ? 'memory' : 'crash', detail };
}

/** The worker's end as the refusal main.ts prints for a file: the file, then the reason. */
export function stoppedReply(input: string, stop: WorkerStop, detail = ''): WorkerReply & { type: 'failed' } {
  const reason = REASONS[stop](detail);
  return {
    type: 'failed',
    name: 'WorkerStopped',
    message: reason.en,
    file: input,
    problems: [fileProblem('', reason)],
  };
}
