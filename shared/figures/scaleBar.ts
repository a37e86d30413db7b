import type { DrawOp } from './displayList';
import type { Block } from './legend';
import { groupDigits } from '../domain/units';
import { formatScale } from './paper';
import { ptToMm } from './textMeasure';

/** Bar length on the ground: the longest 1, 2 or 5 × 10ⁿ metres that fits `maxMm` on paper. */
export function scaleBarLength(scale: number, maxMm: number): number {
  const maxM = (maxMm * scale) / 1000;
  const power = 10 ** Math.floor(Math.log10(maxM));
  return [5, 2, 1].map((s) => s * power).find((m) => m <= maxM)!;
}

/**
 * The numeric scale ("比例尺 1:1 000") above a graphic bar of four alternating parts, labelled
 * in metres at 0, the middle and the end. The bar's length on paper is exactly ground / scale.
 */
export function scaleBarBlock(scale: number, x: number, top: number, widthMm: number, factor: number): Block {
  const textPt = 9 * factor;
  const labelPt = 7 * factor;
  const barH = 1.6 * factor;
  const lengthM = scaleBarLength(scale, widthMm * 0.8);
  const lengthMm = (lengthM * 1000) / scale;
  const ops: DrawOp[] = [];
  let y = top - ptToMm(textPt);
  ops.push({
    op: 'text',
    str: `比例尺 ${formatScale(scale)}`,
    xMm: x + widthMm / 2,
    yMm: y,
    sizePt: textPt,
    anchor: 'middle',
    color: [0, 0, 0],
  });
  y -= ptToMm(labelPt) * 1.6 + barH;
  const x0 = x + (widthMm - lengthMm) / 2;
  const part = lengthMm / 4;
  for (let i = 0; i < 4; i++) {
    const px = x0 + i * part;
    ops.push({
      op: 'path',
      rings: [
        [
          [px, y],
          [px + part, y],
          [px + part, y + barH],
          [px, y + barH],
          [px, y],
        ],
      ],
      closed: true,
      fill: i % 2 === 0 ? [0, 0, 0] : [255, 255, 255],
      stroke: [0, 0, 0],
      widthMm: 0.15,
    });
  }
  const ly = y + barH + ptToMm(labelPt) * 0.4;
  const labels: [number, string][] = [
    [x0, '0'],
    [x0 + lengthMm / 2, groupDigits(lengthM / 2, 0)],
    [x0 + lengthMm, `${groupDigits(lengthM, 0)} 米`],
  ];
  for (const [lx, str] of labels)
    ops.push({ op: 'text', str, xMm: lx, yMm: ly, sizePt: labelPt, anchor: 'middle', color: [0, 0, 0] });
  return { ops, heightMm: top - y + 1 };
}
