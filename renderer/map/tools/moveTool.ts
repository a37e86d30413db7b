import Translate from 'ol/interaction/Translate';
import type { ZoneFeature } from '../zoneLayers';
import { createEditGesture } from './editGesture';
import { addSnapping } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

/** Move the selected zones by dragging one of them; the move is one undo step. */
export function createMoveTool(ctx: ToolContext): MapTool {
  const gesture = createEditGesture(ctx, 'move', { zh: '移动区划', en: 'Move zones' });
  const translate = new Translate({ features: ctx.selected, hitTolerance: 3 });
  translate.on('translatestart', (event) => gesture.start(event.features.getArray() as ZoneFeature[]));
  translate.on('translateend', (event) => void gesture.end(event.features.getArray() as ZoneFeature[]));
  ctx.map.addInteraction(translate);
  const snapping = addSnapping(ctx);
  return {
    handleKey: (action) => action.kind === 'cancel' && gesture.cancel(),
    dispose() {
      snapping.dispose();
      ctx.map.removeInteraction(translate);
    },
  };
}
