import { useState, type RefObject } from 'react';
import type { OverlapResult } from '../../../shared/analysis/overlaps';
import type { ReferenceLayerData } from '../../../shared/analysis/overlapsReferenceLayer';
import { runJob } from '../../jobs/runJob';
import type { PlanMap } from '../../map/createPlanMap';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';

/**
 * Overlap analysis of the project's zones with one reference layer (in the job worker): the
 * overlapping zones are selected and the reference features highlighted on the map.
 */
export function useOverlap(data: ProjectData, map: RefObject<PlanMap | null>) {
  const { workbench } = useWorkbench();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OverlapResult | null>(null);
  const analyse = async (layer: ReferenceLayerData) => {
    setBusy(true);
    try {
      const overlap = await runJob('overlapAnalysis', {
        zones: data.zones,
        layer,
        gkZone: data.project.settings.gkZone,
      });
      setResult(overlap);
      map.current?.highlightReference(layer.id, overlap.features);
      workbench.select({ zoneIds: overlap.zones.map((z) => z.zoneId), objectId: null });
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setBusy(false);
    }
  };
  /** Forget the result of a layer being removed. */
  const forget = (layerId: string) => setResult((r) => (r?.layerId === layerId ? null : r));
  return { busy, setBusy, result, analyse, forget };
}
