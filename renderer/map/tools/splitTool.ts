import { splitZoneCommand } from '../../editor/commands/geometryOpCommands';
import type { MapTool, ToolContext } from './toolContext';
import { createZoneLineTool } from './zoneLineTool';

/**
 * Split the selected zone by a line drawn across it: the largest part keeps the zone (and stays
 * selected), the others become new zones with the same attributes — one undo step.
 */
export function createSplitTool(ctx: ToolContext): MapTool {
  return createZoneLineTool(ctx, {
    needsZone: {
      zh: '请先选择一个区划，再画线把它分割',
      en: 'Select one zone first, then draw a line across it to split it',
    },
    command: splitZoneCommand,
  });
}
