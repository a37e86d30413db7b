import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import type { InputProblem } from '../formatError';
import type { CrsInfo, Layer, Properties } from '../layer';
import type { DocumentObject, DocumentZone } from '../projectDocument';
import { caseInsensitive } from '../profiles/full';
import { detectProfile } from '../profiles/profiles';
import { layerToLonLat } from './crsOfLayer';
import { layerMapping, valueKey } from './fieldMapping';
import { compileMapping, mapFeature } from './mapFeature';
import { readZone } from './readZone';
import type { ImportOptions, ImportProblem, ImportResult, LayerMapping, ProfileId } from './types';

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
  /** Per layer, in order: the field and value mapping used. */
  mappings: LayerMapping[];
}

/** Where CAD and KML adapters put a feature's layer or folder name. */
const CAD_LAYER_FIELDS = ['layer', 'folder'];

/** A zone type from the CAD layer or KML folder a feature lies on, when the planner mapped it. */
function cadZoneType(properties: Properties, layerName: string, o: ImportOptions): ZoneType | null {
  if (!o.cadLayerMapping) return null;
  const get = caseInsensitive(properties);
  for (const name of [...CAD_LAYER_FIELDS.map((f) => get(f)), layerName]) {
    const text = typeof name === 'string' ? name : '';
    if (text && Object.hasOwn(o.cadLayerMapping, text)) return o.cadLayerMapping[text]!;
  }
  return null;
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
 * lon/lat, its attributes mapped (field and value mapping: fieldMapping.ts, mapFeature.ts), each
 * feature checked on its own (values, geometry, zone type, attributes; the same rules and
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
  const mappings: LayerMapping[] = [];
  const mapped = new Set<string>();
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
      mappings.push(layerMapping(source.layer, 'full', options));
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
    const mapping = layerMapping(layer, profileId, options);
    mappings.push(mapping);
    const compiled = compileMapping(mapping, options);
    for (const { property } of compiled.pairs) mapped.add(property);
    if (compiled.lswhbhx) ['object_name', 'zone_type'].forEach((p) => mapped.add(p));
    const indices = sourceIndices(layer.features.length, source.problems);
    total += layer.features.length + refusedIndices.size;
    layer.features.forEach((feature, k) => {
      if (++done % 500 === 0) progress(done / Math.max(1, all));
      const index = indices[k]!;
      const { full, problems, classFromValue } = mapFeature(feature.properties, compiled);
      if (classFromValue) mapped.add('ccz_class');
      if (problems.length > 0) {
        for (const p of problems) rejected.push(tag({ index, field: p.field, reason: p.reason }));
        return;
      }
      if (valueKey(full.object_name) === '' && options.defaultObjectName)
        full.object_name = options.defaultObjectName;
      const cad = full.zone_type ? null : cadZoneType(feature.properties, layerName, options);
      if (cad) mapped.add('zone_type');
      const zoneType = (full.zone_type as ZoneType | undefined) ?? cad ?? options.defaultZoneType ?? null;
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
  const mappedProperties = [...mapped];
  return { document, rejected, total, profiles, warnings, crs, mappings, mappedProperties };
}
