import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { platformModifierKeyOnly, shiftKeyOnly } from 'ol/events/condition';
import DragBox from 'ol/interaction/DragBox';
import { unByKey } from 'ol/Observable';
import { OBJECT_PROPERTY, type ZoneFeature } from '../zoneLayers';
import type { MapTool, ToolContext } from './toolContext';

/** Pixels around the pointer that still hit a zone's outline. */
const HIT_TOLERANCE_PX = 3;

/** The zone under a pixel: inner zones are drawn above outer ones, so the first hit is the innermost. */
export function zoneAtPixel(ctx: ToolContext, pixel: number[]): ZoneFeature | null {
  const coordinate = ctx.map.getCoordinateFromPixel(pixel);
  const resolution = ctx.map.getView().getResolution();
  if (!coordinate || !resolution) return null;
  return ctx.zones.zonesAt(coordinate, HIT_TOLERANCE_PX * resolution)[0] ?? null;
}

/**
 * Select: click picks the zone under the pointer, Shift+click adds or removes it, Ctrl(⌘)+drag
 * picks every zone the box touches (with Shift: adds them). A plain drag still pans.
 */
export function createSelectTool(ctx: ToolContext): MapTool {
  const { workbench } = ctx;
  const select = (ids: string[], add: boolean) => {
    const current = workbench.state.get().selection;
    let zoneIds = ids;
    if (add) {
      const set = new Set(current.zoneIds);
      for (const id of ids) {
        if (set.has(id)) set.delete(id);
        else set.add(id);
      }
      zoneIds = [...set];
    }
    const last = zoneIds.at(-1);
    const objectId = last
      ? ((ctx.zones.feature(last)?.get(OBJECT_PROPERTY) as string) ?? null)
      : current.objectId;
    workbench.select({ zoneIds, objectId: add || last ? objectId : null });
  };

  const clickKey = ctx.map.on('click', (event: MapBrowserEvent) => {
    const hit = zoneAtPixel(ctx, event.pixel);
    const add = event.originalEvent instanceof MouseEvent && event.originalEvent.shiftKey;
    if (hit) select([String(hit.getId())], add);
    else if (!add) select([], false);
  });

  const box = new DragBox({
    condition: (event) =>
      platformModifierKeyOnly(event) || (shiftKeyOnly(event) && event.originalEvent.ctrlKey),
    className: 'hzw-dragbox',
  });
  box.on('boxend', (event) => {
    const extent = box.getGeometry().getExtent();
    const ids: string[] = [];
    for (const source of ctx.snapSources()) {
      source.forEachFeatureIntersectingExtent(extent, (feature) => {
        if (ctx.zones.feature(String(feature.getId()))) ids.push(String(feature.getId()));
      });
    }
    select(ids, event.mapBrowserEvent?.originalEvent.shiftKey ?? false);
  });
  ctx.map.addInteraction(box);

  return {
    handleKey: () => false,
    dispose() {
      unByKey(clickKey);
      ctx.map.removeInteraction(box);
    },
  };
}
