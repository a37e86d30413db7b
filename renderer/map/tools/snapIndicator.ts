import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type { Coordinate } from 'ol/coordinate';
import type { SnapEvent } from 'ol/events/SnapEvent';
import type Geometry from 'ol/geom/Geometry';
import Point from 'ol/geom/Point';
import type SimpleGeometry from 'ol/geom/SimpleGeometry';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, RegularShape, Stroke, Style } from 'ol/style';

export type SnapKind = 'vertex' | 'edge' | 'intersection';

const COLOR = '#e600e6';
const stroke = new Stroke({ color: COLOR, width: 2 });
/** The marks QGIS and CAD users know: a square on a vertex, a diamond on an edge, an X on a crossing. */
const STYLES: Record<SnapKind, Style> = {
  vertex: new Style({ image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, stroke }) }),
  edge: new Style({
    image: new RegularShape({
      points: 4,
      radius: 7,
      angle: 0,
      stroke,
      fill: new Fill({ color: '#ffffff88' }),
    }),
  }),
  intersection: new Style({
    image: new RegularShape({ points: 4, radius: 9, radius2: 0, angle: Math.PI / 4, stroke }),
  }),
};

/**
 * What the snap found: Snap reports a segment for an edge and none for a vertex or a crossing;
 * a crossing is a snapped point that is not one of the feature's own vertices.
 */
export function snapKind(event: SnapEvent): SnapKind {
  if (event.segment && event.segment.length > 1) return 'edge';
  const geometry = event.feature.getGeometry() as Geometry | undefined;
  const flat = (geometry as SimpleGeometry | undefined)?.getFlatCoordinates?.() ?? [];
  const stride = (geometry as SimpleGeometry | undefined)?.getStride?.() ?? 2;
  const [x, y] = event.vertex;
  for (let i = 0; i < flat.length; i += stride) if (flat[i] === x && flat[i + 1] === y) return 'vertex';
  return 'intersection';
}

/**
 * The snap marker above everything, and the kind of snap on the map element (`data-snap`) for
 * assistive tools and tests.
 */
export class SnapIndicator {
  private readonly feature = new Feature<Point>();
  private kind: SnapKind | null = null;
  /**
   * The marker's layer (a vertex drag draws its features over the still map, stillMap.ts). One
   * feature: no spatial index to update as it follows the pointer on every move.
   */
  readonly layer = new VectorLayer({
    source: new VectorSource({ features: [this.feature], useSpatialIndex: false }),
    zIndex: 2000,
    properties: { name: 'snap-indicator' },
  });

  constructor(private readonly map: OlMap) {
    map.addLayer(this.layer);
  }

  show(at: Coordinate, kind: SnapKind): void {
    const point = this.feature.getGeometry();
    if (point) point.setCoordinates(at);
    else this.feature.setGeometry(new Point(at));
    // Style and attribute only when the kind changes: each change is work for OpenLayers or the page.
    if (kind === this.kind) return;
    this.kind = kind;
    this.feature.setStyle(STYLES[kind]);
    this.map.getTargetElement()?.setAttribute('data-snap', kind);
  }

  hide(): void {
    this.feature.setGeometry(undefined);
    this.kind = null;
    this.map.getTargetElement()?.removeAttribute('data-snap');
  }

  dispose(): void {
    this.hide();
    this.map.removeLayer(this.layer);
  }
}
