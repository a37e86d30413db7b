import { unByKey } from 'ol/Observable';
import type { Position } from '../../../shared/domain/geometry';
import { createStateStore } from '../../editor/stateStore';
import { toLonLatPosition } from '../geometryConvert';
import type { MapTool, ToolContext } from './toolContext';

/** The last point clicked with the "what applies here" tool; the query panel listens to it. */
export const pointQueryState = createStateStore<{ point: Position | null; seq: number }>({
  point: null,
  seq: 0,
});

/** "What applies here": each click reports its lon/lat; nothing is drawn or stored. */
export function createPointQueryTool(ctx: ToolContext): MapTool {
  const key = ctx.map.on('singleclick', (event) => {
    const point = toLonLatPosition(event.coordinate);
    pointQueryState.set((s) => ({ point, seq: s.seq + 1 }));
  });
  ctx.map.getViewport()?.classList.add('hzw-query-cursor');
  return {
    handleKey(action) {
      if (action.kind !== 'cancel') return false;
      pointQueryState.set((s) => ({ point: null, seq: s.seq + 1 }));
      return true;
    },
    dispose() {
      unByKey(key);
      ctx.map.getViewport()?.classList.remove('hzw-query-cursor');
    },
  };
}
