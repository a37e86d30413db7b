import Overlay from 'ol/Overlay';
import type LineString from 'ol/geom/LineString';
import type Polygon from 'ol/geom/Polygon';
import Draw from 'ol/interaction/Draw';
import { unByKey } from 'ol/Observable';
import type { EventsKey } from 'ol/events';
import { formatArea, formatLength } from '../../../shared/domain/units';
import { ellipsoidalArea } from '../../../shared/geometry/area';
import { geodesicLength } from '../../../shared/geometry/length';
import { toLonLatPosition, toZoneGeometry } from '../geometryConvert';
import { addSnapping, drawClick } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

/**
 * Measure a distance or an area on the ellipsoid (CGCS2000), snapping to zones. The result
 * stays on the map until the next measurement or Escape; nothing is stored.
 */
export function createMeasureTool(ctx: ToolContext, kind: 'length' | 'area'): MapTool {
  const element = document.createElement('div');
  element.className = 'hzw-measure-tooltip';
  element.setAttribute('role', 'status');
  const tooltip = new Overlay({ element, offset: [12, -12], positioning: 'bottom-left' });
  ctx.map.addOverlay(tooltip);

  const draw = new Draw({
    source: ctx.sketch,
    type: kind === 'length' ? 'LineString' : 'Polygon',
    stopClick: true,
    condition: drawClick,
  });
  let changeKey: EventsKey | null = null;

  const describe = (geometry: LineString | Polygon): string => {
    const lang = ctx.workbench.state.get().lang;
    if (kind === 'length') {
      const line = (geometry as LineString).getCoordinates().map(toLonLatPosition);
      return formatLength(geodesicLength(line), lang);
    }
    const polygon = toZoneGeometry(geometry);
    return polygon ? formatArea(ellipsoidalArea(polygon), lang) : '';
  };

  draw.on('drawstart', (event) => {
    ctx.sketch.clear();
    const geometry = event.feature.getGeometry() as LineString | Polygon;
    changeKey = geometry.on('change', () => {
      element.textContent = describe(geometry);
      tooltip.setPosition(
        kind === 'length'
          ? (geometry as LineString).getLastCoordinate()
          : (geometry as Polygon).getInteriorPoint().getCoordinates(),
      );
    });
  });
  draw.on('drawend', () => {
    if (changeKey) unByKey(changeKey);
    element.classList.add('done');
  });

  ctx.map.addInteraction(draw);
  const snapping = addSnapping(ctx);
  const clear = () => {
    draw.abortDrawing();
    ctx.sketch.clear();
    tooltip.setPosition(undefined);
    element.classList.remove('done');
  };
  return {
    handleKey(action) {
      if (action.kind === 'cancel') {
        clear();
        return true;
      }
      if (action.kind === 'removeLastVertex') {
        draw.removeLastPoint();
        return true;
      }
      return false;
    },
    dispose() {
      clear();
      if (changeKey) unByKey(changeKey);
      snapping.dispose();
      ctx.map.removeInteraction(draw);
      ctx.map.removeOverlay(tooltip);
    },
  };
}
