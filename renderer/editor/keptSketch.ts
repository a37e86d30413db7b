import type { ZoneGeometry } from '../../shared/domain/geometry';
import type { Bilingual } from '../../shared/domain/labels';
import type { ObjectAttributesInput } from '../../shared/domain/schema';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { polygonProblemMessage, validateGeometry } from '../../shared/geometry/validatePolygon';
import { createObjectWithZone } from './commands/drawnZoneCommands';
import { createZone } from './commands/zoneCommands';
import type { Workbench } from './workbench';

/** Problems listed under the notice; the map marks all of them. */
const LISTED_PROBLEMS = 5;

const INVALID: Bilingual = {
  zh: '边界无效，草图已保留：拖动节点修正后点“保存草图”，或按 Esc 放弃',
  en: 'Invalid boundary; the sketch is kept: drag its vertices to fix it, then “Save sketch”, or press Esc to discard it',
};

function validated(geometry: ZoneGeometry) {
  return validateGeometry(geometry).errors;
}

function notifyInvalid(workbench: Workbench, geometry: ZoneGeometry): void {
  const problems = validated(geometry);
  workbench.notify('error', INVALID, problems.slice(0, LISTED_PROBLEMS).map(polygonProblemMessage));
}

/**
 * Keep a drawn outline that cannot be stored yet: invalid (marked where it fails, see the draw
 * tool) or without an object (then the assign dialog opens). The validity decision is the write
 * door's own (validateGeometry), so a sketch that passes here is one the store accepts.
 */
export function keepSketch(workbench: Workbench, geometry: ZoneGeometry): void {
  const problems = validated(geometry);
  workbench.state.set({ keptSketch: { geometry, problems, assigning: problems.length === 0 } });
  if (problems.length > 0) notifyInvalid(workbench, geometry);
}

/** The planner moved the sketch's vertices: check it again. */
export function reshapeKeptSketch(workbench: Workbench, geometry: ZoneGeometry): void {
  const before = workbench.state.get().keptSketch;
  if (!before) return;
  const problems = validated(geometry);
  workbench.state.set({ keptSketch: { geometry, problems, assigning: false } });
  if (problems.length > 0) notifyInvalid(workbench, geometry);
  // Fixed: the sketch bar now says it can be saved; the old complaint goes.
  else if (before.problems.length > 0) workbench.dismissNotice();
}

export function discardKeptSketch(workbench: Workbench): void {
  if (!workbench.state.get().keptSketch) return;
  workbench.state.set({ keptSketch: null });
  workbench.dismissNotice();
}

/** Close the assign dialog and keep the sketch on the map (the sketch bar can reopen it). */
export function postponeAssigning(workbench: Workbench): void {
  const sketch = workbench.state.get().keptSketch;
  if (sketch?.assigning) workbench.state.set({ keptSketch: { ...sketch, assigning: false } });
}

/**
 * Save the kept sketch: refused while invalid; stored for the selected object; with no object
 * selected, the assign dialog asks which one (or a new one).
 */
export async function saveKeptSketch(workbench: Workbench): Promise<void> {
  const sketch = workbench.state.get().keptSketch;
  if (!sketch) return;
  if (sketch.problems.length > 0) {
    notifyInvalid(workbench, sketch.geometry);
    return;
  }
  const { objectId } = workbench.state.get().selection;
  if (!objectId) {
    workbench.state.set({ keptSketch: { ...sketch, assigning: true } });
    return;
  }
  await assignKeptSketch(workbench, { objectId }, workbench.state.get().drawZoneType);
}

export type SketchOwner = { objectId: string } | { newObject: ObjectAttributesInput };

/** Store the kept sketch as a zone of an existing or a new object: one command, one undo step. */
export async function assignKeptSketch(
  workbench: Workbench,
  owner: SketchOwner,
  zoneType: ZoneType,
): Promise<boolean> {
  const sketch = workbench.state.get().keptSketch;
  if (!sketch || sketch.problems.length > 0) return false;
  const zone = { attributes: { zoneType }, geometry: sketch.geometry };
  const projectId = workbench.projectId;
  const command =
    'objectId' in owner
      ? { ...createZone({ projectId, objectId: owner.objectId, ...zone }), objectId: owner.objectId }
      : createObjectWithZone({ projectId, object: owner.newObject, zone });
  const zoneId = 'zoneId' in command ? command.zoneId : command.id;
  if (!(await workbench.run(command))) return false;
  workbench.state.set({ keptSketch: null, drawZoneType: zoneType });
  workbench.select({ zoneIds: [zoneId], objectId: command.objectId });
  return true;
}
