import { DEFAULT_SYMBOLS, type ZoneSymbol } from '../domain/symbology';
import { ZONE_TYPE_LABELS, type ZoneType } from '../domain/taxonomy';
import type { DrawOp } from './displayList';
import { symbolOps } from './symbolOps';
import { ptToMm, type MeasureText } from './textMeasure';

export interface Block {
  ops: DrawOp[];
  heightMm: number;
}

/** Legend order: the object outwards (本体, 保护范围 … 环境协调区), then the independent layers. */
export function legendOrder(
  types: Iterable<ZoneType>,
  symbols: Record<ZoneType, ZoneSymbol> = DEFAULT_SYMBOLS,
): ZoneType[] {
  return [...new Set(types)].sort((a, b) => symbols[b].order - symbols[a].order);
}

/** One legend line: a swatch drawn with the symbol, and its label. */
export interface LegendEntry {
  label: string;
  symbol: ZoneSymbol;
}

/** Legend lines for zone types (in the given order), with their Chinese names. */
export function zoneLegendEntries(
  types: readonly ZoneType[],
  symbols: Record<ZoneType, ZoneSymbol> = DEFAULT_SYMBOLS,
): LegendEntry[] {
  return types.map((type) => ({ label: ZONE_TYPE_LABELS[type].zh, symbol: symbols[type] }));
}

/**
 * The legend (图例) of exactly the given entries, each with a swatch drawn by the same symbol
 * code as the map, in a box `widthMm` wide whose top-left corner is (x, top).
 */
export function legendBlock(
  entries: readonly LegendEntry[],
  x: number,
  top: number,
  widthMm: number,
  factor: number,
  measure: MeasureText,
): Block {
  const headPt = 11 * factor;
  const itemPt = 9 * factor;
  const pad = 2.5 * factor;
  const swatchW = 12 * factor;
  const swatchH = 6 * factor;
  const row = swatchH + 2.5 * factor;
  const ops: DrawOp[] = [];
  let y = top - pad - ptToMm(headPt);
  ops.push({
    op: 'text',
    str: '图例',
    xMm: x + widthMm / 2,
    yMm: y,
    sizePt: headPt,
    anchor: 'middle',
    bold: true,
    color: [0, 0, 0],
  });
  y -= pad;
  for (const { label, symbol } of entries) {
    const sx = x + pad;
    const sy = y - swatchH;
    ops.push(...symbolOps([rectRing(sx, sy, swatchW, swatchH)], symbol));
    const textX = sx + swatchW + 2 * factor;
    const room = x + widthMm - pad - textX;
    const size = Math.min(itemPt, (itemPt * room) / Math.max(measure(label, itemPt), 1e-9));
    ops.push({
      op: 'text',
      str: label,
      xMm: textX,
      yMm: sy + swatchH / 2 - ptToMm(size) * 0.35,
      sizePt: size,
      anchor: 'start',
      color: [0, 0, 0],
    });
    y -= row;
  }
  const heightMm = top - y + pad - 2.5 * factor;
  ops.push(boxOp(x, top - heightMm, widthMm, heightMm));
  return { ops, heightMm };
}

/** A rectangle's outline as a closed ring, anticlockwise from its bottom-left corner (page mm, y up). */
export function rectRing(x: number, y: number, w: number, h: number): [number, number][] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ];
}

export function boxOp(x: number, y: number, w: number, h: number, widthMm = 0.2): DrawOp {
  return { op: 'path', rings: [rectRing(x, y, w, h)], closed: true, stroke: [0, 0, 0], widthMm };
}
