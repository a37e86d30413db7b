import { useEffect, useState, type RefObject } from 'react';
import type { PlanMap } from '../../map/createPlanMap';
import type { FigureBackground } from '../../map/figures/figureBackgrounds';

/** The map's backgrounds as the figure will draw them, refreshed when a status changes. */
export function useFigureBackgrounds(map: RefObject<PlanMap | null>): FigureBackground[] {
  const [list, setList] = useState<FigureBackground[]>(() => map.current?.figureBackgrounds() ?? []);
  useEffect(() => {
    const planMap = map.current;
    if (!planMap) return;
    return planMap.onLayerStatus(() => setList(planMap.figureBackgrounds()));
  }, [map]);
  return list;
}
