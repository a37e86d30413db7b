import { describe, expect, it } from 'vitest';
import { FULL_FIELDS } from '../profiles/full';
import { GENERIC_NAMES } from '../profiles/generic';
import { matchFields, synonymClaims } from './matchFields';
import { TARGET_FIELDS } from './targetFields';

describe('matchFields', () => {
  it('matches the Chinese field names of a county delineation table', () => {
    const fields = ['名称', '保护对象', '类型', '四至', '级别', '批准文号', '批准机关', '面积', '备注'];
    expect(matchFields(fields)).toEqual({
      zone_type: '类型',
      boundary_text: '四至',
      approval_authority: '批准机关',
      approval_doc_no: '批准文号',
      // 保护对象 is the more specific name of the object; 名称 stays unused.
      object_name: '保护对象',
      protection_level: '级别',
    });
  });

  it('matches the schema labels the attribute form shows, in either language and width', () => {
    expect(
      matchFields(['区划类型', '四至（原文）', '限高（米）', '限高(层)', '管控要求', '文物类别', '保护级别']),
    ).toEqual({
      zone_type: '区划类型',
      boundary_text: '四至（原文）',
      rules: '管控要求',
      height_limit_m: '限高（米）',
      height_limit_storeys: '限高(层)',
      protection_level: '保护级别',
      relic_category: '文物类别',
    });
    expect(
      matchFields(['Zone Type', 'Boundary text (verbatim)', 'NAME', 'Protection level', 'CCZ class']),
    ).toEqual({
      zone_type: 'Zone Type',
      ccz_class: 'CCZ class',
      boundary_text: 'Boundary text (verbatim)',
      object_name: 'NAME',
      protection_level: 'Protection level',
    });
  });

  it('matches every property by its own full name and by its generic short name', () => {
    const properties = TARGET_FIELDS.map((t) => t.property);
    const byFull = matchFields(properties);
    for (const p of properties) expect(byFull[p], p).toBe(p);
    const shorts = properties.filter((p) => GENERIC_NAMES[p]).map((p) => GENERIC_NAMES[p]!);
    const byShort = matchFields(shorts);
    for (const p of properties.filter((p) => GENERIC_NAMES[p])) expect(byShort[p], p).toBe(GENERIC_NAMES[p]);
  });

  it('recognises names a DBF writer cut to 10 bytes when only one field fits', () => {
    const cut = FULL_FIELDS.map((f) => f.name.slice(0, 10));
    const matched = matchFields(cut);
    expect(matched.boundary_text).toBe('boundary_t');
    expect(matched.approval_authority).toBe('approval_a');
    // object_nam could be object_name or object_name_local: left to the planner.
    expect(matched.object_name).toBeUndefined();
    expect(matched.object_name_local).toBeUndefined();
  });

  it('reads the LSWHBHX codes and leaves area, remark and element code alone', () => {
    expect(matchFields(['BSM', 'YSDM', 'XZQDM', 'XZQMC', 'MJ', 'BZ', 'BHDXMC', 'QHLX'])).toEqual({
      zone_type: 'QHLX',
      bsm: 'BSM',
      object_name: 'BHDXMC',
      xzqdm: 'XZQDM',
    });
  });

  it('gives every name to one property only', () => {
    const shared = [...synonymClaims()].filter(([, properties]) => properties.length > 1);
    expect(shared).toEqual([]);
  });
});
