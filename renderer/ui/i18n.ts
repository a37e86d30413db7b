import type { Bilingual, Lang } from '../../shared/domain/labels';

/** UI wording in both languages. Every control's accessible name comes from here. */
export const UI = {
  appTitle: { zh: '文物保护区划工作台', en: 'Heritage Zone Workbench' },
  toolbar: { zh: '工具栏', en: 'Toolbar' },
  fileGroup: { zh: '文件', en: 'File' },
  editGroup: { zh: '编辑', en: 'Edit' },
  toolsGroup: { zh: '绘图工具', en: 'Drawing tools' },
  newProject: { zh: '新建项目', en: 'New project' },
  openProject: { zh: '打开项目', en: 'Open project' },
  saveProject: { zh: '保存项目', en: 'Save project' },
  saveProjectAs: { zh: '项目另存为', en: 'Save project as' },
  recentProjects: { zh: '最近的项目', en: 'Recent projects' },
  importGeoJson: { zh: '导入 GeoJSON', en: 'Import GeoJSON' },
  exportGeoJson: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  delete: { zh: '删除', en: 'Delete' },
  zoneTypeForDrawing: { zh: '新区划类型', en: 'Type of new zone' },
  circleRadius: { zh: '圆半径（米）', en: 'Circle radius (m)' },
  snapping: { zh: '捕捉', en: 'Snapping' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoomToProject: { zh: '缩放至全部区划', en: 'Zoom to project' },
  language: { zh: 'English', en: '中文' },
  languageSwitch: { zh: '切换到英文', en: 'Switch to Chinese' },
  projectSettings: { zh: '项目设置', en: 'Project settings' },
  objects: { zh: '保护对象', en: 'Protected objects' },
  searchObjects: { zh: '搜索保护对象', en: 'Search objects' },
  newObject: { zh: '新建保护对象', en: 'New protected object' },
  noObjects: { zh: '尚无保护对象', en: 'No protected objects yet' },
  attributes: { zh: '属性', en: 'Attributes' },
  nothingSelected: {
    zh: '在地图或左侧列表中选择一个区划或保护对象',
    en: 'Select a zone or a protected object on the map or in the list',
  },
  zoneAttributes: { zh: '区划属性', en: 'Zone attributes' },
  objectAttributes: { zh: '保护对象属性', en: 'Object attributes' },
  apply: { zh: '应用', en: 'Apply' },
  cancel: { zh: '取消', en: 'Cancel' },
  create: { zh: '创建', en: 'Create' },
  close: { zh: '关闭', en: 'Close' },
  dismiss: { zh: '关闭提示', en: 'Dismiss message' },
  area: { zh: '面积', en: 'Area' },
  areaMethod: {
    zh: '椭球面积（CGCS2000 椭球，大地线计算）',
    en: 'Ellipsoidal area (CGCS2000 ellipsoid, geodesic)',
  },
  planarArea: { zh: '高斯-克吕格平面面积', en: 'Planar Gauss-Krüger area' },
  illustrative: {
    zh: '示意数据：位置与边界为按规则推算的示意，并非官方公布的区划',
    en: 'Illustrative data: positions and boundaries are derived by rule for illustration, not official',
  },
  pointer: { zh: '指针坐标', en: 'Pointer position' },
  storageNotPersistent: {
    zh: '浏览器未授予持久存储，磁盘紧张时数据可能被清除，请定期保存项目文件',
    en: 'The browser did not grant persistent storage; save project files regularly',
  },
  cancelJob: { zh: '取消任务', en: 'Cancel task' },
  exportDialog: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  exportAll: { zh: '全部区划类型', en: 'All zone types' },
  exportStart: { zh: '导出', en: 'Export' },
  importReport: { zh: '导入结果', en: 'Import result' },
  readOnly: { zh: '只读', en: 'read-only' },
  about: { zh: '关于', en: 'About' },
  webMode: { zh: '浏览器模式', en: 'Web mode' },
  desktopMode: { zh: '桌面模式', en: 'Desktop mode' },
} satisfies Record<string, Bilingual>;
export type UiKey = keyof typeof UI;

export function text(key: UiKey, lang: Lang): string {
  return UI[key][lang];
}
