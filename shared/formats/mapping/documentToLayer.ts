import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import { isLonLat, transformLayer } from '../../crs/transformLayer';
import { ellipsoidalArea } from '../../geometry/area';
import { orientForRfc7946 } from '../../geometry/rings';
import { zoneProperties } from '../geojson/writeGeoJson';
import type { Layer, LayerFeature, LayerGeometry } from '../layer';
import type { ProjectDocument } from '../projectDocument';
import { PROFILES } from '../profiles/profiles';
import { padXzqdm } from '../profiles/lswhbhx';
import type { FullRecord } from '../profiles/types';
import type { LswhbhxOptions, ProfileId } from './types';

export interface DocumentToLayerOptions {
  profile: ProfileId;
  /** Zone types to include; null or absent for all. */
  zoneTypes?: readonly ZoneType[] | null;
  /** Target CRS; default lon/lat EPSG:4490. */
  epsg?: number;
  lswhbhx?: LswhbhxOptions;
  /** Layer name; default LSWHBHX for that profile, else the project name. */
  name?: string;
}

/**
 * The project's zones as one layer of the chosen field profile: one feature per zone, rings in
 * RFC 7946 order, areas ellipsoidal on CGCS2000; lon/lat EPSG:4490 unless `epsg` asks otherwise.
 */
export function documentToLayer(
  document: ProjectDocument,
  options: DocumentToLayerOptions,
  progress: (f: number) => void = () => {},
): { layer: Layer; warnings: Bilingual[] } {
  const profile = PROFILES[options.profile];
  const lswhbhx = options.lswhbhx ?? {};
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const wanted = options.zoneTypes ? new Set(options.zoneTypes) : null;
  const zones = document.zones.filter((z) => !wanted || wanted.has(z.attributes.zoneType));
  const features: LayerFeature[] = zones.map((zone, index) => {
    if (index % 200 === 0) progress((index / Math.max(1, zones.length)) * 0.8);
    const full = zoneProperties(zone, objects.get(zone.objectId)) as FullRecord;
    const properties = profile.write(full, {
      index,
      settings: document.settings,
      areaM2: ellipsoidalArea(zone.geometry),
      lswhbhx,
    });
    return { geometry: orientForRfc7946(zone.geometry) as LayerGeometry, properties };
  });
  const warnings: Bilingual[] = [];
  if (options.profile === 'lswhbhx' && !padXzqdm(lswhbhx.xzqdm || document.settings.xzqdm || '')) {
    const objectCodes = document.objects.some((o) => padXzqdm(o.attributes.xzqdm));
    if (!objectCodes)
      warnings.push({
        zh: '未设置行政区划代码：XZQDM 为空，BSM 以 000000 开头',
        en: 'No administrative code set: XZQDM is empty and BSM starts with 000000',
      });
  }
  const name = options.name ?? (options.profile === 'lswhbhx' ? 'LSWHBHX' : document.settings.name);
  let layer: Layer = { name, epsg: 4490, fields: profile.fields({ lswhbhx }), features };
  if (options.epsg !== undefined && !isLonLat(options.epsg)) layer = transformLayer(layer, options.epsg);
  else if (options.epsg !== undefined) layer = { ...layer, epsg: options.epsg };
  progress(1);
  return { layer, warnings };
}
