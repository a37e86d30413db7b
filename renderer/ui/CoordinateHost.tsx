import type { RefObject } from 'react';
import type { PlanMap } from '../map/createPlanMap';
import { CoordinateEntryDialog } from './CoordinateEntryDialog';
import { JumpToCoordinateDialog } from './JumpToCoordinateDialog';
import { VertexTable } from './VertexTable';
import { useCoordinateUi } from './coordinateUi';
import type { ProjectData } from './hooks/useProjectData';

/** The typed-coordinate features of the window: the vertex table (when open) and their dialogs. */
export function CoordinateHost({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { tableOpen } = useCoordinateUi();
  return (
    <>
      {tableOpen && <VertexTable data={data} map={map} />}
      <CoordinateEntryDialog data={data} map={map} />
      <JumpToCoordinateDialog gkZone={data.project.settings.gkZone} map={map} />
    </>
  );
}
