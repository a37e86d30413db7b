import type { Bilingual } from '../../shared/domain/labels';

/** The map tools. The active tool is ephemeral editor state, never stored or undone. */
export const TOOL_IDS = [
  'select',
  'drawPolygon',
  'drawRectangle',
  'drawCircle',
  'drawHole',
  'modify',
  'move',
  'measureLength',
  'measureArea',
  'whatHere',
  'comment',
] as const;
/** The tools of the toolbar's tools group. */
export type ToolbarToolId = (typeof TOOL_IDS)[number];

/** Line tools on the one selected zone; their buttons sit in the geometry-operations group. */
export const ZONE_LINE_TOOLS = ['split', 'reshape'] as const;
export type ToolId = ToolbarToolId | (typeof ZONE_LINE_TOOLS)[number];
/** Every tool, for the keyboard map. */
export const ALL_TOOL_IDS: readonly ToolId[] = [...TOOL_IDS, ...ZONE_LINE_TOOLS];

export const TOOL_LABELS: Record<ToolId, Bilingual> = {
  select: { zh: '选择', en: 'Select' },
  drawPolygon: { zh: '绘制多边形', en: 'Draw polygon' },
  drawRectangle: { zh: '绘制矩形', en: 'Draw rectangle' },
  drawCircle: { zh: '绘制圆', en: 'Draw circle' },
  drawHole: { zh: '绘制内环（挖洞）', en: 'Draw hole' },
  modify: { zh: '编辑节点', en: 'Edit vertices' },
  move: { zh: '移动', en: 'Move' },
  measureLength: { zh: '量距离', en: 'Measure distance' },
  measureArea: { zh: '量面积', en: 'Measure area' },
  whatHere: { zh: '查询此处管控', en: 'What applies here' },
  comment: { zh: '批注', en: 'Comment' },
  split: { zh: '分割', en: 'Split' },
  reshape: { zh: '修形', en: 'Reshape' },
};

/** Tools that change nothing, the only ones a read-only review copy offers. */
export const VIEW_TOOLS: readonly ToolId[] = ['select', 'measureLength', 'measureArea', 'whatHere'];
/**
 * What a review copy offers: the view tools and the comment tool — comments (and decisions) are the
 * one change a reviewer makes; the geometry stays read-only.
 */
export const REVIEW_TOOLS: readonly ToolId[] = [...VIEW_TOOLS, 'comment'];

/** Single-key shortcuts, as in CAD: shown in tooltips and handled by the keyboard map. */
export const TOOL_KEYS: Record<ToolId, string> = {
  select: 'v',
  drawPolygon: 'p',
  drawRectangle: 'r',
  drawCircle: 'c',
  drawHole: 'h',
  modify: 'e',
  move: 'm',
  measureLength: 'd',
  measureArea: 'a',
  whatHere: 'q',
  comment: 'n',
  split: 's',
  reshape: 'b',
};
