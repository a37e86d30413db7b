import type { Position } from '../domain/geometry';

/**
 * Illustrative positions for the sample (lon/lat). They place each object next to the approximate
 * position of the town or township the domain notes name (resources/public/basemap/places.geojson,
 * where those positions are flagged approximate); they are NOT surveyed or official positions.
 * The app says so on screen.
 */
export const SAMPLE_POSITIONS = {
  wusuOldTown: [84.6771, 44.4266],
  bayingouTemple: [84.492, 43.958],
  sharsumLamasery: [84.282, 44.252],
  kizijiarVillage: [83.962, 44.331],
  anjihaiVillage: [84.312, 44.148],
  sailiketiVillage: [84.463, 44.318],
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
