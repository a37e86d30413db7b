import MultiPoint from 'ol/geom/MultiPoint';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { createCanvasContext2D } from 'ol/dom';
import type { State } from 'ol/render';
import { Circle, Fill, Stroke, Style } from 'ol/style';

/**
 * The vertex handles of a selected zone. A 6 000-vertex boundary has thousands of handles on
 * screen; drawn one by one they cost most of a drag's frame in a software-drawn canvas. So:
 * - at most one handle per few pixels along the outline;
 * - the handles are drawn once into a picture, and each frame at the same view copies the picture;
 * - while a gesture changes the zone they stay where the vertices were when it began (as in QGIS:
 *   the moving vertex is the tool's own marker at the pointer), so the picture holds for the whole
 *   drag and is rebuilt only when the view moves or the gesture ends.
 */
const handleImage = new Circle({
  radius: 4,
  fill: new Fill({ color: '#ffffff' }),
  stroke: new Stroke({ color: '#00a2ff', width: 2 }),
});

/** Vertices closer than this on screen are drawn as one (a 6 000-vertex boundary stays legible). */
export const VERTEX_SPACING_PX = 4;

type Pixels = [number, number][];
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function drawEach(context: Context, pixels: Pixels, pixelRatio: number, offsetX = 0, offsetY = 0): void {
  const image = handleImage.getImage(pixelRatio);
  const [ax, ay] = handleImage.getAnchor() as [number, number];
  const dx = ax * pixelRatio + offsetX;
  const dy = ay * pixelRatio + offsetY;
  for (const [x, y] of pixels) context.drawImage(image, Math.round(x - dx), Math.round(y - dy));
}

/** Same handles, same pixels: the first, middle and last handle did not move and none was added. */
function sameView(a: Pixels, b: Pixels): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  for (const i of [0, a.length >> 1, a.length - 1]) {
    if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  }
  return true;
}

/** Counts pictures drawn handle by handle (tests: a drag must not redraw them per move). */
export const handleStats = { pictures: 0 };

/** A renderer that keeps its handles' last picture and copies it while the view stays. */
function handleRenderer() {
  let picture: { context: Context; pixels: Pixels; size: string; x: number; y: number } | null = null;
  return (coordinates: unknown, state: State): void => {
    const pixels = coordinates as Pixels;
    const { context, pixelRatio } = state;
    const { width: w, height: h } = context.canvas;
    const size = `${w},${h},${pixelRatio}`;
    if (!picture || picture.size !== size || !sameView(picture.pixels, pixels)) {
      // Only the handles on the canvas (zoomed in, a zone reaches far beyond the window).
      const margin = Math.ceil(handleImage.getSize()[0]! * pixelRatio);
      const shown = pixels.filter(
        ([px, py]) => px > -margin && py > -margin && px < w + margin && py < h + margin,
      );
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [px, py] of shown) {
        minX = Math.min(minX, px);
        minY = Math.min(minY, py);
        maxX = Math.max(maxX, px);
        maxY = Math.max(maxY, py);
      }
      const x = Math.floor(minX) - margin;
      const y = Math.floor(minY) - margin;
      const width = shown.length > 0 ? Math.ceil(maxX) + margin - x : 0;
      const height = shown.length > 0 ? Math.ceil(maxY) + margin - y : 0;
      const target = picture?.context ?? createCanvasContext2D(Math.max(width, 1), Math.max(height, 1));
      if (target.canvas.width !== width || target.canvas.height !== height) {
        target.canvas.width = width;
        target.canvas.height = height;
      } else {
        target.clearRect(0, 0, width, height);
      }
      drawEach(target, shown, pixelRatio, x, y);
      handleStats.pictures++;
      // The coordinates array is OpenLayers' own, reused between frames: keep a copy.
      picture = { context: target, pixels: pixels.map(([px, py]) => [px, py]), size, x, y };
    }
    if (picture.context.canvas.width > 0 && picture.context.canvas.height > 0) {
      context.drawImage(picture.context.canvas, picture.x, picture.y);
    }
  };
}

/** Hit detection draws into its own small canvas: each handle directly, no picture. */
function hitRenderer(coordinates: unknown, state: State): void {
  drawEach(state.context, coordinates as Pixels, state.pixelRatio);
}

const cache = new WeakMap<Polygon | MultiPolygon, { revision: number; resolution: number; style: Style }>();

/**
 * The handles style of a zone's geometry at a resolution, built once per geometry change. With
 * `keep` (a gesture is changing the geometry) the handles of the geometry as it was are kept.
 */
export function vertexHandles(geometry: Polygon | MultiPolygon, resolution: number, keep = false): Style {
  const cached = cache.get(geometry);
  if (cached && cached.resolution === resolution && (keep || cached.revision === geometry.getRevision())) {
    return cached.style;
  }
  const flat = geometry.getFlatCoordinates();
  const stride = geometry.getStride();
  const min2 = (VERTEX_SPACING_PX * resolution) ** 2;
  const kept: number[] = [];
  let lx = Infinity;
  let ly = Infinity;
  for (let i = 0; i < flat.length; i += stride) {
    const x = flat[i]!;
    const y = flat[i + 1]!;
    if ((x - lx) ** 2 + (y - ly) ** 2 < min2) continue;
    kept.push(x, y);
    lx = x;
    ly = y;
  }
  const style = new Style({
    geometry: new MultiPoint(kept, 'XY'),
    renderer: handleRenderer(),
    hitDetectionRenderer: hitRenderer,
    zIndex: 101,
  });
  cache.set(geometry, { revision: geometry.getRevision(), resolution, style });
  return style;
}
