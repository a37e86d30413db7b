import { useEffect, useState, type RefObject } from 'react';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import type { PlanMap } from '../../map/createPlanMap';

/**
 * The zone types switched off in the layers panel, as the map draws them now: the figure leaves
 * them out too. Read from the map, not from the stored settings, which follow a moment later
 * (the panel stores its changes after a short pause). Null while there is no map.
 */
export function useHiddenZoneTypes(map: RefObject<PlanMap | null>): ReadonlySet<ZoneType> | null {
  const [hidden, setHidden] = useState(() => map.current?.hiddenZoneTypes() ?? null);
  useEffect(() => {
    const planMap = map.current;
    if (!planMap) return;
    return planMap.onZoneTypeVisibility(() => setHidden(planMap.hiddenZoneTypes()));
  }, [map]);
  return hidden;
}
