import type { Bilingual } from '../../shared/domain/labels';
import { BUDGETS } from '../../shared/formats/budgets';

/**
 * A watch on the memory a job's worker makes the page use, where the browser can tell: the
 * readers' own budgets (shared/formats/budgets.ts) keep a hostile file from getting there, and
 * this stops what they miss before Chromium grows by gigabytes. `measureUserAgentSpecificMemory`
 * counts workers but needs a cross-origin-isolated page; Chromium's `performance.memory` counts
 * the page's own heap (a job's result arriving in it). Where neither exists nothing is watched.
 */
export const MEMORY_STOP: Bilingual = {
  zh: `操作占用的内存超过 ${BUDGETS.webJobMemoryBytes / 1024 ** 3} GB，已停止（文件可能被构造为耗尽内存）；未做任何更改`,
  en: `the operation used more than ${BUDGETS.webJobMemoryBytes / 1024 ** 3} GB of memory and was stopped (the file may be built to exhaust it); nothing was changed`,
};

export const POLL_MS = 1000;

interface MemoryApis {
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
  memory?: { usedJSHeapSize: number };
}

/** Bytes in use as the browser reports them, or null where it cannot say. */
export async function memoryInUse(
  apis: MemoryApis = performance as unknown as MemoryApis,
  isolated: boolean = globalThis.crossOriginIsolated === true,
): Promise<number | null> {
  if (isolated && apis.measureUserAgentSpecificMemory) {
    try {
      return (await apis.measureUserAgentSpecificMemory()).bytes;
    } catch {
      // A measurement refused (e.g. the page is hidden) says nothing.
    }
  }
  return apis.memory ? apis.memory.usedJSHeapSize : null;
}

/**
 * Call `onOver` once when the memory in use passes the budget; returns the function that stops
 * watching (call it when the job ends).
 */
export function watchMemory(
  onOver: () => void,
  measure: () => Promise<number | null> = () => memoryInUse(),
  limit: number = BUDGETS.webJobMemoryBytes,
): () => void {
  let stopped = false;
  const timer = setInterval(() => {
    void measure().then((bytes) => {
      if (stopped || bytes === null || bytes <= limit) return;
      stop();
      onOver();
    });
  }, POLL_MS);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return stop;
}
