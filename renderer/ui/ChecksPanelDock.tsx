import { useEffect, type RefObject } from 'react';
import type { PlanMap } from '../map/createPlanMap';
import { ChecksPanel } from './ChecksPanel';
import type { ProjectData } from './hooks/useProjectData';
import { useReferenceLayers } from './hooks/useReferenceLayers';
import { PointQueryPanel } from './PointQueryPanel';
import { LayersPanel } from './layers/LayersPanel';

/**
 * The analysis column under the attribute panel: the layers panel (with the reference layers),
 * what applies here, the checker's findings. Reference layers come from their own live query and are pushed to the map.
 */
export function ChecksPanelDock({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const layers = useReferenceLayers(data.project.id);
  useEffect(() => map.current?.setReferenceLayers(layers), [layers, map]);
  return (
    <div className="analysis-dock">
      <LayersPanel data={data} references={layers} map={map} />
      <PointQueryPanel data={data} layers={layers} />
      <ChecksPanel data={data} map={map} />
    </div>
  );
}
