import { useSyncExternalStore } from 'react';

/**
 * Whether the figure composer (出图) is open. Outside React, like the area statistics dialog, so
 * the toolbar button and the desktop menu's app action open the same dialog.
 */
let open = false;
const listeners = new Set<() => void>();

export function setFigureComposerOpen(next: boolean): void {
  open = next;
  listeners.forEach((l) => l());
}

export function useFigureComposerOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
