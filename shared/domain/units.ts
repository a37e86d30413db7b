import type { Bilingual, Lang } from './labels';

/** Area units planners report in (../shared/domain.md §4). 1 hm² = 10 000 m²; 1 亩 = 2000/3 m². */
export const AREA_UNITS = ['m2', 'hm2', 'mu', 'km2'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

export const SQUARE_METRES_PER: Record<AreaUnit, number> = {
  m2: 1,
  hm2: 10_000,
  mu: 2000 / 3,
  km2: 1_000_000,
};

export const AREA_UNIT_LABELS: Record<AreaUnit, Bilingual> = {
  m2: { zh: '平方米', en: 'm²' },
  hm2: { zh: '公顷', en: 'hm²' },
  mu: { zh: '亩', en: 'mu' },
  km2: { zh: '平方千米', en: 'km²' },
};

/** Decimals shown per unit: square metres to 0.01, hectares and mu to 4 and 2 places. */
export const AREA_DECIMALS: Record<AreaUnit, number> = { m2: 2, hm2: 4, mu: 2, km2: 6 };

export function convertArea(squareMetres: number, unit: AreaUnit): number {
  return squareMetres / SQUARE_METRES_PER[unit];
}

/** A number with thin-space thousands groups in its whole part: 28 553 915.123. */
export function groupDigits(value: number, decimals: number): string {
  const [whole, fraction] = value.toFixed(decimals).split('.');
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${digits}.${fraction}` : digits;
}

/** The number only, in a unit's usual precision (for tables whose header names the unit). */
export function formatAreaValue(squareMetres: number, unit: AreaUnit): string {
  return groupDigits(convertArea(squareMetres, unit), AREA_DECIMALS[unit]);
}

export function formatAreaIn(squareMetres: number, unit: AreaUnit, lang: Lang): string {
  return `${formatAreaValue(squareMetres, unit)} ${AREA_UNIT_LABELS[unit][lang]}`;
}

/** One-line area for tooltips: m² with hectares and mu. */
export function formatArea(squareMetres: number, lang: Lang): string {
  return (['m2', 'hm2', 'mu'] as const).map((u) => formatAreaIn(squareMetres, u, lang)).join(' · ');
}

export function formatLength(metres: number, lang: Lang): string {
  const unit = lang === 'zh' ? '米' : 'm';
  return metres >= 10_000
    ? `${groupDigits(metres / 1000, 3)} ${lang === 'zh' ? '千米' : 'km'}`
    : `${groupDigits(metres, 2)} ${unit}`;
}
