import { describe, expect, it } from 'vitest';
import { bundledEpsgCodes } from '../../shared/crs/definitions';
import { crsGroups, crsLabel } from './transferCrs';

describe('crsGroups', () => {
  it("offers every bundled code once, the project's 3° zone first in both prefix styles", () => {
    const groups = crsGroups(28);
    const all = groups.flatMap((g) => g.codes);
    expect(all.sort()).toEqual(bundledEpsgCodes().sort());
    expect(groups[0]!.codes).toEqual([4490]);
    expect(groups[1]!.codes.slice(0, 3)).toEqual([4516, 4515, 4517]);
    expect(groups[2]!.codes[0]).toBe(4537);
  });

  it('offers the old datums last, zone 28 first, and leaves them out for exports', () => {
    const xian = crsGroups(28).find((g) => g.label.en.startsWith('Xian 1980'))!;
    expect(xian.codes.slice(0, 2)).toEqual([4610, 2352]); // lon/lat, then 3° zone 28 prefixed
    expect(xian.label.zh).toContain('需选择基准转换');
    const exportCodes = crsGroups(28, { oldDatums: false }).flatMap((g) => g.codes);
    expect(exportCodes).not.toContain(2352);
    expect(exportCodes).not.toContain(4214);
    expect(exportCodes).toContain(4516);
  });

  it('names codes in both languages', () => {
    expect(crsLabel(4516, 'en')).toBe('EPSG:4516 CGCS2000 / 3-degree Gauss-Kruger zone 28');
    expect(crsLabel(4516, 'zh')).toContain('第28带');
  });
});
