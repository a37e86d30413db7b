import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import { pointQueryState } from './tools/pointQueryTool';
import { toMapCoordinate } from './geometryConvert';

const PIN_STYLE = new Style({
  image: new Circle({
    radius: 8,
    fill: new Fill({ color: '#d0021b' }),
    stroke: new Stroke({ color: '#ffffff', width: 2.5 }),
  }),
});

/**
 * The pin of "what applies here": a marker at the queried point while the panel shows its answer.
 * Follows the query state the tool and the panel share. Returns the function that removes it.
 */
export function addQueryPin(map: OlMap): () => void {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: PIN_STYLE, zIndex: 1100 });
  map.addLayer(layer);
  const show = () => {
    const { point } = pointQueryState.get();
    source.clear();
    if (point) source.addFeature(new Feature(new Point(toMapCoordinate(point))));
  };
  show();
  const unsubscribe = pointQueryState.subscribe(show);
  return () => {
    unsubscribe();
    map.removeLayer(layer);
  };
}
