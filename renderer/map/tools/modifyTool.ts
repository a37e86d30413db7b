import { altKeyOnly, singleClick } from 'ol/events/condition';
import Modify from 'ol/interaction/Modify';
import type { ZoneFeature } from '../zoneLayers';
import { createEditGesture } from './editGesture';
import { addSnapping } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

/**
 * Edit the vertices of the selected zones: drag a vertex to move it, drag an edge to insert one,
 * Alt+click a vertex (or hover it and press Delete) to remove it. Snaps to every zone.
 */
export function createModifyTool(ctx: ToolContext): MapTool {
  const modify = new Modify({
    features: ctx.selected,
    deleteCondition: (event) => altKeyOnly(event) && singleClick(event),
    pixelTolerance: 10,
  });
  ctx.map.addInteraction(modify);
  const snapping = addSnapping(ctx);
  // A dragged vertex: the zone shows as it was plus a rubber band, over a map held still; Modify's
  // marker of the moving vertex and the snap marker move above it.
  const gesture = createEditGesture(
    ctx,
    'modify',
    { zh: '编辑节点', en: 'Edit vertices' },
    { vertexDrag: () => [modify.getOverlay(), snapping.indicator] },
  );
  modify.on('modifystart', (event) => gesture.start(event.features.getArray() as ZoneFeature[]));
  modify.on('modifyend', (event) => void gesture.end(event.features.getArray() as ZoneFeature[]));
  if (ctx.selected.getLength() === 0) {
    ctx.workbench.notify('info', { zh: '先选择要编辑的区划', en: 'Select the zone to edit first' });
  }
  return {
    handleKey(action) {
      if (action.kind === 'cancel') return gesture.cancel();
      // Delete over a vertex removes that vertex (one undo step) instead of the whole zone.
      if (action.kind === 'delete') return modify.removePoint();
      return false;
    },
    dispose() {
      snapping.dispose();
      ctx.map.removeInteraction(modify);
    },
  };
}
