import type { Orientation, PaperSize } from './figureSettings';
import { groupDigits } from '../domain/units';

/** ISO 216 sizes, portrait width × height in millimetres. */
const ISO_216: Record<PaperSize, readonly [number, number]> = {
  A4: [210, 297],
  A3: [297, 420],
  A2: [420, 594],
  A1: [594, 841],
  A0: [841, 1189],
};

export function pageSizeMm(
  paper: PaperSize,
  orientation: Orientation,
): { widthMm: number; heightMm: number } {
  const [short, long] = ISO_216[paper];
  return orientation === 'portrait' ? { widthMm: short, heightMm: long } : { widthMm: long, heightMm: short };
}

/** The scales of Chinese large-scale topographic series (GB/T 20257) used for 保护区划图. */
export const STANDARD_SCALES = [500, 1000, 2000, 5000, 10_000, 25_000, 50_000] as const;

/** "1:1 000", "1：2000", "1/500", "5000" → the denominator; null for anything else. */
export function parseScale(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u2009,，]/g, '');
  const match = /^(?:1[:：/])?(\d+(?:\.\d+)?)$/.exec(compact);
  if (!match) return null;
  const n = Math.round(Number(match[1]));
  return n >= 100 && n <= 1_000_000 ? n : null;
}

/** 1000 → "1:1 000" (thousands grouped with a space, as printed on Chinese maps). */
export function formatScale(scale: number): string {
  return `1:${groupDigits(Math.round(scale), 0)}`;
}

/**
 * The largest map (smallest standard denominator) at which a ground extent fits the frame with a
 * little room around it; past 1:50 000 the exact scale rounded up to a thousand.
 */
export function fitScale(
  groundWidthM: number,
  groundHeightM: number,
  frameWidthMm: number,
  frameHeightMm: number,
): number {
  const room = 1.1;
  const needed = Math.max(
    (groundWidthM * room * 1000) / frameWidthMm,
    (groundHeightM * room * 1000) / frameHeightMm,
  );
  return STANDARD_SCALES.find((s) => s >= needed) ?? Math.ceil(needed / 1000) * 1000;
}

/** Text sizes and furniture grow with the paper, so an A0 sheet is not all blank margin. */
export function paperFactor(paper: PaperSize): number {
  return Math.sqrt(ISO_216[paper][0] / 210);
}
