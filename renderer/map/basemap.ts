import type OlMap from 'ol/Map';
import GeoJSON from 'ol/format/GeoJSON';
import { SteadyGraticule } from './steadyGraticule';
import LayerGroup from 'ol/layer/Group';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Stroke, Text, Fill } from 'ol/style';
import { checkTileTemplate } from '../../shared/tiles/tileTemplate';
import { basemapStyle } from './basemapStyle';
import { fetchBasemapFiles } from './basemapFiles';

export interface BasemapSettings {
  url: string;
  enabled: boolean;
}

export interface Basemap {
  configure(settings: BasemapSettings): void;
}

/**
 * The offline basemap: bundled GeoJSON served from our own origin (no network), a lon/lat
 * graticule, and an optional online XYZ layer that stays off unless the planner configures it.
 */
export function createBasemap(map: OlMap, onReady: () => void): Basemap {
  const offline = new LayerGroup({ properties: { name: 'basemap:offline' }, zIndex: 0 });
  const graticule = new SteadyGraticule({
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

  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  // Ready = every offline file is loaded and the map has drawn once. Files are fetched eagerly (a
  // layer outside its zoom range would otherwise never load), then shown only at useful zooms.
  const load = async () => {
    const layers = (await fetchBasemapFiles()).map(
      ({ entry, text }) =>
        new VectorLayer({
          source: new VectorSource({ features: format.readFeatures(text), attributions: entry.attribution }),
          style: basemapStyle(entry),
          declutter: 'basemap',
          minZoom: entry.suggestedMinZoom !== undefined ? entry.suggestedMinZoom - 0.5 : undefined,
          maxZoom: entry.suggestedMaxZoom,
          properties: { name: `basemap:${entry.file}` },
        }),
    );
    for (const layer of layers) offline.getLayers().push(layer);
  };
  const ready = () => {
    map.once('rendercomplete', onReady);
    map.render();
  };
  load().then(ready, ready);

  return {
    configure({ url, enabled }) {
      // The same check as the settings form (https, or http on this machine; XYZ without a key).
      const on = enabled && checkTileTemplate(url, { keys: 'refuse' }).ok && !url.includes('{key}');
      if (on && (online.getSource() as XYZ | null)?.getUrls()?.[0] !== url) {
        online.setSource(new XYZ({ url, crossOrigin: 'anonymous', maxZoom: 19 }));
      }
      online.setVisible(on);
    },
  };
}
