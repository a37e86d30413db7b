import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { RSS_POLL_MS, stopOf, stoppedReply, watchRss } from './workerLimits';

/** What a worker's 'error' event carries when it runs out of its heap. */
function outOfMemory(): Promise<unknown> {
  const source = 'const keep = []; for (;;) keep.push(new Array(1e5).fill({ a: Math.random() }));';
  const worker = new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } });
  return new Promise((done) => worker.on('error', done));
}

describe('the hzw worker limits', () => {
  it('a worker out of its heap ends as a refusal of the file in both languages', async () => {
    const error = await outOfMemory();
    const { stop, detail } = stopOf(error);
    expect(stop).toBe('memory');
    const reply = stoppedReply('big.dxf', stop, detail);
    expect(reply.file).toBe('big.dxf');
    expect(reply.problems![0]!.reason.en).toMatch(/more than 1792 MB of memory .*nothing written/);
    expect(reply.problems![0]!.reason.zh).toMatch(/超过 1792 MB 内存.*未写出任何文件/);
  }, 30_000);

  it('a deadline and a crash say so, naming what stopped them', () => {
    expect(stoppedReply('a.shp', 'deadline').problems![0]!.reason.en).toMatch(/longer than 10 minutes/);
    const crash = stoppedReply('a.shp', 'crash', 'exit code 3').problems![0]!.reason;
    expect(crash.en).toMatch(/stopped unexpectedly \(exit code 3\)/);
    expect(crash.zh).toMatch(/处理意外中止（exit code 3）/);
  });

  it('the resident-memory watch fires once, only past the budget', () => {
    vi.useFakeTimers();
    try {
      const readings = [100, 900, 1500, 2000];
      const onOver = vi.fn();
      watchRss(onOver, () => readings.shift() ?? 0, 1000);
      vi.advanceTimersByTime(RSS_POLL_MS * 2);
      expect(onOver).not.toHaveBeenCalled();
      vi.advanceTimersByTime(RSS_POLL_MS * 3);
      expect(onOver).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
