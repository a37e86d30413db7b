import Draw, { createBox, type GeometryFunction } from 'ol/interaction/Draw';
import Polygon from 'ol/geom/Polygon';
import type { Geometry } from 'ol/geom';
import { createZone } from '../../editor/commands/zoneCommands';
import { discardKeptSketch, keepSketch } from '../../editor/keptSketch';
import { validateGeometry } from '../../../shared/geometry/validatePolygon';
import { circlePolygon } from '../../../shared/geometry/circle';
import { removeDuplicateVertices } from '../../../shared/geometry/rings';
import { geodesicDistance } from '../../../shared/geometry/length';
import { toLonLatPosition, toMapGeometry, toZoneGeometry } from '../geometryConvert';
import { drawingTool } from './drawingTool';
import { keptSketchLayer } from './keptSketchLayer';
import { drawClick } from './snapping';
import { backgroundTargets } from './traceSource';
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
 * circle by centre and radius (dragged, or typed in metres: then one click places it). With no
 * object selected, or when the outline is not a valid polygon, the outline is kept as a sketch
 * (editor/keptSketch.ts) to assign, fix or discard; one sketch at a time.
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
    condition: drawClick,
    // Tracing follows the background lines near the pointer (CAD survey sheets, traceSource.ts).
    ...(shape === 'polygon'
      ? { trace: workbench.state.get().tracing, traceSource: backgroundTargets(ctx.map).source }
      : {}),
  });
  const stopFollowing =
    shape === 'polygon'
      ? workbench.state.subscribe(() => draw.setTrace(workbench.state.get().tracing))
      : () => {};

  const target = () => workbench.state.get().selection.objectId;
  const noKeptSketch = () => {
    if (!workbench.state.get().keptSketch) return true;
    workbench.notify('info', {
      zh: '请先保存或放弃保留的草图（Esc），再画下一个',
      en: 'Save or discard the kept sketch (Esc) before drawing the next one',
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
    const drawnGeometry = geometry ? toZoneGeometry(geometry) : null;
    // A trace starts where the click was and then takes the line's own vertex there: drop repeats.
    const zoneGeometry =
      drawnGeometry?.type === 'Polygon'
        ? { ...drawnGeometry, coordinates: drawnGeometry.coordinates.map(removeDuplicateVertices) }
        : drawnGeometry;
    if (!zoneGeometry) {
      workbench.endGesture();
      return;
    }
    if (!objectId || validateGeometry(zoneGeometry).errors.length > 0) {
      workbench.endGesture();
      keepSketch(workbench, zoneGeometry);
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

  const kept = keptSketchLayer(ctx);
  return drawingTool(ctx, draw, noKeptSketch, {
    ...kept,
    onCancel: () => discardKeptSketch(workbench),
    dispose() {
      stopFollowing();
      kept.dispose();
    },
  });
}
