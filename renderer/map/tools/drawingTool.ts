import type Draw from 'ol/interaction/Draw';
import type Interaction from 'ol/interaction/Interaction';
import { addSnapping } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

/**
 * The shared life of a tool built on a Draw interaction: snapping on, Esc abandons the sketch,
 * Backspace drops the last vertex, and switching tools abandons any unfinished sketch. Drawing is
 * a gesture, so undo waits until it ends. `canStart` may refuse a sketch before it begins.
 * `extra` interactions (editing a kept sketch) go above the Draw and below the snaps; `onCancel`
 * handles Esc when no outline is being drawn.
 */
export function drawingTool(
  ctx: ToolContext,
  draw: Draw,
  canStart: () => boolean = () => true,
  extra: { interactions: Interaction[]; onCancel(): void; dispose(): void } | null = null,
): MapTool {
  const { workbench } = ctx;
  draw.on('drawstart', () => {
    if (canStart()) workbench.beginGesture('draw');
    else draw.abortDrawing();
  });
  draw.on('drawabort', () => workbench.endGesture());
  ctx.map.addInteraction(draw);
  for (const interaction of extra?.interactions ?? []) ctx.map.addInteraction(interaction);
  const snapping = addSnapping(ctx);
  return {
    handleKey(action) {
      if (action.kind === 'cancel') {
        if (workbench.state.get().gesture === null) extra?.onCancel();
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
      snapping.dispose();
      for (const interaction of extra?.interactions ?? []) ctx.map.removeInteraction(interaction);
      extra?.dispose();
      ctx.map.removeInteraction(draw);
      workbench.endGesture();
    },
  };
}
