import { useEffect, useState } from 'react';
import { ZONE_TYPES, type ZoneType } from '../../../shared/domain/taxonomy';
import { useWorkbench } from '../hooks/useWorkbench';

/**
 * The zone types switched off in the layers panel: the figure leaves them out, as the map does.
 * Null until the settings are read (a figure made before then would draw hidden types).
 */
export function useHiddenZoneTypes(projectId: string | null): ReadonlySet<ZoneType> | null {
  const { workbench } = useWorkbench();
  const [hidden, setHidden] = useState<{ projectId: string; types: ReadonlySet<ZoneType> } | null>(null);
  useEffect(
    () =>
      projectId === null
        ? undefined
        : workbench.store.layerList.observe(
            projectId,
            (prefs) =>
              setHidden({
                projectId,
                types: new Set(ZONE_TYPES.filter((t) => prefs.zoneTypes[t] === false)),
              }),
            (error) => workbench.reportError(error),
          ),
    [workbench, projectId],
  );
  return hidden !== null && hidden.projectId === projectId ? hidden.types : null;
}
