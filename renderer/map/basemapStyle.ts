import type { FeatureLike } from 'ol/Feature';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { BasemapFile } from './basemapFiles';

const water = new Style({
  fill: new Fill({ color: '#b9d3e6' }),
  stroke: new Stroke({ color: '#8fb4d0', width: 1 }),
});
const land = new Style({
  fill: new Fill({ color: '#f3f1ea' }),
  stroke: new Stroke({ color: '#c9c2ad', width: 1 }),
});
const boundary = new Style({ stroke: new Stroke({ color: '#9a8f9e', width: 1.2, lineDash: [8, 3, 2, 3] }) });
const river = new Style({ stroke: new Stroke({ color: '#7fa9cc', width: 1.2 }) });
const road = new Style({ stroke: new Stroke({ color: '#c98a4a', width: 1.4 }) });
const street = new Style({ stroke: new Stroke({ color: '#b0a89a', width: 1 }) });

function placeStyle(name: string, approximate: boolean): Style {
  // A place whose position is only estimated is drawn hollow and says so.
  return new Style({
    image: new Circle({
      radius: 3,
      fill: new Fill({ color: approximate ? '#ffffff' : '#444444' }),
      stroke: new Stroke({ color: approximate ? '#444444' : '#ffffff', width: 1 }),
    }),
    text: new Text({
      text: name,
      font: '12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      offsetY: -10,
      fill: new Fill({ color: '#333' }),
      stroke: new Stroke({ color: '#ffffffcc', width: 3 }),
    }),
  });
}

/** Web Mercator zoom level of a resolution in metres per pixel. */
function zoomOf(resolution: number): number {
  return Math.log2(156_543.033_928 / resolution);
}

/** Styles by file and feature kind: land, water, boundaries, rivers, roads, places with names. */
export function basemapStyle(entry: BasemapFile) {
  const file = entry.file.toLowerCase();
  const places = new Map<string, Style>();
  return (feature: FeatureLike, resolution: number): Style | undefined => {
    const type = feature.getGeometry()?.getType();
    const kind = String(feature.get('kind') ?? feature.get('featurecla') ?? '').toLowerCase();
    if (type === 'Point' || type === 'MultiPoint') {
      const minZoom = feature.get('min_zoom') as number | undefined;
      if (minZoom !== undefined && zoomOf(resolution) < minZoom) return undefined;
      const approximate = feature.get('approximate') === true;
      const base = String(feature.get('name_zh') ?? feature.get('name') ?? feature.get('name_en') ?? '');
      const name = approximate ? `${base}（位置近似）` : base;
      let style = places.get(name);
      if (!style) places.set(name, (style = placeStyle(name, approximate)));
      return style;
    }
    if (file.includes('lake') || kind.includes('lake') || kind.includes('water')) return water;
    if (file.includes('river') || kind.includes('river')) return river;
    if (file.includes('road') || kind.includes('road')) return road;
    if (file.includes('street') || kind.includes('street')) return street;
    if (file.includes('boundar') || type === 'LineString' || type === 'MultiLineString') return boundary;
    return land;
  };
}
