import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

describe('latestOnly', () => {
  it('runs one call at a time and drops a waiting call when a newer one comes', async () => {
    const started: number[] = [];
    const release: (() => void)[] = [];
    const call = latestOnly((n: number) => {
      started.push(n);
      return new Promise<number>((resolve) => release.push(() => resolve(n * 10)));
    });
    const first = call(1);
    const second = call(2);
    const third = call(3);
    expect(started).toEqual([1]);
    expect(await second).toBeNull();
    release[0]!();
    expect(await first).toBe(10);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]);
    release[1]!();
    expect(await third).toBe(30);
    // Idle again: the next call starts at once.
    const fourth = call(4);
    expect(started).toEqual([1, 3, 4]);
    release[2]!();
    expect(await fourth).toBe(40);
  });

  it('starts the waiting call after a failed one and passes failures on', async () => {
    const call = latestOnly(async (n: number) => {
      await new Promise((r) => setTimeout(r, 5));
      if (n === 1) throw new Error('one failed');
      return n;
    });
    const first = call(1);
    const second = call(2);
    await expect(first).rejects.toThrow('one failed');
    expect(await second).toBe(2);
  });
});
