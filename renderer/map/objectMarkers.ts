import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { createEmpty, extend, getCenter, isEmpty } from 'ol/extent';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { ProtectedObject } from '../../shared/domain/schema';
import { toMapCoordinate } from './geometryConvert';
import type { ZoneLayers } from './zoneLayers';
import { OBJECT_PROPERTY } from './zoneLayers';

/** Below this zoom (metres per pixel) zones are specks: show each object as a named marker. */
export const OVERVIEW_RESOLUTION = 15;

function markerStyle(name: string): Style {
  return new Style({
    image: new Circle({
      radius: 5,
      fill: new Fill({ color: '#d01c1c' }),
      stroke: new Stroke({ color: '#fff', width: 1.5 }),
    }),
    text: new Text({
      text: name,
      font: '12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      offsetY: -12,
      fill: new Fill({ color: '#5a0000' }),
      stroke: new Stroke({ color: '#ffffffdd', width: 3 }),
    }),
  });
}

/** Protected objects as markers at overview scales, placed at their representative point. */
export class ObjectMarkers {
  private readonly source = new VectorSource();
  private readonly styles = new Map<string, Style>();
  private readonly byObject = new Map<string, Feature>();

  constructor(map: OlMap) {
    map.addLayer(
      new VectorLayer({
        source: this.source,
        minResolution: OVERVIEW_RESOLUTION,
        declutter: 'basemap',
        zIndex: 500,
        style: (feature) => {
          const name = String(feature.get('name'));
          let style = this.styles.get(name);
          if (!style) this.styles.set(name, (style = markerStyle(name)));
          return style;
        },
        properties: { name: 'objects:markers' },
      }),
    );
  }

  sync(objects: readonly ProtectedObject[], zones: ZoneLayers): void {
    const extents = new Map<string, number[]>();
    for (const source of zones.sources) {
      for (const feature of source.getFeatures()) {
        const id = feature.get(OBJECT_PROPERTY) as string;
        const extent = extents.get(id) ?? createEmpty();
        extend(extent, feature.getGeometry()!.getExtent());
        extents.set(id, extent);
      }
    }
    // Patched by object id: a marker that stays where it was, with the same name, is left alone,
    // so an edit does not rebuild (and re-declutter) 10 000 markers.
    const added: Feature[] = [];
    const kept = new Set<string>();
    for (const object of objects) {
      const point = object.attributes.representativePoint;
      const extent = extents.get(object.id);
      const at = point ? toMapCoordinate(point) : extent && !isEmpty(extent) ? getCenter(extent) : null;
      if (!at) continue;
      kept.add(object.id);
      const name = object.attributes.name;
      const feature = this.byObject.get(object.id);
      if (!feature) {
        const made = new Feature({ geometry: new Point(at), name });
        this.byObject.set(object.id, made);
        added.push(made);
        continue;
      }
      const [x, y] = (feature.getGeometry() as Point).getCoordinates() as [number, number];
      if (x !== at[0] || y !== at[1]) feature.setGeometry(new Point(at));
      if (feature.get('name') !== name) feature.set('name', name);
    }
    for (const [id, feature] of this.byObject)
      if (!kept.has(id)) {
        this.source.removeFeature(feature);
        this.byObject.delete(id);
      }
    if (added.length) this.source.addFeatures(added);
  }
}
