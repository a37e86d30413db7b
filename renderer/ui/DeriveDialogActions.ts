import type { ZoneType } from '../../shared/domain/taxonomy';
import type { DeriveRequest } from '../../shared/derive/types';
import { createDerivedZones } from '../editor/commands/deriveCommands';
import type { Workbench } from '../editor/workbench';
import { runJob } from '../jobs/runJob';

/** Compute in the worker, then create the zone(s) through the write door: one undo step. */
export async function deriveAndCreate(
  workbench: Workbench,
  input: {
    objectId: string;
    zoneType: ZoneType;
    request: DeriveRequest;
    boundaryText: string;
    gkZone: number;
  },
): Promise<string[] | null> {
  try {
    const [shapes] = await runJob('deriveZones', { requests: [input.request], gkZone: input.gkZone });
    const command = createDerivedZones({ projectId: workbench.projectId, ...input, shapes: shapes! });
    const result = await workbench.run(command);
    if (!result) return null;
    workbench.select({ zoneIds: command.ids.slice(0, 1), objectId: input.objectId });
    return command.ids;
  } catch (error) {
    workbench.reportError(error);
    return null;
  }
}

// Regeneration lives in the editor, which also runs it after a source edit when the project asks.
