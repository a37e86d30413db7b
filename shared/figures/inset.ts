import type { Position } from '../domain/geometry';
import type { DrawOp } from './displayList';
import type { Block } from './legend';
import { boxOp } from './legend';
import { ptToMm } from './textMeasure';

/** Boundary lines for the location map (province outlines of the bundled basemap), lon/lat. */
export interface InsetBasemap {
  lines: readonly (readonly Position[])[];
}

/** Degrees of latitude the location map spans: a prefecture or two around the site. */
const SPAN_LAT = 4;

/**
 * The location map (位置示意图): boundaries around the site in a plate carrée stretched by
 * cos(latitude), clipped to its box, the site as a red square with the frame's outline.
 */
export function insetBlock(
  basemap: InsetBasemap,
  site: Position,
  x: number,
  top: number,
  widthMm: number,
  factor: number,
): Block {
  const notePt = 6 * factor;
  const titlePt = 8 * factor;
  const h = widthMm * 0.7;
  const y = top - ptToMm(titlePt) * 1.6 - h;
  const cosLat = Math.cos((site[1] * Math.PI) / 180);
  const k = h / SPAN_LAT; // mm per degree of latitude
  const toInset = ([lon, lat]: Position): [number, number] => [
    x + widthMm / 2 + (lon - site[0]) * cosLat * k,
    y + h / 2 + (lat - site[1]) * k,
  ];
  const lines: [number, number][][] = [];
  const minStep = 0.3; // mm: closer vertices are dropped, the PDF stays small
  for (const line of basemap.lines) {
    const out: [number, number][] = [];
    for (const p of line) {
      const q = toInset(p);
      const last = out[out.length - 1];
      if (!last || Math.abs(q[0] - last[0]) + Math.abs(q[1] - last[1]) >= minStep) out.push(q);
    }
    if (out.length > 1 && out.some(([px, py]) => px >= x && px <= x + widthMm && py >= y && py <= y + h))
      lines.push(out);
  }
  const s = 1.6 * factor;
  const [sx, sy] = toInset(site);
  const ops: DrawOp[] = [
    { op: 'clip', rect: { xMm: x, yMm: y, wMm: widthMm, hMm: h } },
    ...(lines.length > 0
      ? [{ op: 'path', rings: lines, closed: false, stroke: [120, 120, 120], widthMm: 0.15 } as const]
      : []),
    {
      op: 'path',
      rings: [
        [
          [sx - s, sy - s],
          [sx + s, sy - s],
          [sx + s, sy + s],
          [sx - s, sy + s],
          [sx - s, sy - s],
        ],
      ],
      closed: true,
      fill: [208, 28, 28],
    },
    { op: 'unclip' },
    boxOp(x, y, widthMm, h),
    {
      op: 'text',
      str: '位置示意图',
      xMm: x + widthMm / 2,
      yMm: top - ptToMm(titlePt),
      sizePt: titlePt,
      anchor: 'middle',
      color: [0, 0, 0],
    },
    {
      op: 'text',
      str: '示意图，边界不作为权属依据',
      xMm: x + widthMm / 2,
      yMm: y - ptToMm(notePt) * 1.2,
      sizePt: notePt,
      anchor: 'middle',
      color: [90, 90, 90],
    },
  ];
  return { ops, heightMm: h + ptToMm(titlePt) * 1.6 + ptToMm(notePt) * 1.6 };
}
