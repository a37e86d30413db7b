import { DEVICE_PIXEL_RATIO } from 'ol/has';
import type { ZoneSymbol } from '../../shared/domain/symbology';
import { hatchCell } from './zonePaint';

const patterns = new Map<NonNullable<ZoneSymbol['hatch']>, CanvasPattern | null>();

/**
 * A zone type's hatch as a canvas pattern at the screen's pixel ratio (the cell of zonePaint.ts),
 * made once per hatch for the page's vector styles and pictures.
 */
export function hatchPattern(hatch: NonNullable<ZoneSymbol['hatch']>): CanvasPattern | null {
  if (patterns.has(hatch)) return patterns.get(hatch)!;
  const cell = hatchCell(hatch, DEVICE_PIXEL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = cell.width;
  canvas.height = cell.height;
  const ctx = canvas.getContext('2d');
  let pattern: CanvasPattern | null = null;
  if (ctx) {
    cell.draw(ctx);
    pattern = ctx.createPattern(canvas, 'repeat');
  }
  patterns.set(hatch, pattern);
  return pattern;
}
