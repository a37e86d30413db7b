import type Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type Geometry from 'ol/geom/Geometry';
import type VectorLayer from 'ol/layer/Vector';
import { unByKey } from 'ol/Observable';
import { asString } from 'ol/color';
import type SimpleGeometry from 'ol/geom/SimpleGeometry';
import type { Style } from 'ol/style';
import RegularShape from 'ol/style/RegularShape';
import type Stroke from 'ol/style/Stroke';
import { ringEnds } from './geometryConvert';

/**
 * A map held still while a vertex is dragged, as QGIS's vertex tool does: the map keeps the
 * picture it drew as the drag began, and only the marks that move — the rubber band, the tool's
 * vertex marker, the snap marker — are drawn, as a few SVG elements above the map.
 *
 * Why: each frame the map draws, however little changed, repaints and hands the browser a new
 * copy of its full-window canvas (1400 × 900 px: 5 MB per frame on a software-drawn canvas), and
 * that copy and the layers' redraw were most of a drag's cost per pointer move. Renderer time per
 * move on the county bench's drag (one 6 000-vertex zone, alternated runs): 16.8 ms drawing the
 * map each frame, 11.0 ms with the marks as SVG paths; 11.6 ms with the marks on a small canvas
 * of their own (a canvas hands over a new bitmap each frame too), 15.5 ms with the point marks as
 * SVG images, 7.4 ms drawing no marks at all.
 *
 * While held, the map's own redraws wait (they are asked for again on release); a change of the
 * view or of the map's size releases the hold at once, so the map never shows a stale view.
 */
export interface Mark {
  geometry: Geometry;
  style: Style;
}

/** The marks a vector layer draws now: its features in their styles at this resolution. */
export function layerMarks(layer: VectorLayer, resolution: number): Mark[] {
  const marks: Mark[] = [];
  const layerStyle = layer.getStyleFunction();
  for (const feature of (layer.getSource()?.getFeatures() ?? []) as Feature[]) {
    const styleOf = feature.getStyleFunction() ?? layerStyle;
    const styles = styleOf?.(feature, resolution);
    for (const style of Array.isArray(styles) ? styles : styles ? [styles] : []) {
      const geometry = style.getGeometryFunction()(feature) as Geometry | undefined;
      if (geometry) marks.push({ geometry, style });
    }
  }
  return marks;
}

type Affine = [number, number, number, number, number, number];

/** The map-to-CSS-pixel transform of the map's last frame, read back from three points. */
function pixelTransform(map: OlMap): Affine | null {
  const [x, y] = map.getView().getCenter() ?? [];
  if (x === undefined || y === undefined) return null;
  const o = map.getPixelFromCoordinate([x, y]);
  const ex = map.getPixelFromCoordinate([x + 1, y]);
  const ey = map.getPixelFromCoordinate([x, y + 1]);
  if (!o || !ex || !ey) return null;
  const [a, b] = [ex[0]! - o[0]!, ex[1]! - o[1]!];
  const [c, d] = [ey[0]! - o[0]!, ey[1]! - o[1]!];
  return [a, b, c, d, o[0]! - a * x - c * y, o[1]! - b * x - d * y];
}

const SVG = 'http://www.w3.org/2000/svg';

/** Flat coordinate i of a geometry in CSS pixels, as SVG numbers. */
function pixelAt(t: Affine, flat: readonly number[], i: number): string {
  const x = t[0] * flat[i]! + t[2] * flat[i + 1]! + t[4];
  const y = t[1] * flat[i]! + t[3] * flat[i + 1]! + t[5];
  return `${x.toFixed(1)} ${y.toFixed(1)}`;
}

/**
 * A point symbol (OpenLayers' RegularShape, Circle among them) as SVG path data around the
 * origin, traced as RegularShape traces it on its canvas.
 */
function shapeData(shape: RegularShape): string {
  const radius = shape.getRadius();
  const points = shape.getPoints();
  if (points === Infinity)
    return `M${radius} 0A${radius} ${radius} 0 1 0 ${-radius} 0A${radius} ${radius} 0 1 0 ${radius} 0Z`;
  const radius2 = shape.getRadius2();
  const corners = radius2 === undefined ? points : 2 * points;
  const start = shape.getAngle() + shape.getRotation() - Math.PI / 2;
  let d = '';
  for (let i = 0; i < corners; i++) {
    const angle = start + (i * 2 * Math.PI) / corners;
    const r = i % 2 === 0 || radius2 === undefined ? radius : radius2;
    d += `${i === 0 ? 'M' : 'L'}${(r * Math.cos(angle)).toFixed(2)} ${(r * Math.sin(angle)).toFixed(2)}`;
  }
  return `${d}Z`;
}

const colour = (color: unknown): string =>
  typeof color === 'string' || Array.isArray(color) ? asString(color as string | number[]) : 'none';

