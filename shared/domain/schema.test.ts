import { describe, expect, it } from 'vitest';
import { describeIssues } from './messages';
import { ObjectAttributesSchema, ProjectSettingsSchema, ZoneAttributesSchema, ZoneSchema } from './schema';
import { fieldMeta } from './fieldMeta';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [84.67, 44.42],
      [84.68, 44.42],
      [84.68, 44.43],
      [84.67, 44.42],
    ],
  ],
};

describe('zone attributes', () => {
  it('fills defaults so a new zone is complete', () => {
    const zone = ZoneAttributesSchema.parse({ zoneType: 'protection_range' });
    expect(zone.status).toBe('proposed');
    expect(zone.approval).toEqual({ authority: '', documentNo: '', date: '' });
    expect(zone.provenance.method).toBe('digitised');
    expect(zone.version).toBe(1);
  });

  it('refuses a CCZ class on a protection range, in both languages', () => {
    const result = ZoneAttributesSchema.safeParse({ zoneType: 'protection_range', cczClass: 2 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error, 'zh')).toEqual([
      { path: 'cczClass', message: '只有建设控制地带可以分类' },
    ]);
    expect(describeIssues(result.error, 'en')[0]?.message).toBe(
      'Only a construction-control zone has a class',
    );
  });

  it('accepts a graded CCZ that equals the range', () => {
    const zone = ZoneAttributesSchema.parse({
      zoneType: 'construction_control_zone',
      cczClass: 3,
      sameAsRange: true,
    });
    expect(zone.cczClass).toBe(3);
  });

  it('refuses unknown zone types, negative heights and malformed dates with messages', () => {
    const result = ZoneAttributesSchema.safeParse({
      zoneType: 'moat',
      heightLimitM: -3,
      approval: { date: '2024-13-01' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const problems = describeIssues(result.error, 'en');
    expect(problems.map((p) => p.path).sort()).toEqual(['approval.date', 'heightLimitM', 'zoneType']);
    expect(problems.find((p) => p.path === 'approval.date')?.message).toBe('Dates are written YYYY-MM-DD');
    for (const p of describeIssues(result.error, 'zh')) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('zones and objects', () => {
  it('refuses a zone whose geometry has a coordinate outside the globe', () => {
    const bad = structuredClone(square);
    bad.coordinates[0]![1] = [184.68, 44.42];
    const result = ZoneSchema.safeParse({
      id: 'z1',
      projectId: 'p',
      objectId: 'o',
      attributes: { zoneType: 'body' },
      geometry: bad,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['geometry', 'coordinates', 0, 1, 0]);
  });

  it('requires an object name and a valid administrative code', () => {
    const result = ObjectAttributesSchema.safeParse({ name: '  ', objectType: 'relic_unit', xzqdm: '65420' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error, 'zh').map((p) => p.message)).toEqual([
      '名称不能为空',
      '行政区划代码应为6位、9位或12位数字',
    ]);
  });

  it('accepts 巴音沟承化寺 as an autonomous-region-level ancient building', () => {
    const o = ObjectAttributesSchema.parse({
      name: '巴音沟承化寺',
      objectType: 'relic_unit',
      level: 'provincial',
      category: '3',
      xzqdm: '654202',
    });
    expect(o.designations).toEqual([]);
  });

  it('project settings keep the Gauss-Krüger zone within China', () => {
    expect(ProjectSettingsSchema.safeParse({ name: '乌苏', gkZone: 28 }).success).toBe(true);
    expect(ProjectSettingsSchema.safeParse({ name: '乌苏', gkZone: 13 }).success).toBe(false);
  });

  it('carries bilingual labels on every form field', () => {
    for (const [key, schema] of Object.entries(ZoneAttributesSchema.shape)) {
      let inner = schema as unknown as {
        meta(): unknown;
        unwrap?: () => unknown;
        def: { innerType?: unknown };
      };
      while (!fieldMeta(inner as never) && inner.def.innerType) inner = inner.def.innerType as typeof inner;
      const meta = fieldMeta(inner as never);
      expect(meta?.label.zh, key).toBeTruthy();
      expect(meta?.label.en, key).toBeTruthy();
    }
  });
});
