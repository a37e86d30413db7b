/**
 * AutoCAD Color Index approximations: 1–9 are the named colours, 10–249 a hue wheel in 15° steps
 * with five value levels, odd indices half-saturated (close to AutoCAD's own palette).
 */
const NAMED: Record<number, [number, number, number]> = {
  1: [255, 0, 0],
  2: [255, 255, 0],
  3: [0, 255, 0],
  4: [0, 255, 255],
  5: [0, 0, 255],
  6: [255, 0, 255],
  7: [255, 255, 255],
  8: [128, 128, 128],
  9: [192, 192, 192],
};
const LEVELS = [255, 165, 127, 76, 38];

function hsv(hue: number, saturation: number, value: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + hue / 60) % 6;
    return Math.round(value - value * saturation * Math.max(0, Math.min(k, 4 - k, 1)));
  };
  return [f(5), f(3), f(1)];
}

export function aciRgb(index: number): [number, number, number] {
  if (NAMED[index]) return NAMED[index]!;
  const hue = (Math.floor(index / 10) - 1) * 15;
  const variant = index % 10;
  return hsv(hue, variant % 2 ? 0.5 : 1, LEVELS[Math.floor(variant / 2)]!);
}

/** The nearest ACI (1–6, 8–249; never 7, which flips black/white with the background) to a CSS colour. */
export function nearestAci(css: string): number {
  const hex = css.replace('#', '');
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let best = 7;
  let bestDistance = Infinity;
  for (let index = 1; index <= 249; index++) {
    if (index === 7) continue;
    const c = aciRgb(index);
    const d = (c[0] - rgb[0]!) ** 2 + (c[1] - rgb[1]!) ** 2 + (c[2] - rgb[2]!) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = index;
    }
  }
  return best;
}
