import type OlMap from 'ol/Map';
import GeoJSON from 'ol/format/GeoJSON';
import Graticule from 'ol/layer/Graticule';
import LayerGroup from 'ol/layer/Group';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Stroke, Text, Fill } from 'ol/style';
import { basemapStyle } from './basemapStyle';

export interface BasemapSettings {
  url: string;
  enabled: boolean;
}

export interface Basemap {
  configure(settings: BasemapSettings): void;
}

/** One entry of resources/public/basemap/manifest.json. */
export interface BasemapFile {
  file: string;
  title?: string;
  geometryType?: string;
  attribution?: string;
  minZoom?: number;
  maxZoom?: number;
}

const BASE = './basemap/';

/**
 * The offline basemap: bundled GeoJSON served from our own origin (no network), a lon/lat
 * graticule, and an optional online XYZ layer that stays off unless the planner configures it.
 */
export function createBasemap(map: OlMap, onReady: () => void): Basemap {
  const offline = new LayerGroup({ properties: { name: 'basemap:offline' }, zIndex: 0 });
  const graticule = new Graticule({
    strokeStyle: new Stroke({ color: '#6a7a6a33', width: 1, lineDash: [2, 4] }),
    showLabels: true,
    lonLabelStyle: new Text({
      font: '10px sans-serif',
      fill: new Fill({ color: '#56645a' }),
      textBaseline: 'bottom',
    }),
    latLabelStyle: new Text({
      font: '10px sans-serif',
      fill: new Fill({ color: '#56645a' }),
      textAlign: 'end',
    }),
    wrapX: false,
    zIndex: 1,
    properties: { name: 'basemap:graticule' },
  });
  const online = new TileLayer({ visible: false, zIndex: -1, properties: { name: 'basemap:online' } });
  map.addLayer(online);
  map.addLayer(offline);
  map.addLayer(graticule);

  let pending = 0;
  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  // Ready = the offline layers are loaded and drawn once; force a render so the event fires.
  const ready = () => {
    map.once('rendercomplete', onReady);
    map.render();
  };
  const done = () => {
    if (--pending === 0) ready();
  };
  fetch(`${BASE}manifest.json`)
    .then((response) =>
      response.ok ? (response.json() as Promise<{ files: BasemapFile[] }>) : { files: [] },
    )
    .then(({ files }) => {
      pending = files.length;
      if (pending === 0) ready();
      files.forEach((entry, i) => {
        const source = new VectorSource({
          format,
          url: `${BASE}${entry.file}`,
          attributions: entry.attribution,
        });
        source.once('featuresloadend', done);
        source.once('featuresloaderror', done);
        offline.getLayers().push(
          new VectorLayer({
            source,
            style: basemapStyle(entry),
            declutter: 'basemap',
            minZoom: entry.minZoom,
            maxZoom: entry.maxZoom,
            zIndex: i,
            properties: { name: `basemap:${entry.file}` },
          }),
        );
      });
    })
    .catch(ready);

  return {
    configure({ url, enabled }) {
      const on = enabled && url.startsWith('https://');
      if (on && (online.getSource() as XYZ | null)?.getUrls()?.[0] !== url) {
        online.setSource(new XYZ({ url, crossOrigin: 'anonymous', maxZoom: 19 }));
      }
      online.setVisible(on);
    },
  };
}
