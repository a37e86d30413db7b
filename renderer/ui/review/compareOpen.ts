import { useSyncExternalStore } from 'react';

/**
 * Whether the compare dialog (比较版本) is open. Outside React, like the figure composer, so a
 * toolbar button, the review panel or a menu action can open the one dialog the app mounts.
 */
let open = false;
const listeners = new Set<() => void>();

export function setCompareOpen(next: boolean): void {
  open = next;
  listeners.forEach((l) => l());
}

export function useCompareOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