/** The SVG path data of a geometry's lines (or rings), in CSS pixels. */
function pathData(geometry: SimpleGeometry, t: Affine): string {
  const flat = geometry.getFlatCoordinates();
  const stride = geometry.getStride();
  const closed = geometry.getType() === 'Polygon' || geometry.getType() === 'MultiPolygon';
  let d = '';
  let from = 0;
  for (const end of ringEnds(geometry)) {
    for (let i = from; i < end; i += stride) d += `${i === from ? 'M' : 'L'}${pixelAt(t, flat, i)}`;
    if (closed) d += 'Z';
    from = end;
  }
  return d;
}

function strokeAttributes(stroke: Stroke | null): Record<string, string> {
  if (!stroke) return { stroke: 'none' };
  return {
    stroke: colour(stroke.getColor()),
    'stroke-width': String(stroke.getWidth() ?? 1),
    'stroke-dasharray': stroke.getLineDash()?.join(' ') || 'none',
    'stroke-linecap': stroke.getLineCap() ?? 'round',
    'stroke-linejoin': stroke.getLineJoin() ?? 'round',
  };
}

/** The marks as SVG paths, reusing `into`'s paths (a drag keeps the same few). */
function drawMarks(into: SVGSVGElement, marks: readonly Mark[], t: Affine): void {
  let k = 0;
  const next = (attributes: Record<string, string>) => {
    const path =
      (into.children[k++] as SVGPathElement | undefined) ??
      into.appendChild(document.createElementNS(SVG, 'path'));
    for (const [name, value] of Object.entries(attributes))
      if (path.getAttribute(name) !== value) path.setAttribute(name, value);
  };
  for (const { geometry, style } of marks) {
    const simple = geometry as SimpleGeometry;
    const type = simple.getType();
    const image = style.getImage();
    if (type === 'Point' || type === 'MultiPoint') {
      // Point symbols are vector shapes here; the marks of our tools use no other kind.
      if (!(image instanceof RegularShape)) continue;
      const d = shapeData(image);
      const [sx, sy] = image.getScaleArray();
      const scale = sx === 1 && sy === 1 ? '' : ` scale(${sx} ${sy})`;
      const attributes = {
        fill: colour(image.getFill()?.getColor()),
        ...strokeAttributes(image.getStroke()),
      };
      const flat = simple.getFlatCoordinates();
      for (let i = 0; i < flat.length; i += simple.getStride())
        next({ d, transform: `translate(${pixelAt(t, flat, i)})${scale}`, ...attributes });
      continue;
    }
    const stroke = style.getStroke();
    if (stroke) next({ d: pathData(simple, t), fill: 'none', transform: '', ...strokeAttributes(stroke) });
  }
  while (into.children.length > k) into.lastElementChild!.remove();
}

/**
 * Hold the map still: `hidden` layers leave the map's picture (their features become marks),
 * and `marks` are drawn, in their order, whenever the map would have redrawn: lines in their
 * stroke, points in their image. Returns the release (null: this map cannot be held, and draws
 * as usual); `onRelease` runs however the hold ends (released, or the view changed).
 */
export function holdStill(
  map: OlMap,
  options: { hidden: VectorLayer[]; marks: (resolution: number) => Mark[]; onRelease?: () => void },
): (() => void) | null {
  const container = map.getOverlayContainer();
  // OpenLayers draws a frame in its (private) renderFrame_, called from the animation frame that
  // every map.render() asks for — layers and sources call render through references bound when
  // they were added, so render itself cannot be held. The hold takes the frame: while still,
  // the animation frame draws the marks instead of the map.
  const held = map as unknown as { renderFrame_?: (time: number) => void };
  const renderFrame = held.renderFrame_;
  if (!container || typeof renderFrame !== 'function') return null;
  const view = map.getView();
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'hzw-still-marks');
  svg.setAttribute('aria-hidden', 'true');
  Object.assign(svg.style, {
    position: 'absolute',
    inset: '0',
    width: '100%',
    height: '100%',
    overflow: 'visible',
    pointerEvents: 'none',
  });
  container.appendChild(svg);
  const wasVisible = options.hidden.map((layer) => layer.getVisible());
  for (const layer of options.hidden) layer.setVisible(false);

  // The map draws one more frame — its still picture, without the hidden layers — then waits.
  let still = false;
  const draw = () => {
    const transform = pixelTransform(map);
    const resolution = view.getResolution();
    if (transform && resolution !== undefined) drawMarks(svg, options.marks(resolution), transform);
  };
  held.renderFrame_ = (time: number) => {
    if (!still) renderFrame.call(map, time);
    draw();
  };
  const keys = [
    map.once('postrender', () => (still = true)),
    view.on('change', () => release()),
    map.on('change:size', () => release()),
  ];
  map.render();

  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    unByKey(keys);
    // The map's own frames again (the prototype's).
    delete held.renderFrame_;
    options.hidden.forEach((layer, i) => layer.setVisible(wasVisible[i]!));
    svg.remove();
    options.onRelease?.();
    map.render();
  }
  return release;
}
