import { addZonePrefix } from '../crs/gaussKruger';
import type { DrawOp, PathOp, TextOp } from './displayList';
import type { GridMode } from './figureSettings';
import type { GroundFrame } from './frame';
import { toPage } from './frame';
import { groupDigits } from '../domain/units';
import { ptToMm, type MeasureText } from './textMeasure';

/**
 * Ground spacing of the coordinate grid: about 10 cm on paper (GB/T 20257.1's 10 cm grid: 50 m
 * at 1:500, 100 m at 1:1 000, 200 m at 1:2 000), rounded to 1, 2 or 5 × 10ⁿ metres.
 */
export function gridSpacing(scale: number): number {
  const target = scale / 10;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].find((s) => s * power >= target * 0.99)!;
  return step * power;
}

export interface GridLine {
  /** 'E': a line of constant easting (vertical on the page); 'N': constant northing. */
  axis: 'E' | 'N';
  /** The grid line's value in metres (easting without the zone prefix). */
  value: number;
  /** Its label: X = northing, Y = easting with the zone number (survey convention). */
  label: string;
}

export function gridLines(g: GroundFrame, gkZone: number): GridLine[] {
  const s = gridSpacing(g.scale);
  const lines: GridLine[] = [];
  for (let e = Math.ceil(g.minE / s) * s; e <= g.maxE; e += s)
    lines.push({ axis: 'E', value: e, label: `Y=${groupDigits(addZonePrefix(e, gkZone), 0)}` });
  for (let n = Math.ceil(g.minN / s) * s; n <= g.maxN; n += s)
    lines.push({ axis: 'N', value: n, label: `X=${groupDigits(n, 0)}` });
  return lines;
}

const BLACK = [0, 0, 0] as const;

/** The grid or its ticks inside the frame, and the labels outside its bottom and left edges (none past its corners). */
export function gridOps(
  g: GroundFrame,
  gkZone: number,
  mode: GridMode,
  factor: number,
  measure: MeasureText,
): DrawOp[] {
  if (mode === 'none') return [];
  const { xMm: x0, yMm: y0, wMm, hMm } = g.map;
  const x1 = x0 + wMm;
  const y1 = y0 + hMm;
  const lines = gridLines(g, gkZone);
  const segments: [number, number][][] = [];
  const tick = 2.5 * factor;
  const arm = 3 * factor;
  const xs = lines.filter((l) => l.axis === 'E').map((l) => toPage(g, l.value, g.minN)[0]);
  const ys = lines.filter((l) => l.axis === 'N').map((l) => toPage(g, g.minE, l.value)[1]);
  if (mode === 'lines') {
    for (const x of xs)
      segments.push([
        [x, y0],
        [x, y1],
      ]);
    for (const y of ys)
      segments.push([
        [x0, y],
        [x1, y],
      ]);
  } else {
    for (const x of xs)
      segments.push(
        [
          [x, y0],
          [x, y0 + tick],
        ],
        [
          [x, y1],
          [x, y1 - tick],
        ],
      );
    for (const y of ys)
      segments.push(
        [
          [x0, y],
          [x0 + tick, y],
        ],
        [
          [x1, y],
          [x1 - tick, y],
        ],
      );
    for (const x of xs)
      for (const y of ys) {
        if (x - x0 < arm || x1 - x < arm || y - y0 < arm || y1 - y < arm) continue;
        segments.push(
          [
            [x - arm, y],
            [x + arm, y],
          ],
          [
            [x, y - arm],
            [x, y + arm],
          ],
        );
      }
  }
  const ops: DrawOp[] = [];
  if (segments.length > 0) {
    const path: PathOp = {
      op: 'path',
      rings: segments,
      closed: false,
      stroke: mode === 'lines' ? [90, 90, 90] : BLACK,
      widthMm: mode === 'lines' ? 0.1 : 0.15,
    };
    ops.push(path);
  }
  const sizePt = 7 * factor;
  const gap = 1.2 * factor;
  let lastRight = -Infinity;
  for (const line of lines.filter((l) => l.axis === 'E')) {
    const x = toPage(g, line.value, g.minN)[0];
    const w = measure(line.label, sizePt);
    if (x - w / 2 < Math.max(lastRight + gap, x0) || x + w / 2 > x1) continue;
    lastRight = x + w / 2;
    ops.push(label(line.label, x, y0 - gap - ptToMm(sizePt) * 0.8, sizePt, 0));
  }
  let lastTop = -Infinity;
  for (const line of lines.filter((l) => l.axis === 'N')) {
    const y = toPage(g, g.minE, line.value)[1];
    const w = measure(line.label, sizePt);
    if (y - w / 2 < Math.max(lastTop + gap, y0) || y + w / 2 > y1) continue;
    lastTop = y + w / 2;
    ops.push(label(line.label, x0 - gap, y, sizePt, 90));
  }
  return ops;
}

function label(str: string, xMm: number, yMm: number, sizePt: number, rotation: number): TextOp {
  return { op: 'text', str, xMm, yMm, sizePt, anchor: 'middle', rotation, color: BLACK };
}
