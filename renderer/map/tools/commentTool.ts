import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { unByKey } from 'ol/Observable';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import { interiorPoint } from '../../../shared/geometry/interiorPoint';
import { anchorTarget, type Anchor } from '../../../shared/review/model';
import { dropComment, showThread, startComment } from '../../editor/review/commentDraft';
import { commentPinAt } from '../review/commentPins';
import { toLonLatPosition, toZoneGeometry } from '../geometryConvert';
import { OBJECT_PROPERTY } from '../zoneLayers';
import { EDGE_HIT_PX, VERTEX_HIT_PX, hitOutline } from './commentHit';
import type { MapTool, ToolContext } from './toolContext';

type Coordinate = number[];

function partsOf(geometry: Polygon | MultiPolygon): Coordinate[][][] {
  return geometry.getType() === 'Polygon'
    ? [(geometry as Polygon).getCoordinates()]
    : (geometry as MultiPolygon).getCoordinates();
}

/**
 * Where a comment click lands, in the order a reviewer expects: a zone's vertex within 8 px, else
 * its edge within 6 px, else the zone under the pointer, else the map position. Alt forces a position
 * (a comment about a place inside a zone, not about the zone).
 */
export function commentAnchorAt(ctx: ToolContext, pixel: number[], forcePosition: boolean): Anchor {
  const coordinate = ctx.map.getCoordinateFromPixel(pixel);
  const at = toLonLatPosition(coordinate);
  const resolution = ctx.map.getView().getResolution();
  if (forcePosition || !resolution) return { kind: 'position', at };
  const click: [number, number] = [pixel[0]!, pixel[1]!];
  const near = ctx.zones.zonesAt(coordinate, Math.max(VERTEX_HIT_PX, EDGE_HIT_PX) * resolution);
  for (const feature of near) {
    const geometry = feature.getGeometry();
    if (!geometry) continue;
    const parts = partsOf(geometry);
    const toPixel = (c: Coordinate) => {
      const p = ctx.map.getPixelFromCoordinate(c);
      return [p[0]!, p[1]!] as [number, number];
    };
    const hit = hitOutline(
      click,
      parts.map((rings) => rings.map((ring) => ring.map(toPixel))),
    );
    if (!hit) continue;
    const zoneId = String(feature.getId());
    const ring = parts[hit.part]![hit.ring]!;
    const a = ring[hit.index]!;
    if (hit.kind === 'vertex')
      return {
        kind: 'vertex',
        zoneId,
        part: hit.part,
        ring: hit.ring,
        index: hit.index,
        at: toLonLatPosition(a),
      };
    const b = ring[hit.index + 1]!;
    const along = [a[0]! + hit.t * (b[0]! - a[0]!), a[1]! + hit.t * (b[1]! - a[1]!)];
    return {
      kind: 'edge',
      zoneId,
      part: hit.part,
      ring: hit.ring,
      index: hit.index,
      t: hit.t,
      at: toLonLatPosition(along),
    };
  }
  const inside = ctx.zones.zonesAt(coordinate)[0];
  const geometry = inside?.getGeometry();
  const stored = geometry ? toZoneGeometry(geometry) : null;
  if (inside && stored) return { kind: 'zone', zoneId: String(inside.getId()), at: interiorPoint(stored) };
  return { kind: 'position', at };
}

/**
 * 批注: a click places a new comment (the review panel then asks for its text); Esc drops it.
 * Anchors carry store ids; the panel turns them into document ids when the comment is sent.
 */
export function createCommentTool(ctx: ToolContext): MapTool {
  const key = ctx.map.on('click', (event: MapBrowserEvent) => {
    const alt = event.originalEvent instanceof MouseEvent && event.originalEvent.altKey;
    // A click on a pin opens its thread instead of starting another one on top of it.
    const pinned = alt ? null : commentPinAt(ctx.map, event.pixel);
    if (pinned) return showThread(pinned);
    const anchor = commentAnchorAt(ctx, event.pixel, alt);
    startComment(anchor);
    // The anchored zone becomes the selection, so the panel offers its verdict as well.
    const target = anchorTarget(anchor);
    if (target?.kind === 'zone') {
      const objectId = ctx.zones.feature(target.id)?.get(OBJECT_PROPERTY) as string | undefined;
      ctx.workbench.select({ zoneIds: [target.id], objectId: objectId ?? null });
    }
  });
  ctx.map.getViewport()?.classList.add('hzw-comment-cursor');
  return {
    handleKey(action) {
      if (action.kind !== 'cancel') return false;
      dropComment();
      return true;
    },
    dispose() {
      unByKey(key);
      ctx.map.getViewport()?.classList.remove('hzw-comment-cursor');
    },
  };
}
