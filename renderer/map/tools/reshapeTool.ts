import { reshapeZoneCommand } from '../../editor/commands/geometryOpCommands';
import type { MapTool, ToolContext } from './toolContext';
import { createZoneLineTool } from './zoneLineTool';

/**
 * Reshape the selected zone's boundary with a line that crosses it twice: drawn outside, the area
 * it encloses with the boundary is added; drawn through the zone, the smaller side is cut off —
 * one undo step.
 */
export function createReshapeTool(ctx: ToolContext): MapTool {
  return createZoneLineTool(ctx, {
    needsZone: {
      zh: '请先选择一个区划，再画一条两次穿过其边界的线',
      en: 'Select one zone first, then draw a line that crosses its boundary twice',
    },
    command: reshapeZoneCommand,
  });
}
