import { useState, useSyncExternalStore } from 'react';
import type { Position } from '../../../shared/domain/geometry';

/** Where the pointer is over the map: written on every move, read only by the status bar. */
export interface PointerStore {
  get(): Position | null;
  set(position: Position | null): void;
  subscribe(listener: () => void): () => void;
}

export function createPointerStore(): PointerStore {
  let position: Position | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => position,
    set(next) {
      if (next === position) return;
      position = next;
      for (const listener of listeners) listener();
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
