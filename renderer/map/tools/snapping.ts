import type Interaction from 'ol/interaction/Interaction';
import Snap from 'ol/interaction/Snap';
import type { ToolContext } from './toolContext';

/**
 * Snap to vertices and edges of every zone. Snap interactions must be added after the
 * interactions they serve, so tools call this last; the returned function removes them.
 */
export function addSnapping(ctx: ToolContext): () => void {
  if (!ctx.workbench.state.get().snapping) return () => {};
  const snaps: Interaction[] = ctx
    .snapSources()
    .map((source) => new Snap({ source, vertex: true, edge: true, pixelTolerance: 12 }));
  for (const snap of snaps) ctx.map.addInteraction(snap);
  return () => {
    for (const snap of snaps) ctx.map.removeInteraction(snap);
  };
}
