import Draw from 'ol/interaction/Draw';
import type Polygon from 'ol/geom/Polygon';
import { setZoneGeometries } from '../../editor/commands/zoneCommands';
import { addHoleToGeometry, holeProblemMessage } from '../../../shared/geometry/holes';
import { toZoneGeometry } from '../geometryConvert';
import { drawingTool } from './drawingTool';
import { drawClick } from './snapping';
import type { MapTool, ToolContext } from './toolContext';
import type { ZoneFeature } from '../zoneLayers';

/**
 * Cut a hole: draw a ring inside a zone (the selected one, else the innermost zone under the first
 * vertex). The hole must lie strictly inside the zone's shell and not cross its other holes.
 */
export function createHoleTool(ctx: ToolContext): MapTool {
  const { workbench } = ctx;
  const draw = new Draw({ source: ctx.sketch, type: 'Polygon', stopClick: true, condition: drawClick });

  const zoneFor = (first: number[]): ZoneFeature | undefined => {
    const selected = ctx.selected.getArray().find((f) => f.getGeometry()?.intersectsCoordinate(first));
    if (selected) return selected;
    return ctx.zones.zonesAt(first)[0];
  };

  draw.on('drawend', (event) => {
    const endedAt = performance.now();
    queueMicrotask(() => ctx.sketch.clear());
    const ring = toZoneGeometry(event.feature.getGeometry()!);
    const first = (event.feature.getGeometry() as Polygon).getCoordinates()[0]![0]!;
    const zone = zoneFor(first);
    const stored = zone ? toZoneGeometry(zone.getGeometry()!) : null;
    if (!zone || !stored || !ring || ring.type !== 'Polygon') {
      workbench.endGesture();
      workbench.notify('error', { zh: '内环须画在一个区划之内', en: 'Draw the hole inside a zone' });
      return;
    }
    const result = addHoleToGeometry(stored, ring.coordinates[0]!);
    if (!result.ok) {
      workbench.endGesture();
      workbench.notify('error', { zh: '无法挖洞', en: 'Cannot cut this hole' }, [
        holeProblemMessage(result.reason),
      ]);
      return;
    }
    const id = String(zone.getId());
    void workbench.commitGesture(
      setZoneGeometries(new Map([[id, result.geometry]]), { zh: '挖洞', en: 'Cut hole' }),
      endedAt,
    );
  });

  return drawingTool(ctx, draw);
}
