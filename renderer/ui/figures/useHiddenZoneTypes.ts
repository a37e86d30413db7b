import { useEffect, useState } from 'react';
import { ZONE_TYPES, type ZoneType } from '../../../shared/domain/taxonomy';
import { useWorkbench } from '../hooks/useWorkbench';

const NONE: ReadonlySet<ZoneType> = new Set();

/** The zone types switched off in the layers panel: the figure leaves them out, as the map does. */
export function useHiddenZoneTypes(projectId: string): ReadonlySet<ZoneType> {
  const { workbench } = useWorkbench();
  const [hidden, setHidden] = useState<{ projectId: string; types: ReadonlySet<ZoneType> } | null>(null);
  useEffect(
    () =>
      workbench.store.layerList.observe(
        projectId,
        (prefs) =>
          setHidden({ projectId, types: new Set(ZONE_TYPES.filter((t) => prefs.zoneTypes[t] === false)) }),
        (error) => workbench.reportError(error),
      ),
    [workbench, projectId],
  );
  return hidden?.projectId === projectId ? hidden.types : NONE;
}
