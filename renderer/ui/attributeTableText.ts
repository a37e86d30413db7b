import type { Bilingual, Lang } from '../../shared/domain/labels';

/** The attribute table's wording; every control's accessible name comes from here. */
export const TABLE_TEXT = {
  title: { zh: '属性表', en: 'Attribute table' },
  open: { zh: '属性表', en: 'Attribute table' },
  close: { zh: '关闭属性表', en: 'Close the attribute table' },
  grid: { zh: '区划属性表', en: 'Zone attribute table' },
  filters: { zh: '筛选', en: 'Filters' },
  search: { zh: '在表中搜索', en: 'Search the table' },
  zoneType: { zh: '按区划类型筛选', en: 'Filter by zone type' },
  object: { zh: '按保护对象筛选', en: 'Filter by protected object' },
  level: { zh: '按保护级别筛选', en: 'Filter by protection level' },
  township: { zh: '按乡镇筛选', en: 'Filter by township' },
  findings: { zh: '按检查结果筛选', en: 'Filter by check findings' },
  all: { zh: '全部', en: 'All' },
  none: { zh: '未注明', en: 'Unspecified' },
  withFindings: { zh: '有问题', en: 'With findings' },
  withoutFindings: { zh: '无问题', en: 'Without findings' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  actions: { zh: '属性表操作', en: 'Table actions' },
  selectShown: { zh: '选择全部显示行', en: 'Select all shown rows' },
  clearSelection: { zh: '取消选择', en: 'Clear the selection' },
  zoomToSelected: { zh: '缩放至选中行', en: 'Zoom to selected rows' },
  copyView: { zh: '复制表格（制表符分隔）', en: 'Copy the table (tab-separated)' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel（XLSX）', en: 'Export Excel (XLSX)' },
  bulkEdit: { zh: '批量修改选中行', en: 'Edit the selected rows' },
  bulkColumn: { zh: '要修改的列', en: 'Column to set' },
  bulkValue: { zh: '新值', en: 'New value' },
  empty: { zh: '（空）', en: '(empty)' },
  sortBy: { zh: '排序：', en: 'Sort by ' },
  editCell: { zh: '编辑', en: 'Edit' },
  noRows: { zh: '没有符合条件的区划', en: 'No zone matches' },
  copied: { zh: '已复制到剪贴板', en: 'Copied to the clipboard' },
  areaPending: { zh: '正在计算面积…', en: 'Computing areas…' },
} satisfies Record<string, Bilingual>;

export type TableTextKey = keyof typeof TABLE_TEXT;

export function tableText(key: TableTextKey, lang: Lang): string {
  return TABLE_TEXT[key][lang];
}

/** "12 of 340 rows · 3 selected" */
export function countText(shown: number, total: number, selected: number, lang: Lang): string {
  return lang === 'zh'
    ? `显示 ${shown} / ${total} 行 · 已选 ${selected} 行`
    : `${shown} of ${total} rows · ${selected} selected`;
}

/** The button that applies a bulk edit says how many rows it changes. */
export function applyText(selected: number, lang: Lang): string {
  return lang === 'zh'
    ? `应用到 ${selected} 个选中行`
    : `Apply to ${selected} selected row${selected === 1 ? '' : 's'}`;
}

/** History label of a table edit. */
export function editLabel(column: Bilingual, rows: number): Bilingual {
  return rows === 1
    ? { zh: `修改${column.zh}`, en: `Edit ${column.en.toLowerCase()}` }
    : { zh: `批量修改${column.zh}（${rows} 行）`, en: `Set ${column.en.toLowerCase()} for ${rows} rows` };
}
