import type { DrawOp } from './displayList';
import type { TitleBlock } from './figureSettings';
import type { Block } from './legend';
import { boxOp } from './legend';
import { ptToMm, wrapText, type MeasureText } from './textMeasure';

const BLACK = [0, 0, 0] as const;

/**
 * The title block (图签) at the foot of the side column: 编制单位, 日期, 图号 in a two-column
 * table, then 附注 wrapped to the column. Empty fields are left out; nothing filled → no block.
 */
export function titleBlockBlock(
  tb: TitleBlock,
  x: number,
  bottom: number,
  widthMm: number,
  factor: number,
  measure: MeasureText,
): Block {
  const sizePt = 8 * factor;
  const line = ptToMm(sizePt) * 1.45;
  const pad = 1.5 * factor;
  const labelW = 16 * factor;
  const valueW = widthMm - labelW - 2 * pad;
  const rows: { label: string; lines: string[] }[] = [];
  for (const [label, value] of [
    ['编制单位', tb.organisation],
    ['日期', tb.date],
    ['图号', tb.sheetNo],
  ] as const)
    if (value) rows.push({ label, lines: wrapText(value, sizePt, valueW, measure) });
  const notes = tb.notes ? wrapText(`附注：${tb.notes}`, sizePt, widthMm - 2 * pad, measure) : [];
  const rowH = (r: { lines: string[] }) => r.lines.length * line + 2 * pad;
  const notesH = notes.length > 0 ? notes.length * line + 2 * pad : 0;
  const heightMm = rows.reduce((h, r) => h + rowH(r), 0) + notesH;
  if (heightMm === 0) return { ops: [], heightMm: 0 };
  const ops: DrawOp[] = [boxOp(x, bottom, widthMm, heightMm, 0.3)];
  let y = bottom + heightMm;
  const separators: [number, number][][] = [];
  for (const row of rows) {
    const h = rowH(row);
    ops.push(text(row.label, x + labelW / 2, y - pad - line * 0.75, sizePt, 'middle'));
    row.lines.forEach((l, i) =>
      ops.push(text(l, x + labelW + pad, y - pad - line * (i + 0.75), sizePt, 'start')),
    );
    separators.push([
      [x + labelW, y],
      [x + labelW, y - h],
    ]);
    y -= h;
    separators.push([
      [x, y],
      [x + widthMm, y],
    ]);
  }
  notes.forEach((l, i) => ops.push(text(l, x + pad, y - pad - line * (i + 0.75), sizePt, 'start')));
  if (notes.length === 0) separators.pop();
  if (separators.length > 0)
    ops.push({ op: 'path', rings: separators, closed: false, stroke: BLACK, widthMm: 0.15 });
  return { ops, heightMm };
}

function text(str: string, xMm: number, yMm: number, sizePt: number, anchor: 'start' | 'middle'): DrawOp {
  return { op: 'text', str, xMm, yMm, sizePt, anchor, color: BLACK };
}
