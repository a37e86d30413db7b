import { useEffect, useState } from 'react';
import type { ReferenceLayerData } from '../../../shared/analysis/overlapsReferenceLayer';
import { useWorkbench } from './useWorkbench';

/** The project's reference layers (with their shown/hidden state), kept current by a live query. */
export function useReferenceLayers(projectId: string): ReferenceLayerData[] {
  const [layers, setLayers] = useState<ReferenceLayerData[]>([]);
  const references = useWorkbench().workbench.store.referenceLayers;
  useEffect(
    () => references.observe(projectId, setLayers, (error) => console.error(error)),
    [references, projectId],
  );
  return layers;
}
