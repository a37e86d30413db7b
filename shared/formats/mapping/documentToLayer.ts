import type { Bilingual } from '../../domain/labels';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../domain/taxonomy';
import type { ZoneGeometry } from '../../domain/geometry';
import { isLonLat, roundLayer, transformLayer } from '../../crs/transformLayer';
import { ellipsoidalArea } from '../../geometry/area';
import { piecesBsm } from './databaseBsm';
import { orientForRfc7946 } from '../../geometry/rings';
import { zoneProperties } from '../geojson/writeGeoJson';
import { createProperties, type Layer, type LayerFeature, type LayerGeometry } from '../layer';
import type { DocumentZone, ProjectDocument } from '../projectDocument';
import { PROFILES } from '../profiles/profiles';
import { databaseXzqmc, zoneXzqdm } from '../profiles/planningDatabase';
import type { FieldProfile, FullRecord } from '../profiles/types';
import type { LswhbhxOptions, ProfileId } from './types';

export interface DocumentToLayerOptions {
  profile: ProfileId;
  /** Zone types to include; null or absent for all (a database profile narrows them further). */
  zoneTypes?: readonly ZoneType[] | null;
  /** Target CRS; default lon/lat EPSG:4490. */
  epsg?: number;
  lswhbhx?: LswhbhxOptions;
  /** Layer name; default the profile's (LSWHBHX, ZXCQCSZX), else the project name. */
  name?: string;
  /** Round coordinates (in the target CRS) to this many decimals; default none. */
  decimals?: number;
}

/** Zones of one type a profile's layer does not hold, left out of the export. */
export interface OmittedZones {
  zoneType: ZoneType;
  count: number;
}

/** One feature to write: a zone, or one part of it when the profile writes single parts. */
interface Piece {
  zone: DocumentZone;
  geometry: ZoneGeometry;
}

/**
 * The zones the profile's layer holds (within the chosen types), and those it leaves out by type.
 */
export function profileZones(
  document: ProjectDocument,
  profile: FieldProfile,
  zoneTypes?: readonly ZoneType[] | null,
): { zones: DocumentZone[]; omitted: OmittedZones[] } {
  const wanted = zoneTypes ? new Set(zoneTypes) : null;
  const chosen = document.zones.filter((z) => !wanted || wanted.has(z.attributes.zoneType));
  const held = profile.zoneTypes ? new Set(profile.zoneTypes) : null;
  const omitted = new Map<ZoneType, number>();
  const zones = chosen.filter((z) => {
    if (!held || held.has(z.attributes.zoneType)) return true;
    omitted.set(z.attributes.zoneType, (omitted.get(z.attributes.zoneType) ?? 0) + 1);
    return false;
  });
  // In taxonomy order, so the message reads the same whatever order the zones are stored in.
  const inOrder = ZONE_TYPES.filter((t) => omitted.has(t));
  return { zones, omitted: inOrder.map((zoneType) => ({ zoneType, count: omitted.get(zoneType)! })) };
}

/** "LSWHBHX 不含以下区划，已略去：本体 3 个、城市紫线 1 个". */
export function omittedMessage(layer: string, omitted: readonly OmittedZones[]): Bilingual {
  const zh = omitted.map((o) => `${ZONE_TYPE_LABELS[o.zoneType].zh} ${o.count} 个`).join('、');
  const en = omitted.map((o) => `${o.count} ${ZONE_TYPE_LABELS[o.zoneType].en.toLowerCase()}`).join(', ');
  return {
    zh: `${layer} 不含以下区划，已略去：${zh}`,
    en: `${layer} does not hold these zones, left out: ${en}`,
  };
}

/** Each zone whole, or each polygon part of it as its own feature. */
function piecesOf(zones: readonly DocumentZone[], singlePart: boolean): Piece[] {
  return zones.flatMap((zone) =>
    singlePart && zone.geometry.type === 'MultiPolygon'
      ? zone.geometry.coordinates.map((rings) => ({
          zone,
          geometry: { type: 'Polygon', coordinates: rings } as ZoneGeometry,
        }))
      : [{ zone, geometry: zone.geometry }],
  );
}

/**
 * Each feature's geometry as the file will hold it (RFC 7946 rings, reprojected, rounded), and the
 * same in lon/lat for its area: areas are computed from what is written, so an area another tool
 * computes from the file matches MJ / area_m2 however coarse the rounding.
 */
