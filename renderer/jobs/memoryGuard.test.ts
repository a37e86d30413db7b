import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormatError } from '../../shared/formats/formatError';
import { MEMORY_STOP, POLL_MS, memoryInUse, watchMemory } from './memoryGuard';
import { memoryStop } from './runJob';

afterEach(() => vi.useRealTimers());

describe('the job memory guard', () => {
  it('stops once when the measured memory passes the budget, and not before', async () => {
    vi.useFakeTimers();
    const readings = [100, 200, 5000, 6000];
    const onOver = vi.fn();
    const stop = watchMemory(onOver, () => Promise.resolve(readings.shift() ?? 0), 1000);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(onOver).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(onOver).toHaveBeenCalledTimes(1);
    stop();
  });

  it('measures workers where the page is isolated, else the page heap, else nothing', async () => {
    const both = {
      measureUserAgentSpecificMemory: () => Promise.resolve({ bytes: 7 }),
      memory: { usedJSHeapSize: 3 },
    };
    expect(await memoryInUse(both, true)).toBe(7);
    expect(await memoryInUse(both, false)).toBe(3);
    expect(await memoryInUse({}, true)).toBeNull();
  });

  it('a stopped import is refused naming its file, in both languages', () => {
    const error = memoryStop('readImport', { files: [{ name: '区划.zip', bytes: new Uint8Array() }] });
    expect(error).toBeInstanceOf(FormatError);
    expect(error.file).toBe('区划.zip');
    expect(error.problems[0]!.reason).toEqual(MEMORY_STOP);
    expect(MEMORY_STOP.zh).toMatch(/内存超过 3 GB/);
    expect(MEMORY_STOP.en).toMatch(/more than 3 GB of memory/);
  });
});
