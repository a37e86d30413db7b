import { useEffect, useSyncExternalStore } from 'react';

/**
 * The analysis commands the toolbar, the desktop menu and the panels share: the area statistics
 * dialog's open state, and one-shot requests to the panels that own the work (the checks panel
 * runs its own full check; the layers panel's reference section takes the focus). Like DeriveDialogState, they
 * live outside React so an app action can reach them without a component in between.
 */
let areaStatisticsOpen = false;
const openListeners = new Set<() => void>();

export function setAreaStatisticsOpen(next: boolean): void {
  areaStatisticsOpen = next;
  openListeners.forEach((l) => l());
}

export function useAreaStatisticsOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      openListeners.add(l);
      return () => openListeners.delete(l);
    },
    () => areaStatisticsOpen,
  );
}

export type PanelRequest = 'runFullCheck' | 'showReferenceLayers';
const requestListeners = new Map<PanelRequest, Set<() => void>>();

/** Ask the mounted panel to act; returns false when no panel is there to do it (no project shown). */
export function requestPanel(request: PanelRequest): boolean {
  const listeners = requestListeners.get(request);
  listeners?.forEach((l) => l());
  return (listeners?.size ?? 0) > 0;
}

/** Serve a request until the returned function is called. */
export function onPanelRequest(request: PanelRequest, handler: () => void): () => void {
  const listeners = requestListeners.get(request) ?? new Set();
  requestListeners.set(request, listeners);
  listeners.add(handler);
  return () => void listeners.delete(handler);
}

/** Run `handler` whenever the request is made, while the calling component is mounted. */
export function usePanelRequest(request: PanelRequest, handler: () => void): void {
  useEffect(() => onPanelRequest(request, handler), [request, handler]);
}
