import { useEffect, useState, type RefObject } from 'react';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import type { PlanMap } from '../map/createPlanMap';
import { ChecksPanel } from './ChecksPanel';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { PointQueryPanel } from './PointQueryPanel';
import { LayersPanel } from './layers/LayersPanel';

/**
 * The analysis column under the attribute panel: the layers panel (with the reference layers),
 * what applies here, the checker's findings. Reference layers come from their own live query and are pushed to the map.
 */
export function ChecksPanelDock({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const [layers, setLayers] = useState<ReferenceLayerData[]>([]);
  const projectId = data.project.id;
  const references = useWorkbench().workbench.store.referenceLayers;
  useEffect(
    () => references.observe(projectId, setLayers, (error) => console.error(error)),
    [references, projectId],
  );
  useEffect(() => map.current?.setReferenceLayers(layers), [layers, map]);
  return (
    <div className="analysis-dock">
      <LayersPanel data={data} references={layers} map={map} />
      <PointQueryPanel data={data} layers={layers} />
      <ChecksPanel data={data} map={map} />
    </div>
  );
}
