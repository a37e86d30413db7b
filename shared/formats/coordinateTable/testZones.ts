import type { ZoneGeometry } from '../../domain/geometry';
import {
  ObjectAttributesSchema,
  ZoneAttributesSchema,
  type ObjectAttributesInput,
  type ZoneAttributesInput,
} from '../../domain/schema';
import type { DocumentObject, DocumentZone } from '../projectDocument';

const T = '2026-01-01T00:00:00.000Z';

/** Test helpers: a zone and an object with schema defaults. */
export function testObject(id: string, attributes: Partial<ObjectAttributesInput> = {}): DocumentObject {
  return {
    id,
    attributes: ObjectAttributesSchema.parse({ name: '示例遗址', objectType: 'relic_unit', ...attributes }),
    createdAt: T,
    updatedAt: T,
  };
}

export function testZone(
  id: string,
  objectId: string,
  geometry: ZoneGeometry,
  attributes: Partial<ZoneAttributesInput> = {},
): DocumentZone {
  return {
    id,
    objectId,
    attributes: ZoneAttributesSchema.parse({ zoneType: 'protection_range', ...attributes }),
    geometry,
    createdAt: T,
    updatedAt: T,
  };
}

/**
 * The fixture of fixtures/wusu-square-hole.gbk.txt: a 0.004° × 0.003° square near Wusu with a
 * 0.001° square hole, both given counter-clockwise from their south-east / south-west corner so
 * that the writer must reorder and turn them.
 */
export const SQUARE_WITH_HOLE: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [84.6791, 44.4251],
      [84.6791, 44.4281],
      [84.6751, 44.4281],
      [84.6751, 44.4251],
      [84.6791, 44.4251],
    ],
    [
      [84.6766, 44.4261],
      [84.6776, 44.4261],
      [84.6776, 44.4271],
      [84.6766, 44.4271],
      [84.6766, 44.4261],
    ],
  ],
};
