import type VectorLayer from 'ol/layer/Vector';
import type { Bilingual } from '../../../shared/domain/labels';
import type { ZoneGeometry } from '../../../shared/domain/geometry';
import { setZoneGeometries } from '../../editor/commands/zoneCommands';
import { toZoneGeometry } from '../geometryConvert';
import type { ZoneFeature } from '../zoneLayers';
import type { ToolContext } from './toolContext';

/**
 * The shared life of a gesture that edits existing zones (vertex drag, move): OpenLayers changes
 * its features while the pointer moves; the end event commits exactly one change set; Escape
 * during the gesture cancels it and nothing is written.
 */
export function createEditGesture(
  ctx: ToolContext,
  name: string,
  label: Bilingual,
  /** A vertex drag, and the tool's layers whose marks move with it (drawn over the still map). */
  options: { vertexDrag?: () => VectorLayer[] } = {},
) {
  let cancelled = false;
  return {
    start(features: ZoneFeature[]) {
      cancelled = false;
      const marks = options.vertexDrag?.();
      ctx.zones.freeze(
        features.map((f) => String(f.getId())),
        marks && { marks },
      );
      ctx.workbench.beginGesture(name);
    },
    cancel(): boolean {
      if (ctx.workbench.state.get().gesture !== name) return false;
      cancelled = true;
      return true;
    },
    async end(features: ZoneFeature[]) {
      const endedAt = performance.now();
      ctx.zones.releaseHold();
      if (cancelled) {
        ctx.workbench.endGesture();
        ctx.zones.unfreeze(true);
        return;
      }
      const geometries = new Map<string, ZoneGeometry>();
      for (const feature of features) {
        const geometry = toZoneGeometry(feature.getGeometry()!);
        if (!geometry) {
          ctx.workbench.endGesture();
          ctx.zones.unfreeze(true);
          return;
        }
        geometries.set(String(feature.getId()), geometry);
      }
      const result = await ctx.workbench.commitGesture(setZoneGeometries(geometries, label), endedAt);
      ctx.zones.unfreeze(result === null);
    },
  };
}
