import { describe, expect, it } from 'vitest';
import { compareStates } from './compare';
import { FIXTURE_GK_ZONE, compareFixture, fixtureObject, fixtureZone, quadrangle } from './compareFixture';
import { whlxChanges } from './whlxChanges';
import { whlxLayers } from './whlxLayer';

const gk = { gkZone: FIXTURE_GK_ZONE };
const settings = { name: 'p', gkZone: FIXTURE_GK_ZONE, xzqdm: '654202', xzqmc: '乌苏市' };

describe('whlxChanges', () => {
  it("'replace' writes the extended zone out whole (keeping its BSM) and in whole (new BSM)", () => {
    const { a, b } = compareFixture();
    const rows = whlxChanges(compareStates(a, b, gk), a, b, 'replace').filter((r) => r.zoneId === 'z1');
    expect(rows.map((r) => [r.whlx, r.bsm, r.whly])).toEqual([
      ['3', '654202000000000017', '边界调整'],
      ['1', '', '边界调整'],
    ]);
  });

  it("an object's renamed name makes every zone of it a WHLX 2 naming the field", () => {
    const { a } = compareFixture();
    const b = {
      ...a,
      objects: a.objects.map((o) => (o.id === 'o2' ? fixtureObject('o2', '古城遗址（东）') : o)),
    };
    const rows = whlxChanges(compareStates(a, b, gk), a, b);
    expect(rows).toEqual([expect.objectContaining({ whlx: '2', zoneId: 'z2', whly: '属性变更：名称' })]);
  });

  it('a body zone and a purple line: the body is left out with a warning, the purple line has its own layer', () => {
    const object = fixtureObject('o9', '老街');
    const a = { objects: [object], zones: [] };
    const b = {
      objects: [object],
      zones: [
        fixtureZone('p1', 'o9', quadrangle(44.43, 44.431, 84.6, 84.601), { zoneType: 'purple_line' }),
        fixtureZone('p2', 'o9', quadrangle(44.44, 44.441, 84.6, 84.601), { zoneType: 'body' }),
      ],
    };
    const rows = whlxChanges(compareStates(a, b, gk), a, b);
    expect(rows.map((r) => [r.whlx, r.whly])).toEqual([
      ['1', '新增城市紫线'],
      ['1', '新增本体'],
    ]);
    const { layers, warnings } = whlxLayers(rows, a, b, {
      settings,
      year: 2026,
      reasons: { [rows[0]!.key]: '批复调整' },
    });
    expect(layers.map((l) => [l.name, l.features.length])).toEqual([['ZXCQCSZXBG', 1]]);
    expect(layers[0]!.features[0]!.properties).toMatchObject({
      WHLX: '1',
      WHLY: '批复调整',
      YSDM: '2090020233',
      WHBH: '20260001',
    });
    expect(warnings.map((w) => w.zh)).toEqual([expect.stringContaining('本体 1 个')]);
  });
});
