import type { Bilingual, Lang } from '../../shared/domain/labels';
import {
  ObjectAttributesSchema,
  ZoneAttributesSchema,
  type ProtectedObject,
  type Zone,
} from '../../shared/domain/schema';
import { townshipOf } from '../../shared/analysis/areaStatistics';
import { fieldModels, type FieldModel } from './form/fieldModel';

/** One row of the attribute table: a zone with its object and what the table adds to it. */
export interface TableRow {
  zone: Zone;
  object: ProtectedObject | undefined;
  /** Findings of the heritage checker naming this zone; null before the first check ends. */
  findings: number | null;
  /** Ellipsoidal (CGCS2000 geodesic) area, m²; null while it is being computed. */
  areaM2: number | null;
}

export type CellValue = string | number | null;

/** How a column is edited: which record, which field, and the form model of that field. */
export interface ColumnEdit {
  target: 'zone' | 'object';
  key: string;
  model: Extract<FieldModel, { kind: 'select' | 'text' | 'number' }>;
}

export interface Column {
  id: string;
  label: Bilingual;
  /** Width in px in the grid (characters ÷ 7 for the spreadsheet). */
  width: number;
  numeric: boolean;
  /** The value sorted on and written as a number to CSV/XLSX when numeric. */
  value(row: TableRow): CellValue;
  /** What the cell shows, filters on and exports as text. */
  text(row: TableRow, lang: Lang): string;
  edit?: ColumnEdit;
}

function modelOf(target: 'zone' | 'object', key: string): ColumnEdit {
  const models = fieldModels(target === 'zone' ? ZoneAttributesSchema.shape : ObjectAttributesSchema.shape);
  const model = models.find((m) => m.key === key);
  if (!model || (model.kind !== 'select' && model.kind !== 'text' && model.kind !== 'number'))
    throw new Error(`no editable field ${target}.${key}`);
  return { target, key, model };
}

function field(target: 'zone' | 'object', key: string, width: number): Column {
  const edit = modelOf(target, key);
  const raw = (row: TableRow): unknown =>
    target === 'zone'
      ? (row.zone.attributes as Record<string, unknown>)[key]
      : (row.object?.attributes as Record<string, unknown> | undefined)?.[key];
  const numeric = edit.model.kind === 'number';
  return {
    id: `${target}.${key}`,
    label: edit.model.meta.label,
    width,
    numeric,
    value: (row) => {
      const v = raw(row);
      return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    },
    text: (row, lang) => {
      const v = raw(row);
      if (v === null || v === undefined) return '';
      if (edit.model.kind === 'select')
        return edit.model.options.find((o) => o.value === String(v))?.label[lang] ?? String(v);
      return String(v);
    },
    edit,
  };
}

const MISSING: Bilingual = { zh: '缺失', en: 'missing' };
const PRESENT: Bilingual = { zh: '已填写', en: 'present' };

/** The columns a planner edits and reviews, in the order the table shows them. */
export const COLUMNS: readonly Column[] = [
  field('object', 'name', 160),
  field('object', 'objectType', 110),
  field('zone', 'zoneType', 120),
  field('zone', 'subZoneNo', 70),
  field('object', 'level', 130),
  field('object', 'xzqdm', 110),
  {
    id: 'township',
    label: { zh: '乡镇', en: 'Township' },
    width: 90,
    numeric: false,
    value: (row) => townshipOf(row.object) || null,
    text: (row) => townshipOf(row.object),
  },
  field('zone', 'status', 100),
  field('zone', 'cczClass', 90),
  field('zone', 'heightLimitM', 80),
  field('zone', 'heightLimitStoreys', 80),
  {
    id: 'boundaryStatus',
    label: { zh: '四至', en: 'Boundary text' },
    width: 70,
    numeric: false,
    value: (row) => (row.zone.attributes.boundaryText.trim() ? 1 : 0),
    text: (row, lang) => (row.zone.attributes.boundaryText.trim() ? PRESENT : MISSING)[lang],
  },
  field('zone', 'boundaryText', 200),
  {
    id: 'areaM2',
    label: { zh: '椭球面积（m²）', en: 'Ellipsoidal area (m²)' },
    width: 110,
    numeric: true,
    value: (row) => (row.areaM2 === null ? null : Math.round(row.areaM2 * 100) / 100),
    text: (row) => (row.areaM2 === null ? '' : (Math.round(row.areaM2 * 100) / 100).toFixed(2)),
  },
  {
    id: 'findings',
    label: { zh: '检查问题数', en: 'Check findings' },
    width: 80,
    numeric: true,
    value: (row) => row.findings,
    text: (row) => (row.findings === null ? '' : String(row.findings)),
  },
];

export function columnById(id: string): Column | undefined {
  return COLUMNS.find((c) => c.id === id);
}

/**
 * The stored value for a typed cell text: the option's value for a list, a number (or null when
 * emptied) for a number field, the text itself otherwise. Returns an error wording for text that
 * is not a number; the write door validates the rest (ranges, CCZ-only fields).
 */
export function parseCell(edit: ColumnEdit, input: string): { value: unknown } | { error: Bilingual } {
  const { model } = edit;
  const text = input.trim();
  if (model.kind === 'text') return { value: input };
  if (model.kind === 'select') {
    if (text === '')
      return model.nullable ? { value: null } : { error: { zh: '请选择一项', en: 'Choose a value' } };
    return { value: model.numeric ? Number(text) : text };
  }
  if (text === '')
    return model.nullable ? { value: null } : { error: { zh: '请输入数字', en: 'Enter a number' } };
  const n = Number(text);
  return Number.isFinite(n)
    ? { value: n }
    : { error: { zh: `“${text}”不是数字`, en: `"${text}" is not a number` } };
}
