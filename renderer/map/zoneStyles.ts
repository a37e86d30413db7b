import type { FeatureLike } from 'ol/Feature';
import MultiPoint from 'ol/geom/MultiPoint';
import Point from 'ol/geom/Point';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import FillPattern from 'ol-ext/style/FillPattern';
import { DEFAULT_SYMBOLS, type ZoneSymbol } from '../../shared/domain/symbology';
import type { ZoneType } from '../../shared/domain/taxonomy';

/** Feature properties the zone layers set and the styles read. */
export const LABEL_PROPERTY = 'label';
export const SELECTED_PROPERTY = 'selected';

function baseStyles(symbol: ZoneSymbol): Style[] {
  const stroke = new Stroke({
    color: symbol.stroke,
    width: symbol.strokeWidth,
    lineDash: symbol.dash ?? undefined,
  });
  const styles = [new Style({ fill: new Fill({ color: symbol.fill }), stroke, zIndex: symbol.order })];
  if (symbol.hatch) {
    const pattern = new FillPattern({
      pattern: 'hatch',
      color: symbol.hatch.color,
      angle: symbol.hatch.angle,
      spacing: symbol.hatch.spacing,
      size: 1,
    });
    styles.unshift(new Style({ fill: pattern, zIndex: symbol.order }));
  }
  return styles;
}

const vertexCache = new WeakMap<Polygon | MultiPolygon, { revision: number; points: MultiPoint }>();

const selectedStroke = new Style({ stroke: new Stroke({ color: '#00a2ff', width: 4 }), zIndex: 100 });
const vertexStyle = new Style({
  image: new Circle({
    radius: 4,
    fill: new Fill({ color: '#ffffff' }),
    stroke: new Stroke({ color: '#00a2ff', width: 2 }),
  }),
  geometry: (feature) => {
    const geometry = feature.getGeometry() as Polygon | MultiPolygon | undefined;
    if (!geometry) return undefined;
    // A 6 000-vertex zone is redrawn every frame while selected: build its vertices once per change.
    const cached = vertexCache.get(geometry);
    if (cached && cached.revision === geometry.getRevision()) return cached.points;
    const points = new MultiPoint(geometry.getFlatCoordinates(), geometry.getLayout());
    vertexCache.set(geometry, { revision: geometry.getRevision(), points });
    return points;
  },
  zIndex: 101,
});

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

/** A style function per zone type: symbol, optional hatch, selection highlight and label. */
export function zoneStyleFunction(zoneType: ZoneType, symbol: ZoneSymbol = DEFAULT_SYMBOLS[zoneType]) {
  // Built on the first draw: the hatch pattern is a canvas, made once per zone type and reused.
  let base: Style[] | null = null;
  const inside = zoneType === 'body';
  const labels = new Map<string, Style>();
  return (feature: FeatureLike, resolution: number): Style[] => {
    const styles = [...(base ??= baseStyles(symbol))];
    if (feature.get(SELECTED_PROPERTY)) styles.push(selectedStroke, vertexStyle);
    const text = feature.get(LABEL_PROPERTY) as string | undefined;
    // Labels only where a zone is large enough on screen to carry one (≈ below 20 m/pixel).
    if (text && resolution < 20) {
      let label = labels.get(text);
      if (!label) labels.set(text, (label = labelStyle(text, symbol, inside)));
      styles.push(label);
    }
    return styles;
  };
}
