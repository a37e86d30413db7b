import type { FeatureLike } from 'ol/Feature';
import Point from 'ol/geom/Point';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { Fill, Stroke, Style, Text } from 'ol/style';
import { DEFAULT_SYMBOLS, type ZoneSymbol } from '../../shared/domain/symbology';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { LABEL_MIN_WIDTH_PX, SELECTED_OUTLINE, SPECK_WIDTH_PX, speckStrokeWidth } from './zonePaint';
import { dragStyles, restingStyle } from './dragPicture';
import { hatchPattern } from './hatchPatterns';
import { vertexHandles } from './vertexHandles';

/** Feature properties the zone layers set and the styles read. */
export const LABEL_PROPERTY = 'label';
export const SELECTED_PROPERTY = 'selected';
/** The zone's type on its feature (set by zoneLayers.ts). */
export const ZONE_TYPE_PROPERTY = 'zoneType';

function baseStyles(symbol: ZoneSymbol): Style[] {
  const stroke = new Stroke({
    color: symbol.stroke,
    width: symbol.strokeWidth,
    lineDash: symbol.dash ?? undefined,
  });
  const styles = [new Style({ fill: new Fill({ color: symbol.fill }), stroke, zIndex: symbol.order })];
  if (symbol.hatch) {
    const pattern = hatchPattern(symbol.hatch);
    if (pattern) styles.unshift(new Style({ fill: new Fill({ color: pattern }), zIndex: symbol.order }));
  }
  return styles;
}

const selectedStroke = new Style({ stroke: new Stroke({ ...SELECTED_OUTLINE }), zIndex: 100 });
function widthPx(feature: FeatureLike, resolution: number): number {
  const extent = feature.getGeometry()?.getExtent();
  return extent ? (extent[2]! - extent[0]!) / resolution : 0;
}

function labelFits(feature: FeatureLike, resolution: number): boolean {
  return widthPx(feature, resolution) >= LABEL_MIN_WIDTH_PX;
}

function speckStyle(symbol: ZoneSymbol): Style {
  return new Style({
    fill: new Fill({ color: symbol.fill }),
    stroke: new Stroke({ color: symbol.stroke, width: speckStrokeWidth(symbol) }),
    zIndex: symbol.order,
  });
}

/**
 * Inner zones (bodies) carry their label inside; the zones around them label their north edge, so
 * nested rings of one object do not stack their labels on one point.
 */
function northEdge(feature: FeatureLike) {
  const geometry = feature.getGeometry();
  if (!geometry) return undefined;
  const [minX, , maxX, maxY] = geometry.getExtent();
  return new Point([(minX! + maxX!) / 2, maxY!]);
}

function labelStyle(text: string, symbol: ZoneSymbol, inside: boolean): Style {
  return new Style({
    geometry: inside ? undefined : northEdge,
    text: new Text({
      text: inside ? text : text.replace('\n', ' · '),
      textBaseline: inside ? 'middle' : 'bottom',
      offsetY: inside ? 0 : -3,
      font: '12px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif',
      fill: new Fill({ color: '#1d1d1d' }),
      stroke: new Stroke({ color: '#ffffffdd', width: 3 }),
      overflow: false,
    }),
    zIndex: symbol.order + 200,
  });
}

/** A style function per zone type: symbol, optional hatch and label. */
export function zoneStyleFunction(zoneType: ZoneType, symbol: ZoneSymbol = DEFAULT_SYMBOLS[zoneType]) {
  // Built on the first draw: the hatch pattern is a canvas, made once per zone type and reused.
  let base: Style[] | null = null;
  const inside = zoneType === 'body';
  const labels = new Map<string, Style>();
  const speck = [speckStyle(symbol)];
  return (feature: FeatureLike, resolution: number): Style[] => {
    if (widthPx(feature, resolution) < SPECK_WIDTH_PX) return speck;
    base ??= baseStyles(symbol);
    const text = feature.get(LABEL_PROPERTY) as string | undefined;
    if (!text || !labelFits(feature, resolution)) return base;
    let label = labels.get(text);
    if (!label) labels.set(text, (label = labelStyle(text, symbol, inside)));
    return [...base, label];
  };
}

