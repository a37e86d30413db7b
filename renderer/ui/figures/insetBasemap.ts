import type { Position } from '../../../shared/domain/geometry';
import type { InsetBasemap } from '../../../shared/figures/inset';
import { fetchBasemapFiles } from '../../map/basemapFiles';

let pending: Promise<InsetBasemap> | null = null;

/** Province outlines of the bundled offline basemap, as lines for the location map. */
export function loadInsetBasemap(): Promise<InsetBasemap> {
  pending ??= fetchBasemapFiles().then((files) => {
    const provinces = files.find((f) => f.entry.file === 'china-provinces.geojson');
    const lines: Position[][] = [];
    if (!provinces) return { lines };
    const collection = JSON.parse(provinces.text) as {
      features: { geometry: { type: string; coordinates: unknown } | null }[];
    };
    for (const feature of collection.features) {
      const g = feature.geometry;
      if (g?.type === 'Polygon') lines.push(...(g.coordinates as Position[][]));
      else if (g?.type === 'MultiPolygon') lines.push(...(g.coordinates as Position[][][]).flat());
    }
    return { lines };
  });
  return pending;
}
