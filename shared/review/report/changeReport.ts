import { ZONE_TYPE_LABELS, ZONE_TYPES } from '../../domain/taxonomy';
import { TARGET_FIELDS } from '../../formats/mapping/targetFields';
import type { DocumentZone, ProjectDocument } from '../../formats/projectDocument';
import type { XlsxSheet } from '../../formats/xlsx/writeXlsx';
import type { FigureZone } from '../../figures/zonesOnPage';
import type { RecordChangeKind, UnitChange, ZoneChange } from '../compareTypes';
import type { ChangeReportInput } from '../reportTypes';
import type { ReportBlock, ReportDoc } from './reportDoc';

/**
 * The change report between two states: totals per zone type, every zone and object changed
 * (which fields), and per object and zone type the land gained (调入) and lost (调出) with a
 * mini-map each (old outline dashed, new solid, gains green, losses red). As XLSX sheets 汇总 /
 * 区划变化 / 对象变化 / 调入调出, and as HTML and PDF pages from one block list.
 */
export const CHANGE_KIND_LABELS: Record<RecordChangeKind, string> = {
  added: '新增',
  removed: '删除',
  geometry: '几何变化',
  attributes: '属性变更',
  'geometry+attributes': '几何与属性变化',
};

const FIELD_LABELS = new Map(TARGET_FIELDS.map((f) => [f.property, f.label.zh]));
const fieldText = (fields: readonly string[]) => fields.map((f) => FIELD_LABELS.get(f) ?? f).join('、');
const m2 = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${m2(Math.abs(v))}`;
/** Areas in the tables: m² to the centimetre square, as the planning database rounds MJ. */
const round2 = (v: number) => Math.round(v * 100) / 100;

interface Names {
  object(id: string): string;
  zone(id: string): DocumentZone | undefined;
}

function names(a: ProjectDocument, b: ProjectDocument): Names {
  const objects = new Map([...a.objects, ...b.objects].map((o) => [o.id, o.attributes.name]));
  const zones = new Map([...a.zones, ...b.zones].map((z) => [z.id, z]));
  return { object: (id) => objects.get(id) ?? id, zone: (id) => zones.get(id) };
}

function title(input: ChangeReportInput): string {
  const name = input.b.document.settings.name ?? input.a.document.settings.name ?? '';
  return `${name ? `${name} ` : ''}变化报告`;
}

const figureZone = (z: DocumentZone): FigureZone => ({
  objectId: z.objectId,
  zoneType: z.attributes.zoneType,
  geometry: z.geometry,
});

function totalsRows(input: ChangeReportInput): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const sum = [0, 0, 0, 0, 0, 0, 0];
  for (const type of ZONE_TYPES) {
    const t = input.result.totals[type];
    if (!t) continue;
    const values = [t.added, t.removed, t.changed, t.gainedM2, t.lostM2, t.beforeM2, t.afterM2];
    values.forEach((v, i) => (sum[i]! += v));
    rows.push([
      ZONE_TYPE_LABELS[type].zh,
      ...values.map((v, i) => (i < 3 ? v : round2(v))),
      round2(t.afterM2 - t.beforeM2),
    ]);
  }
  rows.push(['合计', ...sum.map((v, i) => (i < 3 ? v : round2(v))), round2(sum[6]! - sum[5]!)]);
  return rows;
}

function zoneRow(change: ZoneChange, n: Names): string[] {
  const sub = n.zone(change.zoneId)?.attributes.subZoneNo;
  return [
    n.object(change.objectId),
    ZONE_TYPE_LABELS[change.zoneType].zh,
    sub === null || sub === undefined ? '' : String(sub),
    CHANGE_KIND_LABELS[change.kind],
    fieldText(change.fields),
    change.zoneId,
  ];
}

const changedUnits = (input: ChangeReportInput) => input.result.units.filter((u) => u.gained || u.lost);

export function changeReportDoc(input: ChangeReportInput): ReportDoc {
  const n = names(input.a.document, input.b.document);
  const { result } = input;
  const units = changedUnits(input);
  const gained = units.reduce((s, u) => s + u.gainedM2, 0);
  const lost = units.reduce((s, u) => s + u.lostM2, 0);
  const count = (kind: RecordChangeKind) => result.zones.filter((z) => z.kind === kind).length;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: title(input) },
    { kind: 'paragraph', text: `比较：「${input.a.label.zh}」→「${input.b.label.zh}」` },
    {
      kind: 'paragraph',
      tone: 'muted',
      text:
        `区划：新增 ${count('added')}，删除 ${count('removed')}，几何变化 ${count('geometry') + count('geometry+attributes')}，` +
        `属性变更 ${count('attributes') + count('geometry+attributes')}；保护对象变化 ${result.objects.length}；` +
        `调入 ${m2(gained)} m²，调出 ${m2(lost)} m²（椭球面积）` +
        (result.sliversDropped ? `；小于阈值的碎片 ${result.sliversDropped} 个未计入` : '') +
        '。',
    },
    { kind: 'heading', level: 2, text: '一、汇总（按区划类型，m²）' },
    {
      kind: 'table',
      columns: [
        { title: '区划类型', weight: 2.2 },
        { title: '新增', weight: 0.8 },
        { title: '删除', weight: 0.8 },
        { title: '修改', weight: 0.8 },
        { title: '调入', weight: 1.6 },
        { title: '调出', weight: 1.6 },
        { title: '变化前', weight: 1.8 },
        { title: '变化后', weight: 1.8 },
        { title: '净变化', weight: 1.6 },
      ],
      rows: totalsRows(input).map((r) =>
        r.map((v, i) => (typeof v === 'number' ? (i <= 3 ? String(v) : i === 8 ? signed(v) : m2(v)) : v)),
      ),
    },
    { kind: 'heading', level: 2, text: '二、区划变化' },
    result.zones.length
      ? {
          kind: 'table',
          columns: [
            { title: '保护对象', weight: 3 },
            { title: '区划类型', weight: 2 },
            { title: '分区', weight: 0.7 },
            { title: '变化', weight: 1.5 },
            { title: '变化字段', weight: 4 },
          ],
          rows: result.zones.map((z) => zoneRow(z, n).slice(0, 5)),
        }
      : { kind: 'paragraph', tone: 'muted', text: '区划没有变化。' },
    { kind: 'heading', level: 2, text: '三、保护对象变化' },
    result.objects.length
      ? {
          kind: 'table',
          columns: [
            { title: '保护对象', weight: 3 },
            { title: '变化', weight: 1.5 },
            { title: '变化字段', weight: 5 },
          ],
          rows: result.objects.map((o) => [
            n.object(o.objectId),
            CHANGE_KIND_LABELS[o.kind],
            fieldText(o.fields),
          ]),
        }
      : { kind: 'paragraph', tone: 'muted', text: '保护对象没有变化。' },
    { kind: 'heading', level: 2, text: '四、调入调出' },
  ];
  if (units.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', text: '没有调入或调出的用地。' });
  const context = input.b.document.zones.map(figureZone);
  units.forEach((unit, i) => blocks.push(unitFigure(unit, i + 1, input, n, context)));
  const attributeOnly = result.zones.filter((z) => z.kind === 'attributes');
  if (attributeOnly.length) blocks.push({ kind: 'heading', level: 2, text: '五、属性变更的区划' });
  attributeOnly.forEach((z) => {
    const zone = n.zone(z.zoneId);
    if (!zone) return;
    blocks.push({
      kind: 'figure',
      caption: `${n.object(z.objectId)} ${ZONE_TYPE_LABELS[z.zoneType].zh}`,
      map: { gkZone: input.gkZone, context, focus: [figureZone(zone)] },
      lines: [
        { text: `${n.object(z.objectId)}` },
        { text: ZONE_TYPE_LABELS[z.zoneType].zh },
        { text: `属性变更：${fieldText(z.fields)}` },
      ],
    });
  });
  return { title: title(input), blocks };
}

function unitFigure(
  unit: UnitChange,
  k: number,
  input: ChangeReportInput,
  n: Names,
  context: FigureZone[],
): ReportBlock {
  const of = (doc: ProjectDocument, ids: readonly string[]) =>
    doc.zones.filter((z) => ids.includes(z.id)).map((z) => z.geometry);
  const label = `${n.object(unit.objectId)} ${ZONE_TYPE_LABELS[unit.zoneType].zh}`;
  return {
    kind: 'figure',
    caption: `变化 ${k}：${label}`,
    map: {
      gkZone: input.gkZone,
      context,
      before: of(input.a.document, unit.before),
      after: of(input.b.document, unit.after),
      gained: unit.gained,
      lost: unit.lost,
    },
    lines: [
      { text: `变化 ${k}` },
      { text: n.object(unit.objectId) },
      { text: ZONE_TYPE_LABELS[unit.zoneType].zh },
      { text: `调入 ${m2(unit.gainedM2)} m²`, tone: 'good' },
      { text: `调出 ${m2(unit.lostM2)} m²`, tone: 'alert' },
      { text: `变化前 ${m2(unit.beforeM2)} m²，变化后 ${m2(unit.afterM2)} m²` },
      { text: `净变化 ${signed(unit.afterM2 - unit.beforeM2)} m²` },
    ],
  };
}

export function changeReportSheets(input: ChangeReportInput): XlsxSheet[] {
  const n = names(input.a.document, input.b.document);
  const area = '#,##0.00';
  return [
    {
      name: '汇总',
      rows: [
        ['区划类型', '新增', '删除', '修改', '调入_m2', '调出_m2', '变化前_m2', '变化后_m2', '净变化_m2'],
        ...totalsRows(input),
      ],
      columnWidths: [22, 8, 8, 8, 14, 14, 14, 14, 14],
      numberFormats: [null, '0', '0', '0', area, area, area, area, area],
    },
    {
      name: '区划变化',
      rows: [
        ['保护对象', '区划类型', '分区编号', '变化', '变化字段', '区划标识'],
        ...input.result.zones.map((z) => zoneRow(z, n)),
      ],
      columnWidths: [30, 18, 8, 14, 50, 38],
    },
    {
      name: '对象变化',
      rows: [
        ['保护对象', '变化', '变化字段', '对象标识'],
        ...input.result.objects.map((o) => [
          n.object(o.objectId),
          CHANGE_KIND_LABELS[o.kind],
          fieldText(o.fields),
          o.objectId,
        ]),
      ],
      columnWidths: [30, 14, 60, 38],
    },
    {
      name: '调入调出',
      rows: [
        ['保护对象', '区划类型', '变化前_m2', '变化后_m2', '调入_m2', '调出_m2', '净变化_m2'],
        ...changedUnits(input).map((u) => [
          n.object(u.objectId),
          ZONE_TYPE_LABELS[u.zoneType].zh,
          round2(u.beforeM2),
          round2(u.afterM2),
          round2(u.gainedM2),
          round2(u.lostM2),
          round2(u.afterM2 - u.beforeM2),
        ]),
      ],
      columnWidths: [30, 18, 14, 14, 14, 14, 14],
      numberFormats: [null, null, area, area, area, area, area],
    },
  ];
}
