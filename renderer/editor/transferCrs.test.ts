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

  it('names codes in both languages', () => {
    expect(crsLabel(4516, 'en')).toBe('EPSG:4516 CGCS2000 / 3-degree Gauss-Kruger zone 28');
    expect(crsLabel(4516, 'zh')).toContain('第28带');
  });
});
