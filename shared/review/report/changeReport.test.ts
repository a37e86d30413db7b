import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_PATH } from '../../figures/font/testFont.test';
import { ellipsoidalArea } from '../../geometry/area';
import { buildWusuSample } from '../../sample/buildSample';
import { compareStates } from '../compare';
import { EXPECTED, FIXTURE_GK_ZONE, compareFixture } from '../compareFixture';
import type { CompareResult } from '../compareTypes';
import type { ChangeReportInput } from '../reportTypes';
import { chromiumDom, popplerOut, saveTemp, xlsxRows } from './testReports.test';
import { writeChangeReport } from './writeReport';

/**
 * A change report between the submitted and the current state: one construction-control zone
 * deleted (all of it lost), one zone's rules changed (the text an attacker might have typed), and
 * the object's name edited — read back by GDAL, poppler and Chromium.
 */
const INJECTION = '<img src=x onerror=alert(1)>&amp;';
const a = buildWusuSample();
const removed = a.zones.find((z) => z.id === 'sample-chenghuasi-ccz')!;
const edited = a.zones.find((z) => z.id === 'sample-chenghuasi-range')!;
const b = {
  ...a,
  zones: a.zones
    .filter((z) => z !== removed)
    .map((z) => (z === edited ? { ...z, attributes: { ...z.attributes, rules: INJECTION } } : z)),
};
const lostM2 = ellipsoidalArea(removed.geometry);
const result: CompareResult = {
  zones: [
    {
      zoneId: removed.id,
      objectId: removed.objectId,
      zoneType: 'construction_control_zone',
      kind: 'removed',
      fields: [],
    },
    {
      zoneId: edited.id,
      objectId: edited.objectId,
      zoneType: 'protection_range',
      kind: 'attributes',
      fields: ['rules'],
    },
  ],
  objects: [{ objectId: 'sample-chenghuasi', kind: 'attributes', fields: ['object_name'] }],
  units: [
    {
      objectId: removed.objectId,
      zoneType: 'construction_control_zone',
      before: [removed.id],
      after: [],
      gained: null,
      lost: removed.geometry,
      gainedM2: 0,
      lostM2,
      beforeM2: lostM2,
      afterM2: 0,
    },
  ],
  totals: {
    construction_control_zone: {
      added: 0,
      removed: 1,
      changed: 0,
      gainedM2: 0,
      lostM2,
      beforeM2: lostM2,
      afterM2: 0,
    },
    protection_range: {
      added: 0,
      removed: 0,
      changed: 1,
      gainedM2: 0,
      lostM2: 0,
      beforeM2: 5000,
      afterM2: 5000,
    },
  },
  sliversDropped: 0,
  matchedShare: 11 / 12,
};
const input = (format: ChangeReportInput['format']): ChangeReportInput => ({
  result,
  a: { label: { zh: '送审稿 2026-12', en: 'Submitted 2026-12' }, document: a },
  b: { label: { zh: '当前', en: 'Current' }, document: b },
  gkZone: 28,
  format,
});

