import type { DatumId } from './datums';

/**
 * The EPSG codes of China's Gauss-Krüger systems on each datum, by formula (checked code by code
 * against PROJ's database in gkFamilies.test.ts). Each datum has four families: 6° zones 13–23
 * with the zone number in the false easting ("prefixed"), 6° zones by central meridian 75°E…135°E
 * (no prefix), and the same two for 3° zones 25–45.
 */
export type ZoneWidth = 3 | 6;
export type GkDatum = Extract<DatumId, 'cgcs2000' | 'xian1980' | 'beijing1954' | 'new_beijing'>;

export interface GkSystem {
  epsg: number;
  datum: GkDatum;
  /** Zone number: 3° zones 25–45 (meridian 3n°E), 6° zones 13–23 (meridian 6n − 3 °E). */
  zone: number;
  width: ZoneWidth;
  centralMeridian: number;
  /** Whether the false easting carries the zone number (zone·10⁶ + 500 000 m). */
  prefixed: boolean;
}

export const ZONE_RANGE: Record<ZoneWidth, { min: number; max: number }> = {
  3: { min: 25, max: 45 },
  6: { min: 13, max: 23 },
};

interface Family {
  datum: GkDatum;
  width: ZoneWidth;
  prefixed: boolean;
  /** EPSG code of each zone, from the first zone of the width upwards. */
  codes: readonly number[];
}

const run = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

const FAMILIES: readonly Family[] = [
  { datum: 'cgcs2000', width: 6, prefixed: true, codes: run(4491, 11) },
  { datum: 'cgcs2000', width: 6, prefixed: false, codes: run(4502, 11) },
  { datum: 'cgcs2000', width: 3, prefixed: true, codes: run(4513, 21) },
  { datum: 'cgcs2000', width: 3, prefixed: false, codes: run(4534, 21) },
  { datum: 'xian1980', width: 6, prefixed: true, codes: run(2327, 11) },
  { datum: 'xian1980', width: 6, prefixed: false, codes: run(2338, 11) },
  { datum: 'xian1980', width: 3, prefixed: true, codes: run(2349, 21) },
  { datum: 'xian1980', width: 3, prefixed: false, codes: run(2370, 21) },
  { datum: 'beijing1954', width: 6, prefixed: true, codes: run(21413, 11) },
  { datum: 'beijing1954', width: 6, prefixed: false, codes: run(21453, 11) },
  { datum: 'beijing1954', width: 3, prefixed: true, codes: run(2401, 21) },
  { datum: 'beijing1954', width: 3, prefixed: false, codes: run(2422, 21) },
  { datum: 'new_beijing', width: 6, prefixed: true, codes: run(4568, 11) },
  { datum: 'new_beijing', width: 6, prefixed: false, codes: run(4579, 11) },
  // EPSG filled New Beijing's 3° zones in three batches.
  { datum: 'new_beijing', width: 3, prefixed: true, codes: [...run(4652, 5), ...run(4766, 16)] },
  { datum: 'new_beijing', width: 3, prefixed: false, codes: [...run(4782, 19), 4812, 4822] },
];

/** Central meridian of a zone: 3n °E for 3° zones, 6n − 3 °E for 6° zones. */
export function centralMeridianOf(zone: number, width: ZoneWidth): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

const BY_CODE = new Map<number, GkSystem>();
for (const family of FAMILIES) {
  family.codes.forEach((epsg, i) => {
    const zone = ZONE_RANGE[family.width].min + i;
    const { datum, width, prefixed } = family;
    BY_CODE.set(epsg, {
      epsg,
      datum,
      zone,
      width,
      centralMeridian: centralMeridianOf(zone, width),
      prefixed,
    });
  });
}

/** The Gauss-Krüger system (any datum) with this EPSG code, or null. */
export function gkSystem(epsg: number): GkSystem | null {
  return BY_CODE.get(epsg) ?? null;
}

/** EPSG code of a zone on a datum, or null when the zone is outside China's range. */
export function gkCode(datum: GkDatum, zone: number, width: ZoneWidth, prefixed: boolean): number | null {
  const family = FAMILIES.find((f) => f.datum === datum && f.width === width && f.prefixed === prefixed)!;
  const offset = zone - ZONE_RANGE[width].min;
  return Number.isInteger(offset) && offset >= 0 && offset < family.codes.length
    ? family.codes[offset]!
    : null;
}

/** Every Gauss-Krüger code we bundle, datum by datum. */
export function gkCodes(datum?: GkDatum): number[] {
  return FAMILIES.filter((f) => !datum || f.datum === datum).flatMap((f) => f.codes);
}
