import type { DrawOp } from './displayList';
import type { Block } from './legend';
import { ptToMm } from './textMeasure';

/**
 * A vector north arrow: a split arrowhead (left half black, right half white) under "北". The
 * frame is in Gauss-Krüger grid coordinates, so it points to grid north, straight up.
 */
export function northArrowBlock(cx: number, top: number, factor: number): Block {
  const letterPt = 10 * factor;
  const h = 14 * factor;
  const w = 6 * factor;
  const tipY = top - ptToMm(letterPt) * 1.3;
  const baseY = tipY - h;
  const notchY = baseY + h * 0.25;
  const black = [0, 0, 0] as const;
  const ops: DrawOp[] = [
    {
      op: 'text',
      str: '北',
      xMm: cx,
      yMm: top - ptToMm(letterPt) * 0.9,
      sizePt: letterPt,
      anchor: 'middle',
      bold: true,
      color: black,
    },
    {
      op: 'path',
      rings: [
        [
          [cx, tipY],
          [cx - w / 2, baseY],
          [cx, notchY],
          [cx, tipY],
        ],
      ],
      closed: true,
      fill: black,
      stroke: black,
      widthMm: 0.15,
    },
    {
      op: 'path',
      rings: [
        [
          [cx, tipY],
          [cx + w / 2, baseY],
          [cx, notchY],
          [cx, tipY],
        ],
      ],
      closed: true,
      fill: [255, 255, 255],
      stroke: black,
      widthMm: 0.15,
    },
  ];
  return { ops, heightMm: top - baseY };
}
