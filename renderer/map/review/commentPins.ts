import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { CommentPin, CommentStatus } from '../../../shared/review/model';
import { toMapCoordinate } from '../geometryConvert';

/** Colour by status: open stands out, resolved recedes, won't-fix greys. */
export const PIN_COLOURS: Record<CommentStatus, string> = {
  open: '#e8590c',
  resolved: '#2b8a3e',
  wontfix: '#868e96',
};

const styles = new Map<string, Style>();
function pinStyle(pin: CommentPin): Style {
  const key = `${pin.status}|${pin.conflict}|${pin.selected}|${pin.number}`;
  let style = styles.get(key);
  if (!style) {
    style = new Style({
      image: new Circle({
        radius: pin.selected ? 12 : 10,
        fill: new Fill({ color: PIN_COLOURS[pin.status] }),
        // A conflict rings the pin in magenta; the selected thread's pin is ringed in black.
        stroke: new Stroke({
          color: pin.conflict ? '#c2255c' : pin.selected ? '#000000' : '#ffffff',
          width: pin.conflict || pin.selected ? 3 : 2,
        }),
      }),
      // Drawn on the canvas: the number, never the comment's text, so nothing is parsed as markup.
      text: new Text({
        text: String(pin.number),
        font: 'bold 11px sans-serif',
        fill: new Fill({ color: '#ffffff' }),
      }),
      zIndex: pin.selected ? 2 : 1,
    });
    styles.set(key, style);
  }
  return style;
}

const ROLE = 'hzwRole';
const PINS = 'commentPins';

/** The thread whose pin is under a pixel of this map (within its radius), or null. */
export function commentPinAt(map: OlMap, pixel: number[]): string | null {
  const id = map.forEachFeatureAtPixel(pixel, (feature) => feature.getId(), {
    layerFilter: (layer) => layer.get(ROLE) === PINS,
    hitTolerance: 2,
  });
  return id === undefined ? null : String(id);
}

/**
 * The comment pins: one layer above the zones and below the query pin (zIndex 1050). The map
 * element carries `data-comment-pins` with how many are shown (for tests, like `data-zones`).
 */
export class CommentPins {
  private readonly source = new VectorSource();
  private readonly layer = new VectorLayer({
    source: this.source,
    zIndex: 1050,
    properties: { [ROLE]: PINS },
  });

  constructor(
    private readonly map: OlMap,
    private readonly target: HTMLElement,
  ) {
    map.addLayer(this.layer);
    this.target.dataset.commentPins = '0';
  }

  set(pins: readonly CommentPin[]): void {
    this.source.clear();
    const features = pins.map((pin) => {
      const feature = new Feature(new Point(toMapCoordinate(pin.at)));
      feature.setId(pin.threadId);
      feature.setStyle(pinStyle(pin));
      return feature;
    });
    this.source.addFeatures(features);
    this.target.dataset.commentPins = String(features.length);
  }

  dispose(): void {
    this.map.removeLayer(this.layer);
    delete this.target.dataset.commentPins;
  }
}
