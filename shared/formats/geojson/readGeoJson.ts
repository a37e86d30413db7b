import { z } from 'zod';
import { ZoneGeometrySchema, type ZoneGeometry } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import { describeIssues } from '../../domain/messages';
import { ObjectAttributesSchema, ProjectSettingsSchema, ZoneAttributesSchema } from '../../domain/schema';
import { polygonProblemMessage, validateGeometry } from '../../geometry/validatePolygon';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../projectDocument';
import { parseJson } from '../safeJson';
import { OBJECT_PROPERTIES, ZONE_PROPERTIES, coerce, setPath, type PropertyMapping } from './properties';
import { resolveZoneType } from './zoneTypeNames';

export interface GeoJsonImportResult {
  document: Pick<ProjectDocument, 'objects' | 'zones'> & { settings: ProjectDocument['settings'] | null };
  /** Features refused, each with its index in the file and the reason; none of them is imported. */
  rejected: InputProblem[];
  total: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const GEOGRAPHIC_CRS = /(CRS84|EPSG::?(4326|4490))$/i;

function readProperties(source: Json, mappings: readonly PropertyMapping[]): Json {
  const record: Json = {};
  for (const m of mappings) {
    if (!Object.prototype.hasOwnProperty.call(source, m.property)) continue;
    setPath(record, m.path, coerce(source[m.property], m.kind));
  }
  return record;
}

function issuesOf(error: z.ZodError, prefix: string, mappings: readonly PropertyMapping[]): Bilingual[] {
  const zh = describeIssues(error, 'zh');
  const en = describeIssues(error, 'en');
  const propertyOf = (path: string) => mappings.find((m) => m.path === `${prefix}${path}`)?.property ?? path;
  return zh.map((p, i) => ({
    zh: `属性 ${propertyOf(p.path)}：${p.message}`,
    en: `property ${propertyOf(p.path)}: ${en[i]?.message ?? p.message}`,
  }));
}

/** Check one feature; returns the zone and its object's record, or the reasons it is refused. */
function readFeature(
  value: unknown,
  stamp: string,
): { zone: Json; object: Json; geometry: ZoneGeometry } | Bilingual[] {
  if (!isObject(value) || value.type !== 'Feature')
    return [{ zh: '不是 GeoJSON 要素（Feature）', en: 'not a GeoJSON Feature' }];
  const geometry = ZoneGeometrySchema.safeParse(value.geometry);
  if (!geometry.success) {
    const type = isObject(value.geometry) ? String(value.geometry.type) : String(value.geometry);
    if (!['Polygon', 'MultiPolygon'].includes(type)) {
      return [
        {
          zh: `几何类型 ${type} 不是面（Polygon/MultiPolygon）`,
          en: `geometry type ${type} is not a Polygon or MultiPolygon`,
        },
      ];
    }
    return describeIssues(geometry.error, 'zh').map((p, i) => ({
      zh: `几何 ${p.path}：${p.message}`,
      en: `geometry ${p.path}: ${describeIssues(geometry.error, 'en')[i]?.message ?? p.message}`,
    }));
  }
  const problems = validateGeometry(geometry.data).errors;
  if (problems.length) return problems.slice(0, 3).map(polygonProblemMessage);
  const properties = isObject(value.properties) ? value.properties : {};
  const zone = readProperties(properties, ZONE_PROPERTIES);
  const zoneType = resolveZoneType(properties.zone_type);
  if (!zoneType) {
    return [
      {
        zh: `属性 zone_type 缺失或无法识别（${String(properties.zone_type ?? '')}）`,
        en: `property zone_type missing or unknown (${String(properties.zone_type ?? '')})`,
      },
    ];
  }
  setPath(zone, 'attributes.zoneType', zoneType);
  const object = readProperties(properties, OBJECT_PROPERTIES);
  const attributes = ZoneAttributesSchema.safeParse(zone.attributes ?? {});
  if (!attributes.success) return issuesOf(attributes.error, 'attributes.', ZONE_PROPERTIES);
  const objectAttributes = ObjectAttributesSchema.safeParse({
    objectType: 'relic_unit',
    ...(object.attributes as Json),
  });
  if (!objectAttributes.success) return issuesOf(objectAttributes.error, 'attributes.', OBJECT_PROPERTIES);
  const timestamps = (record: Json) => ({
    createdAt:
      typeof record.createdAt === 'string' && z.string().datetime().safeParse(record.createdAt).success
        ? record.createdAt
        : stamp,
    updatedAt:
      typeof record.updatedAt === 'string' && z.string().datetime().safeParse(record.updatedAt).success
        ? record.updatedAt
        : stamp,
  });
  return {
    zone: { ...zone, attributes: attributes.data, ...timestamps(zone) },
    object: { id: zone.objectId, attributes: objectAttributes.data, ...timestamps(object) },
    geometry: geometry.data,
  };
}

/**
 * Read zones from GeoJSON (RFC 7946, lon/lat). Every feature is checked on its own: refused ones
 * are listed with index and reason, the others form a complete document (objects grouped by
 * object_id, else by name and type). A file that is not GeoJSON at all is refused as a whole.
 */
export function readGeoJson(
  bytes: Uint8Array,
  fileName: string,
  progress: (f: number) => void = () => {},
): GeoJsonImportResult {
  const json = parseJson(bytes);
  if (!json.ok) throw new FormatError(fileName, [fileProblem('', json.reason)]);
  const root = json.value;
  if (!isObject(root) || (root.type !== 'FeatureCollection' && root.type !== 'Feature')) {
    throw new FormatError(fileName, [
      fileProblem('type', { zh: '不是 GeoJSON 要素集合', en: 'Not a GeoJSON FeatureCollection or Feature' }),
    ]);
  }
  const crsName =
    isObject(root.crs) && isObject(root.crs.properties) ? String(root.crs.properties.name ?? '') : '';
  if (crsName && !GEOGRAPHIC_CRS.test(crsName)) {
    throw new FormatError(fileName, [
      fileProblem('crs', {
        zh: `坐标系 ${crsName} 不是经纬度（RFC 7946 要求 WGS84/CGCS2000 经纬度）`,
        en: `CRS ${crsName} is not lon/lat (RFC 7946 requires WGS84/CGCS2000 lon/lat)`,
      }),
    ]);
  }
  const features = root.type === 'Feature' ? [root] : Array.isArray(root.features) ? root.features : null;
  if (!features)
    throw new FormatError(fileName, [
      fileProblem('features', { zh: '缺少 features 数组', en: 'The features array is missing' }),
    ]);

  const stamp = new Date().toISOString();
  const rejected: InputProblem[] = [];
  const objects = new Map<string, DocumentObject>();
  const zones: DocumentZone[] = [];
  features.forEach((value, index) => {
    if (index % 500 === 0) progress(index / Math.max(1, features.length));
    const result = readFeature(value, stamp);
    if (Array.isArray(result)) {
      for (const reason of result) rejected.push({ index, field: 'feature', reason });
      return;
    }
    const a = result.object.attributes as DocumentObject['attributes'];
    const key =
      typeof result.object.id === 'string' && result.object.id
        ? result.object.id
        : `name:${a.name}|${a.objectType}`;
    if (!objects.has(key)) {
      objects.set(key, {
        id: typeof result.object.id === 'string' && result.object.id ? result.object.id : crypto.randomUUID(),
        attributes: a,
        createdAt: result.object.createdAt as string,
        updatedAt: result.object.updatedAt as string,
      });
    }
    const zoneId =
      typeof result.zone.id === 'string' && result.zone.id ? result.zone.id : crypto.randomUUID();
    zones.push({
      id: zoneId,
      objectId: objects.get(key)!.id,
      attributes: result.zone.attributes as DocumentZone['attributes'],
      geometry: result.geometry,
      createdAt: result.zone.createdAt as string,
      updatedAt: result.zone.updatedAt as string,
    });
  });
  const hzw = isObject(root.hzw) ? root.hzw : null;
  const settings = hzw ? ProjectSettingsSchema.safeParse(hzw.project) : null;
  progress(1);
  return {
    document: { objects: [...objects.values()], zones, settings: settings?.success ? settings.data : null },
    rejected,
    total: features.length,
  };
}
