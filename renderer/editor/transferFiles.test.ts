import { describe, expect, it } from 'vitest';
import { groupImportFiles, fileSetName, suggestZoneType } from './transferFiles';

const file = (name: string) => ({ name, bytes: new Uint8Array([1]) });

describe('groupImportFiles', () => {
  it("keeps a shapefile's parts together and every other file alone, in the order picked", () => {
    const sets = groupImportFiles([
      file('a.geojson'),
      file('保护范围.SHP'),
      file('plan.dxf'),
      file('保护范围.dbf'),
      file('保护范围.prj'),
      file('other.shp'),
      file('保护范围.cpg'),
    ]);
    expect(sets.map((s) => s.map((f) => f.name))).toEqual([
      ['a.geojson'],
      ['保护范围.SHP', '保护范围.dbf', '保护范围.prj', '保护范围.cpg'],
      ['plan.dxf'],
      ['other.shp'],
    ]);
    expect(fileSetName(sets[1]!)).toBe('保护范围.SHP');
  });

  it('treats a zipped shapefile as one file', () => {
    expect(groupImportFiles([file('zones.zip'), file('zones.shp')])).toHaveLength(2);
  });
});

describe('suggestZoneType', () => {
  it('recognises codes, labels and labels inside CAD layer names', () => {
    expect(suggestZoneType('protection_range')).toBe('protection_range');
    expect(suggestZoneType('保护范围')).toBe('protection_range');
    expect(suggestZoneType('保护范围线')).toBe('protection_range');
    expect(suggestZoneType('建设控制地带-一类')).toBe('construction_control_zone');
    expect(suggestZoneType('核心保护范围线')).toBe('core_protection_range');
    expect(suggestZoneType('0')).toBeNull();
    expect(suggestZoneType('DIMENSIONS')).toBeNull();
  });
});
