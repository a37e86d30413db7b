import type { Bilingual, Lang } from '../../../shared/domain/labels';
import type { LayerStatus } from '../../../shared/domain/backgrounds';
import type { LabelField } from '../../map/zoneLabelText';
import { useLang } from '../hooks/useLang';

/** The layers panel's wording; every control's accessible name comes from here. */
export const LAYERS_TEXT = {
  layers: { zh: '图层', en: 'Layers' },
  listedLayers: { zh: '底图与参考图层', en: 'Backgrounds and reference layers' },
  noListedLayers: { zh: '尚无底图或参考图层', en: 'No backgrounds or reference layers yet' },
  addBackground: { zh: '添加底图', en: 'Add background' },
  fromFile: { zh: '来自文件…', en: 'From file…' },
  show: { zh: '显示', en: 'Show' },
  opacity: { zh: '不透明度', en: 'Opacity' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  zoomTo: { zh: '缩放至图层', en: 'Zoom to layer' },
  remove: { zh: '移除', en: 'Remove' },
  confirmRemove: { zh: '确认移除', en: 'Confirm removing' },
  cancel: { zh: '取消', en: 'Cancel' },
  allowAgain: { zh: '重新授权', en: 'Allow again' },
  locateFile: { zh: '定位文件…', en: 'Locate file…' },
  reloadWindow: { zh: '重新加载窗口', en: 'Reload window' },
  status: { zh: '状态', en: 'Status' },
  dragHint: {
    zh: '拖动行或用上移/下移按钮调整顺序；列表上方的图层画在上面',
    en: 'Drag a row or use Move up/Move down to reorder; layers higher in the list are drawn on top',
  },
  background: { zh: '底图', en: 'Background' },
  reference: { zh: '参考图层', en: 'Reference layer' },
  zoneLayers: { zh: '区划图层（始终在最上方）', en: 'Zone layers (always on top)' },
  noZones: { zh: '项目中尚无区划', en: 'No zones in the project yet' },
  labelField: { zh: '标注字段', en: 'Label field' },
  crsTitle: { zh: '底图的坐标系', en: 'Coordinate system of the background' },
  datumTitle: { zh: '底图的基准转换', en: 'Datum transformation of the background' },
  datumQuestion: {
    zh: '此底图的坐标系不是 CGCS2000。请选择如何转换到 CGCS2000：填写或载入本地公布的转换参数，或不转换（保留误差）。',
    en: 'This background is not on CGCS2000. Choose how it becomes CGCS2000: enter or load the locally published parameters, or no shift (the error stays).',
  },
  crsQuestion: {
    zh: '文件未说明其坐标系。请选择，否则底图无法放到正确位置：',
    en: 'The file does not say its coordinate system. Choose one, or the background cannot be placed:',
  },
  crsSuggested: { zh: '建议', en: 'Suggested' },
  crsSelect: { zh: '坐标系', en: 'Coordinate system' },
  ok: { zh: '确定', en: 'OK' },
} satisfies Record<string, Bilingual>;
export type LayersKey = keyof typeof LAYERS_TEXT;

export const LABEL_FIELDS: { value: LabelField; label: Bilingual }[] = [
  { value: 'name', label: { zh: '保护对象名称与区划类型', en: 'Object name and zone type' } },
  { value: 'objectName', label: { zh: '保护对象名称', en: 'Object name' } },
  { value: 'code', label: { zh: '文物编码', en: 'Official code' } },
  { value: 'zoneType', label: { zh: '区划类型', en: 'Zone type' } },
  { value: null, label: { zh: '不标注', en: 'No labels' } },
];

export const STATUS_TEXT: Record<LayerStatus['state'], Bilingual> = {
  loading: { zh: '加载中', en: 'Loading' },
  ready: { zh: '正常', en: 'Ready' },
  error: { zh: '出错', en: 'Error' },
  needsPermission: { zh: '需要授权', en: 'Needs permission' },
  missing: { zh: '缺少文件', en: 'File missing' },
  needsReload: { zh: '需重新加载', en: 'Reload needed' },
};

/** The UI language and a translator for the panel's wording. */
export function useLayersText(): { lang: Lang; l: (key: LayersKey) => string } {
  const { lang } = useLang();
  return { lang, l: (key) => LAYERS_TEXT[key][lang] };
}
