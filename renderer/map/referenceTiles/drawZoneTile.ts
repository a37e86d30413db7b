import { DEFAULT_SYMBOLS } from '../../../shared/domain/symbology';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { paintZone, type ZonePaintContext } from '../zonePaint';
import { traceRing, type TileContext, type TileRequest } from './drawTile';
import type { ZoneTileSet } from './zoneTileSet';

/** What drawing zones into a tile needs (an OffscreenCanvas 2D context in the worker). */
export type ZoneTileContext = TileContext & ZonePaintContext;

/**
 * The hatch pattern of a zone type for this tile, its cell aligned to the map's pixel grid (so
 * hatch lines run on across tile edges); `origin` is the tile's top-left corner in pixels of the
 * whole world at this tile's resolution. Null: the type has no hatch.
 */
export type HatchFor = (type: ZoneType, origin: [number, number]) => CanvasPattern | null;

/** Half the width of Web Mercator's square world, in metres. */
const WORLD = 20037508.342789244;
/** The widest outline in any zone symbol, in CSS pixels: zones this close to a tile still touch it. */
const REACH_PX = 4;

export interface ZoneTileStats {
  zones: number;
  verticesDrawn: number;
}

/**
 * Draw the shown, unselected zones touching a tile, each as the map's own style draws it
 * (zonePaint.ts): outer types first, hatch then tint then outline, zones under 16 px as specks.
 * Each zone is traced whole (not clipped to the tile), so dashes keep their phase across tiles.
 */
export function drawZoneTile(
  ctx: ZoneTileContext,
  set: ZoneTileSet,
  request: TileRequest,
  hatchFor: HatchFor,
): ZoneTileStats {
  const { extent, width, pixelRatio } = request;
  const scale = width / (extent[2] - extent[0]);
  const reach = (REACH_PX * pixelRatio) / scale;
  const zones = set.drawn([extent[0] - reach, extent[1] - reach, extent[2] + reach, extent[3] + reach]);
  const origin: [number, number] = [(extent[0] + WORLD) * scale, (WORLD - extent[3]) * scale];
  const patterns = new Map<ZoneType, CanvasPattern | null>();
  const stats: ZoneTileStats = { zones: zones.length, verticesDrawn: 0 };
  for (const zone of zones) {
    let hatch = patterns.get(zone.type);
    if (hatch === undefined) patterns.set(zone.type, (hatch = hatchFor(zone.type, origin)));
    ctx.beginPath();
    for (let r = 0; r < zone.rings.length - 1; r++)
      stats.verticesDrawn += traceRing(ctx, zone.coords, zone.rings[r]!, zone.rings[r + 1]!, extent, scale);
    const widthPx = ((zone.box[2] - zone.box[0]) * scale) / pixelRatio;
    paintZone(ctx, DEFAULT_SYMBOLS[zone.type], widthPx, pixelRatio, hatch);
  }
  return stats;
}
