import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { Circle, Fill, Stroke, type Style } from 'ol/style';
import { pictureStyle, type Paint } from './pictureStyle';
import { SELECTED_OUTLINE } from './zonePaint';

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
  stroke: new Stroke({ color: SELECTED_OUTLINE.color, width: 2 }),
});

/** Vertices closer than this on screen are drawn as one (a 6 000-vertex boundary stays legible). */
export const VERTEX_SPACING_PX = 4;

/** How far a handle reaches beyond its vertex, in pixels (radius and stroke). */
const HANDLE_REACH_PX = 6;

/** Each handle as one copy of the handle's picture. */
function painter(kept: number[]): Paint {
  return (context, toPixel, pixelRatio) => {
    const image = handleImage.getImage(pixelRatio);
    const [ax, ay] = handleImage.getAnchor() as [number, number];
    const [dx, dy] = [ax * pixelRatio, ay * pixelRatio];
    for (let i = 0; i < kept.length; i += 2) {
      const [x, y] = toPixel(kept[i]!, kept[i + 1]!);
      context.drawImage(image, Math.round(x - dx), Math.round(y - dy));
    }
  };
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
  const style = pictureStyle(geometry.getExtent(), HANDLE_REACH_PX, painter(kept), 101);
  cache.set(geometry, { revision: geometry.getRevision(), resolution, style });
  return style;
}
