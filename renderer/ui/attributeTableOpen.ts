import { useSyncExternalStore } from 'react';

/**
 * Whether the attribute table dock is open. Outside React, like analysisRequests.ts, so the
 * toolbar button and the dock share it without a prop through the app.
 */
let open = false;
const listeners = new Set<() => void>();

export function setAttributeTableOpen(next: boolean): void {
  open = next;
  listeners.forEach((l) => l());
}

export function useAttributeTableOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
