import { describe, expect, it } from 'vitest';
import { fromGaussKruger } from '../crs/gaussKruger';
import { FixtureBuilder, rect } from '../checks/fixtures/checkFixture';
import { pointQuery } from './pointQuery';
import { packReferenceLayer } from './overlapsReferenceLayer';
import { GK_ZONE, overlapFixture } from './fixtures/overlapFixture';

describe('what applies here', () => {
  const b = new FixtureBuilder();
  b.object('a');
  b.object('b');
  b.polygon('a', 'a-ccz', rect(0, 0, 200, 200), 0, {
    zoneType: 'construction_control_zone',
    heightLimitM: 12,
  });
  b.polygon('a', 'a-range', rect(50, 50, 150, 150), 0, { zoneType: 'protection_range', rules: '不得建设' });
  b.polygon('b', 'b-ccz', rect(100, 100, 300, 300), 0, {
    zoneType: 'construction_control_zone',
    heightLimitM: 9,
    heightLimitStoreys: 3,
  });
  b.polygon('b', 'b-old', rect(100, 100, 300, 300), 0, {
    zoneType: 'height_control_zone',
    heightLimitM: 4,
    status: 'superseded',
  });
  const doc = b.document();
  const at = (x: number, y: number) => fromGaussKruger([450_000 + x, 4_900_000 + y], 28, { prefixed: false });

  it('lists every zone of every object covering the point and the strictest height limit', () => {
    const result = pointQuery(at(120, 120), doc);
    expect(result.zones.map((z) => z.zoneId).sort()).toEqual(['a-ccz', 'a-range', 'b-ccz']);
    expect(result.strictestHeightM).toEqual({ value: 9, zoneIds: ['b-ccz'] });
    expect(result.strictestStoreys).toEqual({ value: 3, zoneIds: ['b-ccz'] });
    expect(result.zones.find((z) => z.zoneId === 'a-range')!.rules).toBe('不得建设');
  });

  it('gives the only limit where zones do not overlap, and none outside all zones', () => {
    expect(pointQuery(at(20, 20), doc).strictestHeightM).toEqual({ value: 12, zoneIds: ['a-ccz'] });
    const outside = pointQuery(at(-50, -50), doc);
    expect(outside.zones).toEqual([]);
    expect(outside.strictestHeightM).toBeNull();
  });

  it('lists reference-layer features covering the point, not those whose hole it is in', () => {
    const fixture = overlapFixture(0, 3, 3);
    const { layer } = packReferenceLayer(fixture.layer, {
      id: 'farm',
      projectId: 'p',
      name: '永久基本农田',
      kind: 'permanent_basic_farmland',
      sourceFile: 'f.geojson',
      gkZone: GK_ZONE,
      createdAt: '',
    });
    const inParcel = pointQuery(at(30, 30), { objects: [], zones: [] }, [layer]);
    expect(inParcel.references.map((r) => r.label)).toEqual(['P0']);
    expect(pointQuery(at(-500, -500), { objects: [], zones: [] }, [layer]).references).toEqual([]);
    expect(pointQuery(at(-800, -800), { objects: [], zones: [] }, [layer]).references).toHaveLength(1);
  });
});
