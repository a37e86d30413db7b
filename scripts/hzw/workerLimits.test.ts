import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { stopOf, stoppedReply } from './workerLimits';

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
    expect(reply.problems![0]!.reason.en).toMatch(/more than 1024 MB of memory .*nothing written/);
    expect(reply.problems![0]!.reason.zh).toMatch(/超过 1024 MB 内存.*未写出任何文件/);
  }, 30_000);

  it('a deadline and a crash say so, naming what stopped them', () => {
    expect(stoppedReply('a.shp', 'deadline').problems![0]!.reason.en).toMatch(/longer than 10 minutes/);
    const crash = stoppedReply('a.shp', 'crash', 'exit code 3').problems![0]!.reason;
    expect(crash.en).toMatch(/stopped unexpectedly \(exit code 3\)/);
    expect(crash.zh).toMatch(/处理意外中止（exit code 3）/);
  });
});