function writtenGeometries(
  pieces: readonly Piece[],
  epsg: number | undefined,
  decimals: number | undefined,
): { written: Layer; lonLat: Layer } {
  const features = pieces.map((p) => ({
    geometry: orientForRfc7946(p.geometry) as LayerGeometry,
    properties: createProperties(),
  }));
  const source: Layer = { name: '', epsg: 4490, fields: [], features };
  const projected = epsg !== undefined && !isLonLat(epsg);
  let written = projected ? transformLayer(source, epsg) : { ...source, epsg: epsg ?? 4490 };
  if (decimals !== undefined) written = roundLayer(written, decimals);
  const lonLat = !projected ? written : decimals === undefined ? source : transformLayer(written, 4490);
  return { written, lonLat };
}

/** What a database layer would be refused for before any geometry is looked at. */
function codeWarnings(layer: string, missingXzqdm: number, xzqmc: string): Bilingual[] {
  const warnings: Bilingual[] = [];
  if (missingXzqdm > 0)
    warnings.push({
      zh: `${layer}：${missingXzqdm} 个要素无行政区划代码：XZQDM 为空，BSM 以 000000 开头（请在项目设置中填写）`,
      en: `${layer}: ${missingXzqdm} features have no administrative code: XZQDM is empty and BSM starts with 000000 (set it in the project settings)`,
    });
  if (!xzqmc)
    warnings.push({
      zh: `${layer}：未设置行政区名称，XZQMC 为空（请在项目设置中填写）`,
      en: `${layer}: no administrative area name set; XZQMC is empty (set it in the project settings)`,
    });
  return warnings;
}

/**
 * The project's zones as one layer of the chosen field profile: one feature per zone (per part
 * for single-part profiles), rings in RFC 7946 order, areas ellipsoidal on CGCS2000; lon/lat
 * EPSG:4490 unless `epsg` asks otherwise. Zone types the profile's layer does not hold are left
 * out, and a warning says how many of which.
 */
export function documentToLayer(
  document: ProjectDocument,
  options: DocumentToLayerOptions,
  progress: (f: number) => void = () => {},
): { layer: Layer; warnings: Bilingual[]; omitted: OmittedZones[] } {
  const profile = PROFILES[options.profile];
  const lswhbhx = options.lswhbhx ?? {};
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const { zones, omitted } = profileZones(document, profile, options.zoneTypes);
  const pieces = piecesOf(zones, profile.singlePart === true);
  const { written, lonLat } = writtenGeometries(pieces, options.epsg, options.decimals);
  progress(0.3);
  let missingXzqdm = 0;
  const fullOf = (piece: Piece, geometry: ZoneGeometry, areaM2?: number) =>
    zoneProperties({ ...piece.zone, geometry }, objects.get(piece.zone.objectId), areaM2) as FullRecord;
  const bsms = profile.layerName
    ? piecesBsm(
        pieces,
        // The county code does not depend on the area: 0 spares a geodesic area per zone here.
        (zone) =>
          (
            zoneXzqdm(fullOf({ zone, geometry: zone.geometry }, zone.geometry, 0), {
              settings: document.settings,
              lswhbhx,
            }) || '000000'
          ).slice(0, 6),
        lswhbhx.startSequence ?? 1,
      )
    : [];
  const features: LayerFeature[] = pieces.map((piece, index) => {
    if (index % 200 === 0) progress(0.3 + (index / Math.max(1, pieces.length)) * 0.6);
    const geometry = lonLat.features[index]!.geometry as ZoneGeometry;
    const areaM2 = ellipsoidalArea(geometry);
    const full = fullOf(piece, geometry, areaM2);
    const bsm = bsms[index];
    const context = {
      index,
      settings: document.settings,
      areaM2,
      lswhbhx,
      ...(bsm ? { bsm } : {}),
    };
    if (profile.layerName && !zoneXzqdm(full, context)) missingXzqdm++;
    return { geometry: written.features[index]!.geometry, properties: profile.write(full, context) };
  });
  const name = options.name ?? profile.layerName ?? document.settings.name;
  const warnings: Bilingual[] = [];
  if (omitted.length) warnings.push(omittedMessage(name, omitted));
  if (profile.layerName && pieces.length)
    warnings.push(
      ...codeWarnings(name, missingXzqdm, databaseXzqmc({ settings: document.settings, lswhbhx })),
    );
  const layer: Layer = { name, epsg: written.epsg, fields: profile.fields({ lswhbhx }), features };
  progress(1);
  return { layer, warnings, omitted };
}