/** Zones of every type in one layer: each in its type's style, hidden types not drawn. */
export function zonesStyle(shown: (type: ZoneType) => boolean) {
  const byType = new Map<ZoneType, ReturnType<typeof zoneStyleFunction>>();
  return (feature: FeatureLike, resolution: number): Style[] | undefined => {
    const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
    if (!shown(type)) return undefined;
    let style = byType.get(type);
    if (!style) byType.set(type, (style = zoneStyleFunction(type)));
    return style(feature, resolution);
  };
}

/**
 * The labels of zones drawn as tiles (the tiles carry no text: a label would be cut at a tile's
 * edge and could not be decluttered against its neighbours in other tiles). Only zones at least
 * LABEL_MIN_WIDTH_PX wide carry one, so at county overview this layer draws nothing.
 */
export function zoneLabelsStyle(shown: (type: ZoneType) => boolean) {
  const byType = new Map<ZoneType, Map<string, Style[]>>();
  return (feature: FeatureLike, resolution: number): Style[] | undefined => {
    const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
    const text = feature.get(LABEL_PROPERTY) as string | undefined;
    if (!text || !shown(type) || !labelFits(feature, resolution)) return undefined;
    let labels = byType.get(type);
    if (!labels) byType.set(type, (labels = new Map()));
    let label = labels.get(text);
    if (!label) labels.set(text, (label = [labelStyle(text, DEFAULT_SYMBOLS[type], type === 'body')]));
    return label;
  };
}

/** A zone a gesture is changing: its outline and a light fill, redrawn on every pointer move. */
function gestureStyle(symbol: ZoneSymbol): Style {
  return new Style({
    fill: new Fill({ color: symbol.fill }),
    stroke: new Stroke({ color: symbol.stroke, width: symbol.strokeWidth }),
    zIndex: symbol.order,
  });
}

/** How a selected zone is drawn: at rest, edited by a gesture, its vertex dragged (over a held map). */
export type EditingMode = false | 'gesture' | 'vertexDrag' | 'held';

/**
 * The selected zones: each in its type's symbol, with the selection outline and its vertex
 * handles. At rest a selected zone is one picture (dragPicture.ts), painted once per view: a
 * hatched 6 000-vertex zone took some 30 ms to draw on a software canvas on every frame the map
 * drew for any reason (a hover, a pointer-down), and a vertex drag starts from the same picture.
 * While a gesture changes a zone (`editing`), it is drawn without hatching, dashes or label —
 * filling a hatch pattern over a large zone on every pointer move cost more than the move.
 * While a vertex is dragged ('vertexDrag') the zone and its handles are drawn as they were when
 * the drag began, plus a rubber band along the edges that moved ('held': the map is held still
 * and the band is drawn above it, stillMap.ts). `shown` says whether a zone type is switched on.
 */
export function editedZoneStyle(shown: (type: ZoneType) => boolean, editing: (id: string) => EditingMode) {
  const labels = zoneLabelsStyle(shown);
  const plain = new Map<ZoneType, Style>();
  return (feature: FeatureLike, resolution: number): Style[] | undefined => {
    const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
    if (!shown(type)) return undefined;
    const geometry = feature.getGeometry() as Polygon | MultiPolygon | undefined;
    if (!geometry) return undefined;
    const symbol = DEFAULT_SYMBOLS[type];
    const edited = editing(String(feature.getId()));
    const dragged = edited === 'vertexDrag' || edited === 'held';
    if (dragged) {
      const drag = dragStyles(geometry, symbol, symbol.order, edited === 'vertexDrag');
      if (drag) return [...drag, vertexHandles(geometry, resolution, true)];
    }
    const handles = vertexHandles(geometry, resolution, dragged);
    if (!edited)
      return [restingStyle(geometry, symbol, symbol.order), ...(labels(feature, resolution) ?? []), handles];
    let style = plain.get(type);
    if (!style) plain.set(type, (style = gestureStyle(symbol)));
    return [style, selectedStroke, handles];
  };
}
