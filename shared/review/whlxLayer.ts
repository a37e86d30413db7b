import { isLonLat, roundLayer, transformLayer } from '../crs/transformLayer';
import { polygonsOf, type ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import type { ProjectSettingsInput } from '../domain/schema';
import { ZONE_TYPES, type ZoneType } from '../domain/taxonomy';
import { ellipsoidalArea } from '../geometry/area';
import { orientForRfc7946 } from '../geometry/rings';
import { zoneProperties } from '../formats/geojson/writeGeoJson';
import { createProperties, type Layer, type LayerFeature, type LayerGeometry } from '../formats/layer';
import { omittedMessage, type OmittedZones } from '../formats/mapping/documentToLayer';
import { defaultDecimals } from '../formats/mapping/exportDefaults';
import type { LswhbhxOptions, WriteExportOutput } from '../formats/mapping/types';
import { writeLayers } from '../formats/mapping/writeLayers';
import { DATABASE_LAYER_OF, type DatabaseLayer } from '../formats/profiles/planningDatabase';
import type { FullRecord } from '../formats/profiles/types';
import {
  WHLX_LAYER_NAMES,
  whbhOf,
  whlxFields,
  writeWhlxFields,
  type WhbhMode,
} from '../formats/profiles/whlx';
import type { CompareState } from './compare';
import type { ChangeLayerOptions, CompareResult } from './compareTypes';
import type { ProjectDocument } from '../formats/projectDocument';
import { whlxChanges, type WhlxChange } from './whlxChanges';

export interface WhlxLayerOptions {
  lswhbhx?: LswhbhxOptions;
  whbh?: WhbhMode;
  /** Layer names by database layer; default WHLX_LAYER_NAMES. */
  layerNames?: Partial<Record<DatabaseLayer, string>>;
  settings: ProjectSettingsInput;
  /** Target CRS, default lon/lat EPSG:4490. */
  epsg?: number;
  /** Round coordinates in the target CRS; default none. */
  decimals?: number;
  /** WHLY edited by the user, by change key. */
  reasons?: Readonly<Record<string, string>>;
  /** Prefix of WHBH numbers when `whbh` is not given; default this year. */
  year?: number;
}

/** One written feature: one polygon part of one change. */
interface Piece {
  change: WhlxChange;
  geometry: ZoneGeometry;
}

function piecesOf(changes: readonly WhlxChange[]): Piece[] {
  return changes.flatMap((change) =>
    polygonsOf(change.geometry).map((rings) => ({
      change,
      geometry: orientForRfc7946({ type: 'Polygon', coordinates: rings }),
    })),
  );
}

/** Reprojected and rounded as the file holds it, and the same in lon/lat for MJ. */
function written(pieces: readonly Piece[], epsg: number, decimals: number | undefined) {
  const source: Layer = {
    name: '',
    epsg: 4490,
    fields: [],
    features: pieces.map((p) => ({ geometry: p.geometry as LayerGeometry, properties: createProperties() })),
  };
  const projected = !isLonLat(epsg);
  let out = projected ? transformLayer(source, epsg) : { ...source, epsg };
  if (decimals !== undefined) out = roundLayer(out, decimals);
  const lonLat = !projected ? out : decimals === undefined ? source : transformLayer(out, 4490);
  return { out, lonLat };
}

/**
 * The change layers (one per database layer with changes: LSWHBHXBG, ZXCQCSZXBG by default), one
 * feature per polygon part, fields of whlx.ts: the database layer's eight filled from the zone and
 * its object (MJ the ellipsoidal area of the part as written), WHLX, WHLY (edited or default),
 * WHBH (sequence or fixed text). Changes of zone types no database layer holds are left out and
 * counted in a warning.
 */
export function whlxLayers(
  changes: readonly WhlxChange[],
  a: CompareState,
  b: CompareState,
  options: WhlxLayerOptions,
): { layers: Layer[]; warnings: Bilingual[] } {
  const zones = new Map([...a.zones, ...b.zones].map((z) => [z.id, z]));
  const objects = new Map([...a.objects, ...b.objects].map((o) => [o.id, o]));
  const lswhbhx = options.lswhbhx ?? {};
  const whbh = options.whbh ?? { mode: 'sequence', prefix: String(options.year ?? new Date().getFullYear()) };
  const epsg = options.epsg ?? 4490;
  const omitted = new Map<ZoneType, number>();
  const byLayer = new Map<DatabaseLayer, WhlxChange[]>();
  for (const change of changes) {
    const layer = DATABASE_LAYER_OF[change.zoneType].layer;
    if (!layer) omitted.set(change.zoneType, (omitted.get(change.zoneType) ?? 0) + 1);
    else byLayer.set(layer, [...(byLayer.get(layer) ?? []), change]);
  }
  let number = 0;
  const layers: Layer[] = [];
  for (const [layer, list] of byLayer) {
    const pieces = piecesOf(list);
    const { out, lonLat } = written(pieces, epsg, options.decimals);
    const features: LayerFeature[] = pieces.map((piece, index) => {
      const geometry = lonLat.features[index]!.geometry as ZoneGeometry;
      const areaM2 = ellipsoidalArea(geometry);
      const zone = zones.get(piece.change.zoneId)!;
      const full = zoneProperties({ ...zone, geometry }, objects.get(zone.objectId), areaM2) as FullRecord;
      const bsm = piece.change.bsm.trim();
      const context = { index, settings: options.settings, areaM2, lswhbhx, ...(bsm ? { bsm } : {}) };
      const whly = options.reasons?.[piece.change.key] ?? piece.change.whly;
      const properties = writeWhlxFields(full, context, layer, {
        whlx: piece.change.whlx,
        whly,
        whbh: whbhOf(whbh, ++number),
      });
      return { geometry: out.features[index]!.geometry, properties };
    });
    const name = options.layerNames?.[layer] ?? WHLX_LAYER_NAMES[layer];
    layers.push({ name, epsg: out.epsg, fields: whlxFields(lswhbhx), features });
  }
  const warnings: Bilingual[] = [];
  const left: OmittedZones[] = ZONE_TYPES.filter((t) => omitted.has(t)).map((zoneType) => ({
    zoneType,
    count: omitted.get(zoneType)!,
  }));
  if (left.length) warnings.push(omittedMessage(layers[0]?.name ?? WHLX_LAYER_NAMES.LSWHBHX, left));
  return { layers, warnings };
}

export type ChangeLayerFormat = ChangeLayerOptions['format'];

export interface WriteChangeLayerInput {
  result: CompareResult;
  a: ProjectDocument;
  b: ProjectDocument;
  /** `zip`: pack a shapefile set into one .zip (default true, the app saves one file). */
  options: ChangeLayerOptions & { zip?: boolean };
}

/**
 * The `writeChangeLayer` job: the change layers of a comparison in one format. GeoJSON is RFC 7946
 * lon/lat (EPSG:4490, 7 decimals) whatever CRS was asked; Shapefile text is GBK with a .cpg unless
 * UTF-8 is chosen. Codes (XZQDM, XZQMC) come from state B's project settings. Nothing changed
 * gives an empty LSWHBHXBG layer rather than no file.
 */
export async function writeChangeLayer(
  input: WriteChangeLayerInput,
  progress: (fraction: number) => void = () => {},
): Promise<WriteExportOutput> {
  const o = input.options;
  const epsg = o.format === 'geojson' ? 4490 : o.epsg;
  const decimals = defaultDecimals(o.format, epsg);
  const changes = whlxChanges(input.result, input.a, input.b, o.geometryChange);
  progress(0.2);
  const { layers, warnings } = whlxLayers(changes, input.a, input.b, {
    settings: input.b.settings,
    epsg,
    decimals,
    whbh: o.whbh,
    ...(o.reasons ? { reasons: o.reasons } : {}),
    ...(o.lswhbhx ? { lswhbhx: o.lswhbhx } : {}),
  });
  progress(0.6);
  const out = layers.length
    ? layers
    : [{ name: WHLX_LAYER_NAMES.LSWHBHX, epsg, fields: whlxFields(o.lswhbhx), features: [] }];
  // A shapefile set keeps the layer's name (LSWHBHXBG.shp), as the database expects, in <baseName>.zip.
  const shapefile = o.format === 'shapefile';
  const result = await writeLayers(out, o.format, {
    encoding: o.encoding ?? 'gbk',
    epsg,
    baseName: shapefile ? out[0]!.name : o.baseName,
    zip: o.zip ?? true,
    zipBaseName: o.baseName,
  });
  progress(1);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}
