import type { Position } from '../domain/geometry';

/**
 * Illustrative positions for the sample (lon/lat). They place each object near the settlement the
 * domain notes name; they are NOT surveyed or official positions. The app says so on screen.
 */
export const SAMPLE_POSITIONS = {
  wusuOldTown: [84.6771, 44.4266],
  bayingouTemple: [84.492, 43.958],
  sharsumLamasery: [84.377, 44.562],
  kizijiarVillage: [84.069, 44.318],
  anjihaiVillage: [85.152, 44.332],
  sailiketiVillage: [84.842, 44.236],
  tekesCentre: [81.8371, 43.2137],
  qiongkushitaiVillage: [82.786, 43.168],
} satisfies Record<string, Position>;

/** The rules the sample's boundaries are derived from (also printed in docs/sample.md). */
export const SAMPLE_RULES = {
  relicRange: 30,
  relicCcz: 50,
  lamaseryCcz: 100,
  wallBodyHalfWidth: 4,
  wallRange: 50,
  wallCcz: 150,
  wallHalfLength: 150,
  villageCore: 250,
  villageCcz: 450,
  qiongCore: 300,
  qiongCcz: 600,
  qiongCoordination: 1000,
  baguaRingSpacing: 360,
} as const;
