import { duplicateNameWarning, sameNamedObjects } from '../../shared/domain/objectNames';
import type { ObjectAttributesInput } from '../../shared/domain/schema';
import { updateObjectAttributes } from '../editor/commands/objectCommands';
import type { Workbench } from '../editor/workbench';

/**
 * Commit an edit of an object's attributes from the attribute panel. A new name the project
 * already has is kept (two sites may share a name) and warned about, with undo as the way back.
 */
export async function commitObjectEdit(
  workbench: Workbench,
  objectId: string,
  patch: Partial<ObjectAttributesInput>,
): Promise<void> {
  const result = await workbench.run(updateObjectAttributes(objectId, patch));
  if (!result || result.changes.length === 0 || typeof patch.name !== 'string') return;
  const objects = await workbench.store.read.objectsOfProject(workbench.projectId);
  const others = sameNamedObjects(objects, patch.name, objectId);
  if (others.length > 0) workbench.notify('info', duplicateNameWarning(patch.name.trim(), others, 'rename'));
}
