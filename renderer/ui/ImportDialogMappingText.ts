import type { Bilingual } from '../../shared/domain/labels';

/** Words of the import dialog's mapping panel (kept beside it, as the panel is its only user). */
export const MAPPING_TEXT = {
  title: { zh: '字段与取值对应', en: 'Field and value mapping' },
  zoneFields: { zh: '区划字段', en: 'Zone fields' },
  objectFields: { zh: '保护对象字段', en: 'Object fields' },
  schemaField: { zh: '工作台字段', en: 'Workbench field' },
  sourceField: { zh: '来源字段', en: 'Source field' },
  row: { zh: '第 {n} 行', en: 'Row {n}' },
  none: { zh: '— 不导入 —', en: '— none —' },
  missing: { zh: '（本文件没有）', en: ' (not in this file)' },
  sourceOf: { zh: '{field} 的来源字段', en: 'Source field of {field}' },
  values: { zh: '取值对应', en: 'Value mapping' },
  sourceValue: { zh: '来源取值', en: 'Source value' },
  count: { zh: '要素数', en: 'Features' },
  mapsTo: { zh: '对应为', en: 'Maps to' },
  refuse: { zh: '— 无法识别，拒绝该要素 —', en: '— not recognised: refuse the feature —' },
  more: {
    zh: '另有 {n} 个取值未列出（按自动识别处理）',
    en: '{n} more values not listed (resolved automatically)',
  },
  preset: { zh: '字段对应方案', en: 'Mapping preset' },
  noPreset: { zh: '— 未使用方案 —', en: '— no preset —' },
  presetFits: {
    zh: '来源字段与该方案完全一致，已自动应用',
    en: 'The source fields match this preset exactly: applied automatically',
  },
  presetName: { zh: '方案名称', en: 'Preset name' },
  savePreset: { zh: '保存为方案', en: 'Save as preset' },
  deletePreset: { zh: '删除方案', en: 'Delete preset' },
  exportPreset: { zh: '导出方案 JSON', en: 'Export preset JSON' },
  importPreset: { zh: '导入方案 JSON…', en: 'Import preset JSON…' },
  saved: { zh: '已保存字段对应方案「{name}」', en: 'Saved mapping preset “{name}”' },
  planBefore: { zh: '导入后对当前项目：{summary}', en: 'Accepting changes the open project: {summary}' },
} satisfies Record<string, Bilingual>;

export type MappingTextKey = keyof typeof MAPPING_TEXT;

export function mappingText(
  key: MappingTextKey,
  lang: keyof Bilingual,
  params: Record<string, string | number> = {},
): string {
  return MAPPING_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
