import Draw from 'ol/interaction/Draw';
import type LineString from 'ol/geom/LineString';
import type { Position } from '../../../shared/domain/geometry';
import type { Bilingual } from '../../../shared/domain/labels';
import type { Command } from '../../editor/commands/command';
import { toLonLatPosition } from '../geometryConvert';
import { drawingTool } from './drawingTool';
import { drawClick } from './snapping';
import type { MapTool, ToolContext } from './toolContext';

export interface ZoneLineToolOptions {
  /** Shown when no single zone is selected as the sketch starts. */
  needsZone: Bilingual;
  /** The command the finished line commits, for the selected zone. */
  command(zoneId: string, line: Position[]): Command;
}

/** Consecutive duplicates dropped: a double-click to finish repeats the last vertex. */
function distinct(line: Position[]): Position[] {
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]);
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element &&
    (element.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(element.tagName) ||
      !!element.closest?.('dialog[open]'))
  );
}

/**
 * A line drawn across the one selected zone, then committed as one command (one undo step):
 * the life of split and reshape. Click to add vertices; double-click, click the last vertex again
 * or press Enter to finish; Backspace removes the last vertex; Escape abandons the line and
 * nothing is written. A refused line (e.g. not crossing the zone) leaves the zone as it was and
 * says why.
 */
export function createZoneLineTool(ctx: ToolContext, options: ZoneLineToolOptions): MapTool {
  const { workbench } = ctx;
  const draw = new Draw({ source: ctx.sketch, type: 'LineString', stopClick: true, condition: drawClick });

  const target = (): string | null => {
    const ids = workbench.state.get().selection.zoneIds;
    return ids.length === 1 ? ids[0]! : null;
  };
  const hasTarget = () => {
    if (target()) return true;
    workbench.notify('error', options.needsZone);
    return false;
  };

  draw.on('drawend', (event) => {
    const endedAt = performance.now();
    // The drawn line is only a tool: the result comes back through the live query.
    queueMicrotask(() => ctx.sketch.clear());
    const zoneId = target();
    const line = distinct((event.feature.getGeometry() as LineString).getCoordinates().map(toLonLatPosition));
    if (!zoneId || line.length < 2) {
      workbench.endGesture();
      return;
    }
    void workbench.commitGesture(options.command(zoneId, line), endedAt);
  });

  // Enter finishes the line (the keyboard map leaves Enter to buttons and form fields).
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || isTyping(event.target) || workbench.state.get().gesture !== 'draw') return;
    event.preventDefault();
    draw.finishDrawing();
  };
  window.addEventListener('keydown', onKey);

  const tool = drawingTool(ctx, draw, hasTarget);
  return {
    handleKey: (action) => tool.handleKey(action),
    dispose() {
      window.removeEventListener('keydown', onKey);
      tool.dispose();
    },
  };
}
