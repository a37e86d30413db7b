import type { ToolId } from '../editor/tools';
import { createCommentTool } from './tools/commentTool';
import { createDrawZoneTool } from './tools/drawZoneTool';
import { createHoleTool } from './tools/holeTool';
import { createMeasureTool } from './tools/measureTool';
import { createModifyTool } from './tools/modifyTool';
import { createMoveTool } from './tools/moveTool';
import { createSelectTool } from './tools/selectTool';
import type { MapTool, ToolContext } from './tools/toolContext';
import { createPointQueryTool } from './tools/pointQueryTool';
import { createReshapeTool } from './tools/reshapeTool';
import { createSplitTool } from './tools/splitTool';

const FACTORIES: Record<ToolId, (ctx: ToolContext) => MapTool> = {
  select: createSelectTool,
  drawPolygon: (ctx) => createDrawZoneTool(ctx, 'polygon'),
  drawRectangle: (ctx) => createDrawZoneTool(ctx, 'rectangle'),
  drawCircle: (ctx) => createDrawZoneTool(ctx, 'circle'),
  drawHole: createHoleTool,
  modify: createModifyTool,
  move: createMoveTool,
  measureLength: (ctx) => createMeasureTool(ctx, 'length'),
  measureArea: (ctx) => createMeasureTool(ctx, 'area'),
  whatHere: createPointQueryTool,
  comment: createCommentTool,
  split: createSplitTool,
  reshape: createReshapeTool,
};

export function createTool(tool: ToolId, ctx: ToolContext): MapTool {
  return FACTORIES[tool](ctx);
}
