import type Draw from 'ol/interaction/Draw';
import { addSnapping } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

/**
 * The shared life of a tool built on a Draw interaction: snapping on, Esc abandons the sketch,
 * Backspace drops the last vertex, and switching tools abandons any unfinished sketch. Drawing is
 * a gesture, so undo waits until it ends. `canStart` may refuse a sketch before it begins.
 */
export function drawingTool(ctx: ToolContext, draw: Draw, canStart: () => boolean = () => true): MapTool {
  const { workbench } = ctx;
  draw.on('drawstart', () => {
    if (canStart()) workbench.beginGesture('draw');
    else draw.abortDrawing();
  });
  draw.on('drawabort', () => workbench.endGesture());
  ctx.map.addInteraction(draw);
  const removeSnapping = addSnapping(ctx);
  return {
    handleKey(action) {
      if (action.kind === 'cancel') {
        draw.abortDrawing();
        workbench.endGesture();
        return true;
      }
      if (action.kind === 'removeLastVertex' && workbench.state.get().gesture === 'draw') {
        draw.removeLastPoint();
        return true;
      }
      return false;
    },
    dispose() {
      draw.abortDrawing();
      removeSnapping();
      ctx.map.removeInteraction(draw);
      workbench.endGesture();
    },
  };
}
