import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import { resolveZoneType } from '../geojson/zoneTypeNames';
import type { InputProblem } from '../formatError';
import type { CrsInfo, Layer, Properties } from '../layer';
import type { DocumentObject, DocumentZone } from '../projectDocument';
import { caseInsensitive } from '../profiles/full';
import { PROFILES, detectProfile } from '../profiles/profiles';
import type { FullRecord } from '../profiles/types';
import { layerToLonLat } from './crsOfLayer';
import { readZone } from './readZone';
import type { ImportOptions, ImportProblem, ImportResult, ProfileId } from './types';

/** A layer as an adapter returned it, with the features it refused already (by index). */
export interface SourceLayer {
  layer: Layer;
  problems: InputProblem[];
}

export interface LayerImport extends ImportResult {
  /** Profile used per layer, in order. */
  profiles: ProfileId[];
  /** Warnings per layer, in order (a CRS taken from the size of the numbers, …). */
  warnings: Bilingual[][];
  /** Per layer, in order: how its CRS and axis order were decided (shared/crs/resolveCrs.ts); null for attribute tables. */
  crs: (CrsInfo | null)[];
}

/** Where CAD and KML adapters put a feature's layer or folder name. */
const CAD_LAYER_FIELDS = ['layer', 'folder'];

function zoneTypeOf(
  properties: Properties,
  full: FullRecord,
  layerName: string,
  o: ImportOptions,
): ZoneType | null {
  const get = caseInsensitive(properties);
  const raw = o.zoneTypeField ? get(o.zoneTypeField) : full.zone_type;
  const key = raw === null || raw === undefined ? '' : String(raw).trim();
  const byValue =
    key && o.zoneTypeByValue && Object.hasOwn(o.zoneTypeByValue, key) ? o.zoneTypeByValue[key] : undefined;
  const resolved = byValue ?? resolveZoneType(key);
  if (resolved) return resolved;
  if (o.cadLayerMapping) {
    for (const name of [...CAD_LAYER_FIELDS.map((f) => get(f)), layerName]) {
      const text = typeof name === 'string' ? name : '';
      if (text && Object.hasOwn(o.cadLayerMapping, text)) return o.cadLayerMapping[text]!;
    }
  }
  return o.defaultZoneType ?? null;
}

/** Indices in the source file of the features a layer kept (the adapter dropped refused ones). */
function sourceIndices(count: number, refused: readonly InputProblem[]): number[] {
  const skip = new Set(refused.map((p) => p.index).filter((i): i is number => i !== null));
  const out: number[] = [];
  for (let i = 0; out.length < count; i++) if (!skip.has(i)) out.push(i);
  return out;
}

/**
 * Layers of any format → zones and objects of the heritage schema. Each layer is brought to
 * lon/lat, each feature checked on its own (geometry, zone type, attributes; the same rules and
 * messages for every format); refused features are listed with layer, index and reason, the
 * others form a complete document. Objects are grouped by object_id, else by name and type.
 */
export function layerToImport(
  sources: readonly SourceLayer[],
  fileName: string,
  options: ImportOptions = {},
  progress: (f: number) => void = () => {},
): LayerImport {
  const stamp = new Date().toISOString();
  const rejected: ImportProblem[] = [];
  const objects = new Map<string, DocumentObject>();
  const zones: DocumentZone[] = [];
  const profiles: ProfileId[] = [];
  const warnings: Bilingual[][] = [];
  const crs: (CrsInfo | null)[] = [];
  const named = sources.length > 1;
  let total = 0;
  const all = sources.reduce((n, s) => n + s.layer.features.length, 0);
  let done = 0;
  for (const source of sources) {
    const layerName = source.layer.name;
    const tag = (p: InputProblem): ImportProblem => (named ? { ...p, layer: layerName } : p);
    for (const problem of source.problems) rejected.push(tag(problem)); // may be 100 000+
    if (source.layer.attributeTable) {
      warnings.push([
        {
          zh: `图层 ${layerName} 是属性表（${source.layer.features.length} 行），不是区划，未导入`,
          en: `Layer ${layerName} is an attribute table (${source.layer.features.length} rows), not zones; not imported`,
        },
      ]);
      crs.push(null);
      profiles.push('full');
      continue;
    }
    const refusedIndices = new Set(source.problems.map((p) => p.index).filter((i) => i !== null));
    const converted = layerToLonLat(source.layer, fileName, options);
    warnings.push(converted.warnings);
    crs.push(converted.crs);
    const layer = converted.layer;
    const profileId =
      !options.profile || options.profile === 'auto' ? detectProfile(layer.fields) : options.profile;
    profiles.push(profileId);
    const profile = PROFILES[profileId];
    const indices = sourceIndices(layer.features.length, source.problems);
    total += layer.features.length + refusedIndices.size;
    layer.features.forEach((feature, k) => {
      if (++done % 500 === 0) progress(done / Math.max(1, all));
      const index = indices[k]!;
      const full = profile.read(feature.properties);
      if (options.objectNameField) {
        const v = caseInsensitive(feature.properties)(options.objectNameField);
        if (v !== null && v !== undefined && String(v).trim()) full.object_name = String(v).trim();
      }
      if (
        (full.object_name === undefined || String(full.object_name).trim() === '') &&
        options.defaultObjectName
      )
        full.object_name = options.defaultObjectName;
      const zoneType = zoneTypeOf(feature.properties, full, layerName, options);
      const result = readZone(feature.geometry, full, zoneType, stamp);
      if (Array.isArray(result)) {
        for (const reason of result) rejected.push(tag({ index, field: 'feature', reason }));
        return;
      }
      const a = result.object.attributes as DocumentObject['attributes'];
      const ownId = typeof result.object.id === 'string' && result.object.id ? result.object.id : null;
      const key = ownId ?? `name:${a.name}|${a.objectType}`;
      if (!objects.has(key)) {
        objects.set(key, {
          id: ownId ?? crypto.randomUUID(),
          attributes: a,
          createdAt: result.object.createdAt as string,
          updatedAt: result.object.updatedAt as string,
        });
      }
      zones.push({
        id: typeof result.zone.id === 'string' && result.zone.id ? result.zone.id : crypto.randomUUID(),
        objectId: objects.get(key)!.id,
        attributes: result.zone.attributes as DocumentZone['attributes'],
        geometry: result.geometry,
        createdAt: result.zone.createdAt as string,
        updatedAt: result.zone.updatedAt as string,
      });
    });
  }
  progress(1);
  const document: ImportResult['document'] = { objects: [...objects.values()], zones, settings: null };
  return { document, rejected, total, profiles, warnings, crs };
}
