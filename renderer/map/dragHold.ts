import type OlMap from 'ol/Map';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import type VectorLayer from 'ol/layer/Vector';
import { rubberBandOf } from './dragPicture';
import { holdStill, layerMarks, type Mark } from './stillMap';

/**
 * A vertex drag's still map (stillMap.ts): the map held while the pointer drags, the rubber bands
 * of the dragged zones (dragPicture.ts) and the tool's marks drawn above it. `onEnd` runs however
 * the hold ends — released, or a view change mid-drag — and lets the zones' layer draw the bands
 * again.
 */
export class DragHold {
  private release: (() => void) | null = null;

  constructor(
    private readonly map: OlMap,
    private readonly onEnd: () => void,
  ) {}

  /** Whether the map is held: the bands are drawn above it, not by the zones' layer. */
  get held(): boolean {
    return this.release !== null;
  }

  /** Hold the map for a drag of these zones; `markLayers` leave the map for the marks above it. */
  begin(dragged: () => Iterable<Polygon | MultiPolygon | undefined>, markLayers: VectorLayer[]): void {
    this.end();
    const release = holdStill(this.map, {
      hidden: markLayers,
      marks: (resolution) => [
        ...bands(dragged()),
        ...markLayers.flatMap((layer) => layerMarks(layer, resolution)),
      ],
      onRelease: () => {
        if (this.release === release) this.release = null;
        this.onEnd();
      },
    });
    this.release = release;
  }

  end(): void {
    this.release?.();
  }
}

function bands(geometries: Iterable<Polygon | MultiPolygon | undefined>): Mark[] {
  const found: Mark[] = [];
  for (const geometry of geometries) {
    const band = geometry && rubberBandOf(geometry);
    if (band) found.push(band);
  }
  return found;
}
