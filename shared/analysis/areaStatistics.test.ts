import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../domain/geometry';
import { fromGaussKruger } from '../crs/gaussKruger';
import { testObject, testZone } from '../formats/coordinateTable/testZones';
import { areaStatistics, townshipOf } from './areaStatistics';
import { areaStatisticsCsv, areaStatisticsTable } from './areaStatisticsExport';

/** A square of `side` metres in zone 28 Gauss-Krüger (no prefix) with its south-west corner at (e, n). */
function gkSquare(e: number, n: number, side: number): ZoneGeometry {
  const corners: [number, number][] = [
    [e, n],
    [e + side, n],
    [e + side, n + side],
    [e, n + side],
    [e, n],
  ];
  return { type: 'Polygon', coordinates: [corners.map((c) => fromGaussKruger(c, 28, { prefixed: false }))] };
}

// On the central meridian (easting 500 000 m) the scale factor is 1, so ellipsoidal ≈ planar ≈ side².
const N = 4_920_000;
const document = {
  settings: { name: 't', gkZone: 28 },
  objects: [
    testObject('a', { name: '甲遗址', level: 'national', xzqdm: '654202100' }),
    testObject('b', { name: '乙墓群', level: 'county', xzqdm: '654202100001' }),
    testObject('c', { name: '丙寺', level: null, xzqdm: '654202' }),
  ],
  zones: [
    testZone('a1', 'a', gkSquare(500_000, N, 100)),
    testZone('a2', 'a', gkSquare(499_950, N - 50, 200), { zoneType: 'construction_control_zone' }),
    testZone('b1', 'b', gkSquare(500_500, N, 300)),
    testZone('c1', 'c', gkSquare(499_000, N, 50), { zoneType: 'body' }),
  ],
};

const summary = (grouping: Parameters<typeof areaStatistics>[1]['grouping']) =>
  areaStatistics(document, { gkZone: 28, grouping }).rows.map((r) => [
    r.label.zh,
    r.zoneCount,
    Math.round(r.planarM2),
  ]);

describe('areaStatistics', () => {
  it('groups by object, summing overlapping zones in full', () => {
    expect(summary('object')).toEqual([
      ['甲遗址', 2, 50_000],
      ['乙墓群', 1, 90_000],
      ['丙寺', 1, 2_500],
    ]);
  });

  it('groups by zone type, protection level and township', () => {
    expect(summary('zoneType')).toEqual([
      ['本体', 1, 2_500],
      ['保护范围', 2, 100_000],
      ['建设控制地带', 1, 40_000],
    ]);
    expect(summary('level')).toEqual([
      ['全国重点文物保护单位', 2, 50_000],
      ['县级文物保护单位', 1, 90_000],
      ['未注明', 1, 2_500],
    ]);
    expect(summary('township')).toEqual([
      ['654202100', 3, 140_000],
      ['未注明', 1, 2_500],
    ]);
    expect(townshipOf(document.objects[1])).toBe('654202100');
  });

  it('totals both methods; near the central meridian they agree with side² to a square centimetre', () => {
    const { total } = areaStatistics(document, { gkZone: 28, grouping: 'object' });
    expect(total.zoneCount).toBe(4);
    expect(total.planarM2).toBeCloseTo(142_500, 2);
    expect(total.ellipsoidalM2).toBeCloseTo(142_500, 0);
    expect(Math.abs(total.ellipsoidalM2 - 142_500)).toBeLessThan(0.01);
  });

  it('shows the projection scale error far from the central meridian', () => {
    // 100 km east of the meridian k ≈ 1 + x²/(2R²), so planar exceeds ellipsoidal by ≈ x²/R² = 0.0246 %.
    const far = { ...document, zones: [testZone('f', 'a', gkSquare(600_000, N, 1000))] };
    const { total } = areaStatistics(far, { gkZone: 28, grouping: 'object' });
    expect(total.planarM2).toBeCloseTo(1_000_000, 2);
    const R = 6_381_000; // Gaussian mean radius at 44.4° N on GRS80
    expect(total.planarM2 / total.ellipsoidalM2 - 1).toBeCloseTo(100_500 ** 2 / R ** 2, 5);
  });

  it('exports a table and CSV whose last row is the total in the UI language', () => {
    const stats = areaStatistics(document, { gkZone: 28, grouping: 'level' });
    const table = areaStatisticsTable(stats, 'en');
    expect(table[0]!.slice(0, 3)).toEqual(['Protection level', 'Zones', 'Ellipsoidal (CGCS2000) m²']);
    expect(table[0]![6]).toBe('Planar Gauss-Krüger (3° zone 28) m²');
    expect(table.at(-1)!.slice(0, 2)).toEqual(['Total', 4]);
    const csv = new TextDecoder().decode(areaStatisticsCsv(stats, 'zh'));
    const last = csv.trim().split('\r\n').at(-1)!.split(',');
    expect(last[0]).toBe('合计');
    expect(last[7]).toBe('14.2500'); // planar hm²
    expect(csv.split('\r\n')[0]).toContain('高斯平面面积（3°带 28） 亩');
  });
});
