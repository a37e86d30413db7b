import { describe, expect, it } from 'vitest';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import { squareAround } from '../testing/memoryStore';
import { COLUMNS, columnById, parseCell, type TableRow } from './attributeTableColumns';
import { NO_FILTER, nextSort, tableView } from './attributeTableView';

const AT = '2026-01-01T00:00:00.000Z';

function object(
  id: string,
  name: string,
  level: ProtectedObject['attributes']['level'],
  xzqdm = '',
): ProtectedObject {
  return {
    id,
    projectId: 'p',
    attributes: {
      name,
      otherNames: '',
      nameLocal: '',
      objectType: 'relic_unit',
      level,
      category: null,
      designations: [],
      serialNo: '',
      era: '',
      address: '',
      xzqdm,
      batch: '',
      announcingAuthority: '',
      announcementDate: '',
      announcementDocNo: '',
      officialCode: '',
      owner: '',
      condition: '',
      representativePoint: null,
    },
    createdAt: AT,
    updatedAt: AT,
  };
}

function row(
  id: string,
  owner: ProtectedObject,
  zoneType: Zone['attributes']['zoneType'],
  extra: { boundaryText?: string; findings?: number | null; areaM2?: number | null } = {},
): TableRow {
  const zone: Zone = {
    id,
    projectId: 'p',
    objectId: owner.id,
    attributes: {
      zoneType,
      subZoneNo: null,
      cczClass: null,
      sameAsRange: false,
      boundaryText: extra.boundaryText ?? '',
      rules: '',
      heightLimitM: null,
      heightLimitStoreys: null,
      status: 'proposed',
      approval: { authority: '', documentNo: '', date: '' },
      provenance: { method: 'digitised', source: '', accuracyM: null, date: '' },
      version: 1,
      supersedesId: null,
      derivation: null,
      bsm: '',
    },
    geometry: squareAround(84.6, 44.4),
    createdAt: AT,
    updatedAt: AT,
  };
  return {
    zone,
    object: owner,
    findings: extra.findings === undefined ? 0 : extra.findings,
    areaM2: extra.areaM2 === undefined ? 100 : extra.areaM2,
  };
}

const temple = object('o1', '巴音沟承化寺', 'provincial', '654202100001');
const wall = object('o2', '清代乌苏古城墙', 'county', '654202001');
const village = object('o3', '克孜加尔村', null);
const ROWS = [
  row('z1', temple, 'body', { areaM2: 2400, boundaryText: '寺院基址' }),
  row('z2', temple, 'protection_range', { areaM2: 9600, findings: 2 }),
  row('z3', wall, 'protection_range', { areaM2: 120_000, boundaryText: '墙基两侧各 50 米' }),
  row('z4', wall, 'construction_control_zone', { areaM2: null, findings: null }),
  row('z5', village, 'core_protection_range', { areaM2: 500, findings: 1 }),
];
const ids = (rows: TableRow[]) => rows.map((r) => r.zone.id);

describe('tableView filters', () => {
  it('by zone type, object, level, township and check findings', () => {
    expect(ids(tableView(ROWS, { ...NO_FILTER, zoneType: 'protection_range' }, null, 'zh'))).toEqual([
      'z2',
      'z3',
    ]);
    expect(ids(tableView(ROWS, { ...NO_FILTER, objectId: 'o2' }, null, 'zh'))).toEqual(['z3', 'z4']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, level: 'provincial' }, null, 'zh'))).toEqual(['z1', 'z2']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, level: '-' }, null, 'zh'))).toEqual(['z5']);
    // Township = the first 9 digits of a 9- or 12-digit XZQDM; '-' for none.
    expect(ids(tableView(ROWS, { ...NO_FILTER, township: '654202100' }, null, 'zh'))).toEqual(['z1', 'z2']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, township: '-' }, null, 'zh'))).toEqual(['z5']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, findings: 'with' }, null, 'zh'))).toEqual(['z2', 'z5']);
    // A zone not yet checked is neither "with" nor "without" findings.
    expect(ids(tableView(ROWS, { ...NO_FILTER, findings: 'without' }, null, 'zh'))).toEqual(['z1', 'z3']);
  });

  it('by free text in any shown column, every word, either language', () => {
    expect(ids(tableView(ROWS, { ...NO_FILTER, text: '古城墙' }, null, 'zh'))).toEqual(['z3', 'z4']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, text: '50 米' }, null, 'zh'))).toEqual(['z3']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, text: '承化寺 保护范围' }, null, 'zh'))).toEqual(['z2']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, text: 'CONSTRUCTION-control' }, null, 'en'))).toEqual(['z4']);
    expect(ids(tableView(ROWS, { ...NO_FILTER, text: '缺失' }, null, 'zh'))).toEqual(['z2', 'z4', 'z5']);
  });
});

