import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPointerStore, POINTER_SHOWN_EVERY_MS } from './usePointer';

describe('the pointer position the status bar shows', () => {
  afterEach(() => vi.useRealTimers());

  it('changes at most once per interval while the pointer moves, and ends on the last position', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const store = createPointerStore();
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.get()));
    // A drag at 60 frames a second for half a second.
    const positions = Array.from({ length: 30 }, (_, i): [number, number] => [84 + i / 1e4, 43.9]);
    for (const p of positions) {
      store.set(p);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(POINTER_SHOWN_EVERY_MS);
    // The first move shows at once; then one position per interval, the last one included.
    expect(seen[0]).toBe(positions[0]);
    expect(seen.at(-1)).toBe(positions.at(-1));
    expect(store.get()).toBe(positions.at(-1));
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(500 / POINTER_SHOWN_EVERY_MS) + 1);
    expect(seen.length).toBeGreaterThanOrEqual(Math.floor(500 / POINTER_SHOWN_EVERY_MS));
  });

  it('shows the pointer leaving the map (null) like any other position', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const store = createPointerStore();
    store.set([84, 43.9]);
    store.set(null);
    expect(store.get()).toEqual([84, 43.9]);
    vi.advanceTimersByTime(POINTER_SHOWN_EVERY_MS);
    expect(store.get()).toBeNull();
  });
});
