import { useState, useSyncExternalStore } from 'react';
import type { Position } from '../../../shared/domain/geometry';

/** Where the pointer is over the map: written on every move, read only by the status bar. */
export interface PointerStore {
  get(): Position | null;
  set(position: Position | null): void;
  subscribe(listener: () => void): () => void;
}

/**
 * How often the status bar may show a new position: each new text lays out and repaints the
 * window, a few milliseconds of every frame of a drag, and figures changing faster than this
 * cannot be read. The last position of a gesture always shows.
 */
export const POINTER_SHOWN_EVERY_MS = 80;

export function createPointerStore(every = POINTER_SHOWN_EVERY_MS): PointerStore {
  // `latest` follows the pointer; `shown` is what the listeners were last told (React's snapshot).
  let latest: Position | null = null;
  let shown: Position | null = null;
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  const show = () => {
    timer = null;
    shownAt = performance.now();
    if (shown === latest) return;
    shown = latest;
    for (const listener of listeners) listener();
  };
  return {
    get: () => shown,
    set(next) {
      if (next === latest) return;
      latest = next;
      if (timer !== null) return;
      const wait = shownAt + every - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One pointer store for the component's lifetime. */
export function usePointerStore(): PointerStore {
  return useState(createPointerStore)[0];
}

export function usePointer(store: PointerStore): Position | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