describe('tableView sorts', () => {
  it('numbers as numbers, empty values last either way, ties in input order', () => {
    const asc = tableView(ROWS, NO_FILTER, { column: 'areaM2', direction: 'ascending' }, 'zh');
    expect(ids(asc)).toEqual(['z5', 'z1', 'z2', 'z3', 'z4']);
    const desc = tableView(ROWS, NO_FILTER, { column: 'areaM2', direction: 'descending' }, 'zh');
    expect(ids(desc)).toEqual(['z3', 'z2', 'z1', 'z5', 'z4']);
    const findings = tableView(ROWS, NO_FILTER, { column: 'findings', direction: 'descending' }, 'zh');
    expect(ids(findings)).toEqual(['z2', 'z5', 'z1', 'z3', 'z4']);
  });

  it('text by the shown label, Chinese in pinyin order', () => {
    const byName = tableView(ROWS, NO_FILTER, { column: 'object.name', direction: 'ascending' }, 'zh');
    // 巴 (ba) < 克 (ke) < 清 (qing)
    expect(ids(byName)).toEqual(['z1', 'z2', 'z5', 'z3', 'z4']);
    const byLevel = tableView(ROWS, NO_FILTER, { column: 'object.level', direction: 'ascending' }, 'en');
    expect(byLevel.map((r) => columnById('object.level')!.text(r, 'en'))).toEqual([
      expect.stringMatching(/^County/),
      expect.stringMatching(/^County/),
      expect.stringMatching(/^Provincial/),
      expect.stringMatching(/^Provincial/),
      '',
    ]);
  });

  it('cycles a header through ascending, descending and unsorted', () => {
    const a = nextSort(null, 'areaM2');
    expect(a).toEqual({ column: 'areaM2', direction: 'ascending' });
    const d = nextSort(a, 'areaM2');
    expect(d).toEqual({ column: 'areaM2', direction: 'descending' });
    expect(nextSort(d, 'areaM2')).toBeNull();
    expect(nextSort(d, 'findings')).toEqual({ column: 'findings', direction: 'ascending' });
  });

  it('sorts and filters 10 000 rows quickly enough to redo on every keystroke', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(`m${i}`, [temple, wall, village][i % 3]!, 'protection_range', { areaM2: (i * 7919) % 10_007 }),
    );
    const start = performance.now();
    const view = tableView(
      many,
      { ...NO_FILTER, text: '古城墙' },
      { column: 'areaM2', direction: 'descending' },
      'zh',
    );
    const firstMs = performance.now() - start;
    expect(view).toHaveLength(3_333);
    expect(view[0]!.areaM2).toBeGreaterThanOrEqual(view[1]!.areaM2!);
    expect(firstMs).toBeLessThan(1000);
    // The next keystroke searches the same rows: their text is not formatted again.
    const next = performance.now();
    expect(tableView(many, { ...NO_FILTER, text: '古城墙 保护' }, null, 'zh')).toHaveLength(3_333);
    expect(performance.now() - next).toBeLessThan(firstMs / 3);
  });
});

describe('parseCell', () => {
  const edit = (id: string) => columnById(id)!.edit!;
  it('turns typed text into the stored value, refusing a non-number', () => {
    expect(parseCell(edit('zone.heightLimitM'), ' 12.5 ')).toEqual({ value: 12.5 });
    expect(parseCell(edit('zone.heightLimitM'), '')).toEqual({ value: null });
    expect(parseCell(edit('zone.heightLimitM'), '十二')).toMatchObject({
      error: { en: '"十二" is not a number' },
    });
    expect(parseCell(edit('object.level'), '')).toEqual({ value: null });
    expect(parseCell(edit('zone.cczClass'), '3')).toEqual({ value: 3 });
    expect(parseCell(edit('zone.zoneType'), '')).toMatchObject({ error: { en: 'Choose a value' } });
    expect(parseCell(edit('zone.boundaryText'), '东至公路')).toEqual({ value: '东至公路' });
  });

  it('offers every planner-edited field and labels every column in both languages', () => {
    const edited = COLUMNS.filter((c) => c.edit).map((c) => c.id);
    expect(edited).toEqual(
      expect.arrayContaining([
        'object.name',
        'object.level',
        'object.xzqdm',
        'zone.zoneType',
        'zone.status',
        'zone.boundaryText',
      ]),
    );
    for (const c of COLUMNS) expect(c.label.zh && c.label.en).toBeTruthy();
  });
});
