import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Background, LayerListPrefs, LayerStatus } from '../../../shared/domain/backgrounds';
import type { PlanMap } from '../../map/createPlanMap';
import { useWorkbench } from '../hooks/useWorkbench';

/** How long the panel waits after the last change (a slider being dragged) before storing it. */
const STORE_AFTER_MS = 250;

/**
 * The project's backgrounds and layer-list settings from the store, pushed to the map, with the
 * backgrounds' statuses from the map. A change shows at once (a draft) and is stored a moment
 * later through the write door; the stored value replaces the draft when it comes back.
 */
export function useLayerList(projectId: string, map: RefObject<PlanMap | null>) {
  const { workbench } = useWorkbench();
  const store = workbench.store;
  // Each value is kept with the project it belongs to, so a project switch shows nothing stale.
  const [backgroundsOf, setBackgroundsOf] = useState<{ projectId: string; list: Background[] } | null>(null);
  const [stored, setStored] = useState<{ projectId: string; prefs: LayerListPrefs } | null>(null);
  const [draft, setDraft] = useState<{ projectId: string; prefs: LayerListPrefs } | null>(null);
  const [statuses, setStatuses] = useState<ReadonlyMap<string, LayerStatus>>(new Map());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<LayerListPrefs | null>(null);

  useEffect(() => {
    const report = (error: unknown) => workbench.reportError(error);
    const a = store.backgrounds.observe(projectId, (list) => setBackgroundsOf({ projectId, list }), report);
    const b = store.layerList.observe(projectId, (prefs) => setStored({ projectId, prefs }), report);
    return () => {
      a();
      b();
    };
  }, [store, workbench, projectId]);

  // Subscribed before the backgrounds are pushed below, so no status report is missed.
  useEffect(
    () => map.current?.onLayerStatus((id, status) => setStatuses((m) => new Map(m).set(id, status))),
    [map],
  );

  const backgrounds = useMemo(
    () => (backgroundsOf?.projectId === projectId ? backgroundsOf.list : []),
    [backgroundsOf, projectId],
  );
  const prefs =
    (draft?.projectId === projectId ? draft.prefs : null) ??
    (stored?.projectId === projectId ? stored.prefs : null);
  useEffect(() => {
    if (prefs) map.current?.setBackgrounds(backgrounds, prefs);
  }, [backgrounds, prefs, map]);

  const update = useCallback(
    (next: LayerListPrefs) => {
      const mine = { projectId, prefs: next };
      setDraft(mine);
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        pending.current = null;
        store.layerList.set(projectId, next).then(
          () => setDraft((current) => (current === mine ? null : current)),
          (error: unknown) => {
            workbench.reportError(error);
            setDraft(null);
          },
        );
      }, STORE_AFTER_MS);
    },
    [store, workbench, projectId],
  );
  // A change still waiting when the panel goes away (project closed) is stored at once.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (pending.current)
        store.layerList.set(projectId, pending.current).catch((e: unknown) => workbench.reportError(e));
      pending.current = null;
    },
    [store, workbench, projectId],
  );

  const loaded = backgroundsOf?.projectId === projectId;
  return { backgrounds, loaded, prefs, statuses, update };
}
