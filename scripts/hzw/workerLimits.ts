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

const MEMORY_MB = Math.round(BUDGETS.cliMemoryBytes / 1024 ** 2);

const REASONS: Record<WorkerStop, (detail: string) => Bilingual> = {
  memory: () => ({
    zh: `处理该文件需要超过 ${MEMORY_MB} MB 内存，已停止（文件可能被构造为耗尽内存）；未写出任何文件`,
    en: `processing needs more than ${MEMORY_MB} MB of memory and was stopped (the file may be built to exhaust it); nothing written`,
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

export const RSS_POLL_MS = 200;

/**
 * Call `onOver` once when the process's resident memory passes the budget. The main thread stays
 * free while the worker parses, so it can look; terminating the worker interrupts even a
 * synchronous loop. Returns the function that stops watching.
 */
export function watchRss(
  onOver: () => void,
  rss: () => number = () => process.memoryUsage.rss(),
  limit: number = BUDGETS.cliMemoryBytes,
): () => void {
  const timer = setInterval(() => {
    if (rss() <= limit) return;
    clearInterval(timer);
    onOver();
  }, RSS_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

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
