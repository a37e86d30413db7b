import { useSyncExternalStore } from 'react';

/** Whether the derive dialog is open; the toolbar and the attribute panel both open it. */
let open = false;
const listeners = new Set<() => void>();

export function setDeriveDialogOpen(next: boolean): void {
  open = next;
  listeners.forEach((l) => l());
}

export function useDeriveDialogOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
