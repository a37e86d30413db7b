import { describe, expect, it } from 'vitest';
import { ProtectedObjectSchema, ZoneSchema } from '../../shared/domain/schema';
import { squareAround } from '../testing/memoryStore';
import { labelOf } from './zoneLabelText';

const object = ProtectedObjectSchema.parse({
  id: 'o',
  projectId: 'p',
  attributes: { name: '古城墙', objectType: 'relic_unit', officialCode: '6542020001' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const zone = ZoneSchema.parse({
  id: 'z',
  projectId: 'p',
  objectId: 'o',
  attributes: { zoneType: 'construction_control_zone', subZoneNo: 2 },
  geometry: squareAround(84.6, 44.4),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('zone labels by the chosen field', () => {
  it('labels by object and type, object, official code, type, or not at all', () => {
    expect(labelOf(zone, object, 'zh', 'name')).toBe('古城墙\n建设控制地带 2');
    expect(labelOf(zone, object, 'zh', 'objectName')).toBe('古城墙');
    expect(labelOf(zone, object, 'zh', 'code')).toBe('6542020001');
    expect(labelOf(zone, object, 'en', 'zoneType')).toBe('Construction-control zone 2');
    expect(labelOf(zone, object, 'zh', null)).toBe('');
    // Without an official code the zone still says what it is.
    const unnamed = { ...object, attributes: { ...object.attributes, officialCode: '' } };
    expect(labelOf(zone, unnamed, 'zh', 'code')).toBe('建设控制地带 2');
  });
});
