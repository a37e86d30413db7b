import type { ZoneSymbol } from '../domain/symbology';
import type { PathOp, Rgb } from './displayList';

type Pt = readonly [number, number];
type Rings = readonly (readonly Pt[])[];

/** Screen pixels of the map symbols → millimetres on paper (a 0.25 mm pixel, as print drivers use). */
export const MM_PER_SYMBOL_PX = 0.25;
const HATCH_WIDTH_MM = 0.18;

/** "#rrggbb" or "#rrggbbaa" → colour and opacity. */
export function parseColour(hex: string): { rgb: Rgb; alpha: number } {
  const h = hex.replace('#', '');
  const byte = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return { rgb: [byte(0), byte(2), byte(4)], alpha: h.length >= 8 ? byte(6) / 255 : 1 };
}

/**
 * A polygon (outer ring and holes, in page mm) drawn with a zone symbol: the tinted fill, the
 * hatch as vector lines cut to the polygon, then the outline.
 */
export function symbolOps(rings: Rings, symbol: ZoneSymbol): PathOp[] {
  const fill = parseColour(symbol.fill);
  const stroke = parseColour(symbol.stroke);
  const ops: PathOp[] = [
    { op: 'path', rings, closed: true, fill: fill.rgb, fillOpacity: fill.alpha, evenOdd: true },
  ];
  if (symbol.hatch) {
    const hatch = parseColour(symbol.hatch.color);
    const lines = hatchLines(rings, symbol.hatch.angle, symbol.hatch.spacing * MM_PER_SYMBOL_PX);
    if (lines.length > 0)
      ops.push({
        op: 'path',
        rings: lines,
        closed: false,
        stroke: hatch.rgb,
        strokeOpacity: hatch.alpha,
        widthMm: HATCH_WIDTH_MM,
      });
  }
  ops.push({
    op: 'path',
    rings,
    closed: true,
    stroke: stroke.rgb,
    strokeOpacity: stroke.alpha,
    widthMm: symbol.strokeWidth * MM_PER_SYMBOL_PX,
    ...(symbol.dash && { dash: symbol.dash.map((d) => d * MM_PER_SYMBOL_PX) }),
  });
  return ops;
}

/**
 * Parallel lines at `angleDeg` (counter-clockwise from the page's x axis) every `spacingMm`,
 * cut to the inside of the rings by the even-odd rule. Lines sit on multiples of the spacing
 * in page space, so neighbouring polygons' hatches line up.
 */
export function hatchLines(rings: Rings, angleDeg: number, spacingMm: number): [number, number][][] {
  const a = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  // Rotate by −a: hatch lines become horizontal (v constant).
  const rotated = rings.map((ring) => ring.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos] as const));
  let minV = Infinity;
  let maxV = -Infinity;
  for (const ring of rotated)
    for (const [, v] of ring) {
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
  const out: [number, number][][] = [];
  if (!(spacingMm > 0) || !Number.isFinite(minV)) return out;
  for (let k = Math.ceil(minV / spacingMm); k * spacingMm <= maxV; k++) {
    const v = k * spacingMm;
    const us: number[] = [];
    for (const ring of rotated) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [u1, v1] = ring[j]!;
        const [u2, v2] = ring[i]!;
        if (v1 <= v !== v2 <= v) us.push(u1 + ((v - v1) / (v2 - v1)) * (u2 - u1));
      }
    }
    us.sort((p, q) => p - q);
    for (let i = 0; i + 1 < us.length; i += 2) {
      const back = (u: number): [number, number] => [u * cos - v * sin, u * sin + v * cos];
      out.push([back(us[i]!), back(us[i + 1]!)]);
    }
  }
  return out;
}
