import Draw, { createBox, type GeometryFunction } from 'ol/interaction/Draw';
import Polygon from 'ol/geom/Polygon';
import type { Geometry } from 'ol/geom';
import { createZone } from '../../editor/commands/zoneCommands';
import { circlePolygon } from '../../../shared/geometry/circle';
import { geodesicDistance } from '../../../shared/geometry/length';
import { toLonLatPosition, toMapGeometry, toZoneGeometry } from '../geometryConvert';
import { drawingTool } from './drawingTool';
import type { MapTool, ToolContext } from './toolContext';

export type ZoneShape = 'polygon' | 'rectangle' | 'circle';

/** A drag-sized circle: centre at the first click, radius measured on the ellipsoid to the pointer. */
const geodesicCircle: GeometryFunction = (coordinates, geometry) => {
  const [center, edge] = coordinates as number[][];
  const c = toLonLatPosition(center!);
  const radius = edge ? geodesicDistance(c, toLonLatPosition(edge)) : 0;
  const ring =
    radius > 0
      ? (toMapGeometry(circlePolygon(c, radius)) as Polygon).getCoordinates()
      : [[center!, center!, center!, center!]];
  const polygon = (geometry as Polygon | undefined) ?? new Polygon(ring);
  polygon.setCoordinates(ring);
  return polygon;
};

/**
 * Draw a new zone of the chosen type for the selected object: polygon by clicks (finish on the
 * first vertex or by double-click; Backspace removes the last vertex), rectangle by two corners,
 * circle by centre and radius (dragged, or typed in metres: then one click places it).
 */
export function createDrawZoneTool(ctx: ToolContext, shape: ZoneShape): MapTool {
  const { workbench } = ctx;
  const typedRadius = shape === 'circle' ? workbench.state.get().circleRadius : null;
  const draw = new Draw({
    source: ctx.sketch,
    type: shape === 'polygon' ? 'Polygon' : typedRadius ? 'Point' : 'Circle',
    geometryFunction:
      shape === 'rectangle' ? createBox() : shape === 'circle' && !typedRadius ? geodesicCircle : undefined,
    stopClick: true,
  });

  const target = () => workbench.state.get().selection.objectId;
  const hasTarget = () => {
    if (target()) return true;
    workbench.notify('error', {
      zh: '请先在左侧选择或新建一个保护对象，再绘制它的区划',
      en: 'Choose or create a protected object on the left first, then draw its zones',
    });
    return false;
  };
  draw.on('drawend', (event) => {
    const endedAt = performance.now();
    const objectId = target();
    let geometry: Geometry | undefined = event.feature.getGeometry();
    if (typedRadius && geometry) {
      const center = toLonLatPosition(
        (geometry as unknown as { getCoordinates(): number[] }).getCoordinates(),
      );
      geometry = toMapGeometry(circlePolygon(center, typedRadius));
    }
    // The drawn sketch is not the truth: the stored zone comes back through the live query.
    queueMicrotask(() => ctx.sketch.clear());
    const zoneGeometry = geometry ? toZoneGeometry(geometry) : null;
    if (!objectId || !zoneGeometry) {
      workbench.endGesture();
      return;
    }
    const { drawZoneType } = workbench.state.get();
    const command = createZone({
      projectId: workbench.projectId,
      objectId,
      attributes: { zoneType: drawZoneType },
      geometry: zoneGeometry,
    });
    void workbench.commitGesture(command, endedAt).then((result) => {
      if (result) workbench.select({ zoneIds: [command.id], objectId });
    });
  });

  return drawingTool(ctx, draw, hasTarget);
}