describe('the change report', () => {
  it('XLSX: GDAL reads 汇总, 区划变化, 对象变化 and 调入调出 with the areas to the cm²', () => {
    const path = saveTemp('change.xlsx', writeChangeReport(input('xlsx')).bytes);
    const totals = xlsxRows(path, '汇总');
    expect(totals.map((r) => r['区划类型'])).toEqual(['保护范围', '建设控制地带', '合计']);
    expect(totals[2]).toMatchObject({ 删除: 1, 修改: 1, 调出_m2: Math.round(lostM2 * 100) / 100 });
    expect(totals[2]!['净变化_m2']).toBeCloseTo(-lostM2, 2);
    const zones = xlsxRows(path, '区划变化');
    expect(zones.map((r) => [r['保护对象'], r['区划类型'], r['变化'], r['变化字段'] ?? ''])).toEqual([
      ['巴音沟承化寺', '建设控制地带', '删除', ''],
      ['巴音沟承化寺', '保护范围', '属性变更', '管控要求'],
    ]);
    expect(xlsxRows(path, '对象变化')).toEqual([
      expect.objectContaining({ 变化: '属性变更', 变化字段: '名称' }),
    ]);
    expect(xlsxRows(path, '调入调出')).toEqual([
      expect.objectContaining({
        区划类型: '建设控制地带',
        调入_m2: 0,
        调出_m2: Math.round(lostM2 * 100) / 100,
      }),
    ]);
  });

  it('PDF: poppler reads the comparison, the totals and each change beside its mini-map', () => {
    const font = new Uint8Array(readFileSync(FONT_PATH));
    const { bytes, warnings } = writeChangeReport({ ...input('pdf'), font });
    expect(warnings).toEqual([]);
    const path = saveTemp('change.pdf', bytes);
    const flat = popplerOut('pdftotext', [path, '-']).replace(/\s+/g, '');
    expect(flat).toContain('比较：「送审稿2026-12」→「当前」');
    const lost = lostM2.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(flat).toContain(`调出${lost}m²`);
    expect(flat).toContain('属性变更：管控要求');
    expect(flat).toContain('比例尺1:');
    expect(popplerOut('pdffonts', [path])).toMatch(/WenQuanYiMicroHei.*yes\s+yes/);
  });

  it('HTML: one inline SVG map per change, no element from the data, strict CSP', () => {
    const dom = chromiumDom(saveTemp('change.html', writeChangeReport(input('html')).bytes));
    expect(dom.match(/<svg /g)).toHaveLength(2);
    expect(dom).not.toMatch(/<img|<script/i);
    expect(dom).toContain('Content-Security-Policy');
    expect(dom).toContain('调出 ');
  });
});

describe('the change report of a real comparison (the closed-form fixture)', () => {
  const { a: stateA, b: stateB } = compareFixture();
  const settings = { name: '乌苏文物', gkZone: FIXTURE_GK_ZONE };
  const real = (format: ChangeReportInput['format']): ChangeReportInput => ({
    result: compareStates(stateA, stateB, { gkZone: FIXTURE_GK_ZONE }),
    a: { label: { zh: '送审稿', en: 'Submitted' }, document: { settings, ...stateA } },
    b: { label: { zh: '当前', en: 'Current' }, document: { settings, ...stateB } },
    gkZone: FIXTURE_GK_ZONE,
    format,
  });

  it('XLSX: 调入 is the 10 m strip and 调出 the deleted zone, to the cm², as GDAL reads them', () => {
    const path = saveTemp('real.xlsx', writeChangeReport(real('xlsx')).bytes);
    const units = xlsxRows(path, '调入调出');
    const strip = units.find((r) => r['保护对象'] === '乌苏文庙')!;
    const gone = units.find((r) => r['保护对象'] === '古城遗址')!;
    expect(Math.abs((strip['调入_m2'] as number) - EXPECTED.gainedM2)).toBeLessThan(EXPECTED.gainedM2 * 1e-4);
    expect(Math.abs((gone['调出_m2'] as number) - EXPECTED.lostM2)).toBeLessThan(EXPECTED.lostM2 * 1e-4);
    expect(xlsxRows(path, '区划变化').map((r) => r['变化'])).toEqual(
      expect.arrayContaining(['几何变化', '删除', '属性变更']),
    );
  });

  it('HTML: a map for each unit that gained or lost ground and for the zone whose rules changed', () => {
    const dom = chromiumDom(saveTemp('real.html', writeChangeReport(real('html')).bytes));
    expect(dom.match(/<svg /g)).toHaveLength(3);
    // The strip is drawn green and the deleted zone red, each with the old outline dashed.
    expect(dom.match(/fill="rgb\(46,125,50\)"/g)).toHaveLength(1);
    expect(dom.match(/fill="rgb\(198,40,40\)"/g)).toHaveLength(1);
    expect(dom.match(/stroke-dasharray/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
