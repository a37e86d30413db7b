import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import type { ZoneGeometry } from '../../domain/geometry';
import { isLonLat, roundLayer, transformLayer } from '../../crs/transformLayer';
import { ellipsoidalArea } from '../../geometry/area';
import { orientForRfc7946 } from '../../geometry/rings';
import { zoneProperties } from '../geojson/writeGeoJson';
import { createProperties, type Layer, type LayerFeature, type LayerGeometry } from '../layer';
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
  /** Round coordinates (in the target CRS) to this many decimals; default none. */
  decimals?: number;
}

/**
 * Each zone's geometry as the file will hold it (RFC 7946 rings, reprojected, rounded), and the
 * same in lon/lat for its area: areas are computed from what is written, so an area another tool
 * computes from the file matches MJ / area_m2 however coarse the rounding.
 */
function writtenGeometries(
  zones: readonly ProjectDocument['zones'][number][],
  epsg: number | undefined,
  decimals: number | undefined,
): { written: Layer; lonLat: Layer } {
  const features = zones.map((z) => ({
    geometry: orientForRfc7946(z.geometry) as LayerGeometry,
    properties: createProperties(),
  }));
  const source: Layer = { name: '', epsg: 4490, fields: [], features };
  const projected = epsg !== undefined && !isLonLat(epsg);
  let written = projected ? transformLayer(source, epsg) : { ...source, epsg: epsg ?? 4490 };
  if (decimals !== undefined) written = roundLayer(written, decimals);
  const lonLat = !projected ? written : decimals === undefined ? source : transformLayer(written, 4490);
  return { written, lonLat };
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
  const { written, lonLat } = writtenGeometries(zones, options.epsg, options.decimals);
  progress(0.3);
  const features: LayerFeature[] = zones.map((zone, index) => {
    if (index % 200 === 0) progress(0.3 + (index / Math.max(1, zones.length)) * 0.6);
    const asWritten = { ...zone, geometry: lonLat.features[index]!.geometry as ZoneGeometry };
    const full = zoneProperties(asWritten, objects.get(zone.objectId)) as FullRecord;
    const properties = profile.write(full, {
      index,
      settings: document.settings,
      areaM2: ellipsoidalArea(asWritten.geometry),
      lswhbhx,
    });
    return { geometry: written.features[index]!.geometry, properties };
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
  const layer: Layer = { name, epsg: written.epsg, fields: profile.fields({ lswhbhx }), features };
  progress(1);
  return { layer, warnings };
}
