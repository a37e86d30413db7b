import { z } from 'zod';
import { ZoneGeometrySchema, type ZoneGeometry } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import { describeIssues } from '../../domain/messages';
import { typeName } from '../../domain/issueWording';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../domain/schema';
import type { ZoneType } from '../../domain/taxonomy';
import { polygonProblemMessage, validateGeometry } from '../../geometry/validatePolygon';
import {
  OBJECT_PROPERTIES,
  ZONE_PROPERTIES,
  coerce,
  setPath,
  type PropertyMapping,
} from '../geojson/properties';
import type { LayerGeometry } from '../layer';
import type { FullRecord } from '../profiles/types';

type Json = Record<string, unknown>;

export interface ReadZone {
  zone: Json;
  object: Json;
  geometry: ZoneGeometry;
}

function readProperties(source: FullRecord, mappings: readonly PropertyMapping[]): Json {
  const record: Json = {};
  for (const m of mappings) {
    if (!Object.prototype.hasOwnProperty.call(source, m.property)) continue;
    setPath(record, m.path, coerce(source[m.property], m.kind));
  }
  return record;
}

function issuesOf(
  error: z.ZodError,
  prefix: string,
  mappings: readonly PropertyMapping[],
  source: FullRecord,
): Bilingual[] {
  const zh = describeIssues(error, 'zh');
  const en = describeIssues(error, 'en');
  const mappingOf = (path: string) => mappings.find((m) => m.path === `${prefix}${path}`);
  return zh.map((p, i) => {
    const property = mappingOf(p.path)?.property ?? p.path;
    const raw = source[property];
    const issue = error.issues[i]!;
    // The file held a value of the wrong kind: quote it instead of saying it is missing.
    if (issue.code === 'invalid_type' && raw !== undefined && raw !== null && raw !== '') {
      const shown = JSON.stringify(raw).slice(0, 60);
      const type = typeName(issue.expected);
      return {
        zh: `属性 ${property}：值 ${shown} 不是${type.zh}，请改为${type.zh}或留空`,
        en: `property ${property}: the value ${shown} is not ${type.en}; enter ${type.en} or leave it empty`,
      };
    }
    return {
      zh: `属性 ${property}：${p.message}`,
      en: `property ${property}: ${en[i]?.message ?? p.message}`,
    };
  });
}

/** A lon/lat geometry checked like the GIS databases will, or the reasons it is refused. */
export function readZoneGeometry(value: LayerGeometry | null): ZoneGeometry | Bilingual[] {
  const parsed = ZoneGeometrySchema.safeParse(value);
  if (!parsed.success) {
    const type = value === null ? 'null' : String(value.type);
    if (!['Polygon', 'MultiPolygon'].includes(type)) {
      return [
        {
          zh: `几何类型 ${type} 不是面（Polygon/MultiPolygon）`,
          en: `geometry type ${type} is not a Polygon or MultiPolygon`,
        },
      ];
    }
    const en = describeIssues(parsed.error, 'en');
    return describeIssues(parsed.error, 'zh').map((p, i) => ({
      zh: `${p.place ?? `几何 ${p.path}`}：${p.message}`,
      en: `${en[i]?.place ?? `geometry ${p.path}`}: ${en[i]?.message ?? p.message}`,
    }));
  }
  const problems = validateGeometry(parsed.data).errors;
  return problems.length ? problems.slice(0, 3).map(polygonProblemMessage) : parsed.data;
}

const timestamps = (record: Json, stamp: string) => {
  const valid = (v: unknown): v is string =>
    typeof v === 'string' && z.string().datetime().safeParse(v).success;
  return {
    createdAt: valid(record.createdAt) ? record.createdAt : stamp,
    updatedAt: valid(record.updatedAt) ? record.updatedAt : stamp,
  };
};

/**
 * One feature into a zone and its object's record: the geometry (already lon/lat) and a full
 * record whose zone type has been resolved. Every reason for refusal is returned instead.
 */
export function readZone(
  geometryValue: LayerGeometry | null,
  full: FullRecord,
  zoneType: ZoneType | null,
  stamp: string,
): ReadZone | Bilingual[] {
  const geometry = readZoneGeometry(geometryValue);
  if (Array.isArray(geometry)) return geometry;
  const zone = readProperties(full, ZONE_PROPERTIES);
  if (!zoneType) {
    return [
      {
        zh: '属性 zone_type（区划类型）缺失：请指定区划类型字段，或选择无区划类型要素的类型',
        en: 'property zone_type (zone type) missing: map a field to the zone type or choose a type for untyped features',
      },
    ];
  }
  setPath(zone, 'attributes.zoneType', zoneType);
  const object = readProperties(full, OBJECT_PROPERTIES);
  const attributes = ZoneAttributesSchema.safeParse(zone.attributes ?? {});
  if (!attributes.success) return issuesOf(attributes.error, 'attributes.', ZONE_PROPERTIES, full);
  const objectAttributes = ObjectAttributesSchema.safeParse({
    objectType: 'relic_unit',
    ...(object.attributes as Json),
  });
  if (!objectAttributes.success)
    return issuesOf(objectAttributes.error, 'attributes.', OBJECT_PROPERTIES, full);
  return {
    zone: { ...zone, attributes: attributes.data, ...timestamps(zone, stamp) },
    object: { id: zone.objectId, attributes: objectAttributes.data, ...timestamps(object, stamp) },
    geometry,
  };
}
