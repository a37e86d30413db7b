import type { Bilingual } from '../../../shared/domain/labels';
import type { RecordChangeKind } from '../../../shared/review/compareTypes';

/** The compare dialog's and the change export's words, in both languages. */
export const COMPARE_TEXT = {
  compare: { zh: '比较版本', en: 'Compare versions' },
  compareShort: { zh: '比较', en: 'Compare' },
  sideA: { zh: '基准（A）', en: 'Base (A)' },
  sideB: { zh: '对比（B）', en: 'Compared (B)' },
  current: { zh: '当前状态', en: 'Current state' },
  file: { zh: '项目文件…', en: 'Project file…' },
  run: { zh: '比较', en: 'Compare' },
  running: { zh: '正在比较…', en: 'Comparing…' },
  noChange: { zh: '两个状态没有差别', en: 'The two states are the same' },
  otherProject: {
    zh: '两个状态只有少部分区划标识相同，可能不是同一项目',
    en: 'Few zone ids match: the two states may be different projects',
  },
  totals: { zh: '按区划类型汇总', en: 'Totals by zone type' },
  units: { zh: '面积变化（按对象和区划类型）', en: 'Area changes (by object and zone type)' },
  zones: { zh: '区划变化', en: 'Zone changes' },
  objects: { zh: '对象变化', en: 'Object changes' },
  object: { zh: '对象', en: 'Object' },
  zoneType: { zh: '区划类型', en: 'Zone type' },
  change: { zh: '变化', en: 'Change' },
  fields: { zh: '字段', en: 'Fields' },
  gained: { zh: '调入', en: 'Gained' },
  lost: { zh: '调出', en: 'Lost' },
  net: { zh: '净变化', en: 'Net' },
  before: { zh: 'A 面积', en: 'Area in A' },
  after: { zh: 'B 面积', en: 'Area in B' },
  counts: { zh: '新增/删除/修改', en: 'Added/removed/changed' },
  unit: { zh: '面积单位', en: 'Area unit' },
  showOnMap: { zh: '在地图上显示', en: 'Show on map' },
  swipe: { zh: '卷帘对比', en: 'Swipe' },
  clear: { zh: '清除对比', en: 'Clear comparison' },
  exportLayer: { zh: '导出变化图层（WHLX）…', en: 'Export change layer (WHLX)…' },
  areaNote: {
    zh: '调入、调出为同一对象同类区划合并后的增减部分，椭球面积（CGCS2000）；小于 0.01 m² 的碎片不计。',
    en: 'Gained and lost: the difference of each object’s zones of one type, ellipsoidal (CGCS2000); slivers under 0.01 m² are left out.',
  },
} satisfies Record<string, Bilingual>;

export const KIND_LABELS: Record<RecordChangeKind, Bilingual> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  geometry: { zh: '边界变化', en: 'geometry' },
  attributes: { zh: '属性变化', en: 'attributes' },
  'geometry+attributes': { zh: '边界和属性变化', en: 'geometry and attributes' },
};
