import type OlMap from 'ol/Map';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import type VectorLayer from 'ol/layer/Vector';
import { DragHold } from './dragHold';
import type { EditingMode } from './zoneStyles';

/**
 * The zones a gesture is editing: they keep the tool's geometry until it ends, and are drawn as
 * the gesture needs (zoneStyles.ts `editedZoneStyle`). A vertex drag holds the map still meanwhile
 * (dragHold.ts); `onHoldEnd` runs however the hold ends, so the zones' layer draws the band again.
 */
export class ZoneGesture {
  private frozen = new Set<string>();
  /** Whether the gesture drags a vertex of the frozen zones. */
  private vertexDrag = false;
  private readonly hold: DragHold;

  constructor(
    map: OlMap,
    private readonly geometryOf: (id: string) => Polygon | MultiPolygon | undefined,
    onHoldEnd: () => void,
  ) {
    this.hold = new DragHold(map, onHoldEnd);
  }

  /** Whether a gesture is editing this zone. */
  has(id: string): boolean {
    return this.frozen.has(id);
  }

  /** How a zone is drawn now: not edited, edited, its vertex dragged, or dragged over a held map. */
  mode(id: string): EditingMode {
    return this.frozen.has(id) && (!this.vertexDrag ? 'gesture' : this.hold.held ? 'held' : 'vertexDrag');
  }

  /**
   * Begin editing these zones. `vertexDrag`: a vertex is dragged, and the map is held still with
   * the band and the features of the tool's `marks` layers drawn above it.
   */
  begin(ids: Iterable<string>, vertexDrag?: { marks: VectorLayer[] }): void {
    this.hold.end();
    this.frozen = new Set(ids);
    this.vertexDrag = Boolean(vertexDrag);
    if (!vertexDrag) return;
    this.hold.begin(() => [...this.frozen].map(this.geometryOf), vertexDrag.marks);
  }

  /** The map draws again (the pointer is up, or the gesture has ended). */
  releaseHold(): void {
    this.hold.end();
  }

  /** The gesture's zones, no longer edited (the hold is released by the caller, after it redraws). */
  end(): string[] {
    const ended = [...this.frozen];
    this.frozen.clear();
    return ended;
  }
}
