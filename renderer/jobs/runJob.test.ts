import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormatError } from '../../shared/formats/formatError';
import { MEMORY_STOP, POLL_MS } from './memoryGuard';
import { JobCancelled, runJob } from './runJob';

/** A stand-in for the browser's Worker that never answers: the job only ends by being stopped. */
class SilentWorker {
  static made: SilentWorker[] = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    SilentWorker.made.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

const input = { files: [{ name: '区划.dxf', bytes: new Uint8Array(8) }], options: {} };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  SilentWorker.made = [];
});

describe('a job in its worker', () => {
  it('cancelling terminates the worker and rejects as cancelled', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const controller = new AbortController();
    const job = runJob('readImport', input, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    expect(SilentWorker.made[0]!.terminated).toBe(true);
  });

  it('a page past the memory budget terminates the worker and refuses the file by name', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    vi.stubGlobal('performance', { memory: { usedJSHeapSize: 4 * 1024 ** 3 } });
    const job = runJob('readImport', input);
    const settled = job.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(POLL_MS + 10);
    const error = await settled;
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).file).toBe('区划.dxf');
    expect((error as FormatError).problems[0]!.reason).toEqual(MEMORY_STOP);
    expect(SilentWorker.made[0]!.terminated).toBe(true);
  });
});
