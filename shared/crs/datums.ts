import type { Bilingual } from '../domain/labels';

/**
 * The geodetic datums Chinese plan data arrive in. CGCS2000 and WGS 84 agree to a few centimetres
 * (both are aligned to the ITRF), so at plan accuracy a WGS 84 file needs no transformation. Xian
 * 1980, Beijing 1954 and New Beijing are older local datums on other ellipsoids: their coordinates
 * differ from CGCS2000 by metres to about a hundred metres, and no exact transformation exists
 * without locally published parameters (domain.md §9). `other` is any datum outside this list that
 * a file defines in full (NAD27, ED50, Pulkovo …).
 */
export type DatumId = 'cgcs2000' | 'wgs84' | 'xian1980' | 'beijing1954' | 'new_beijing' | 'other';

/** The datums that need a transformation the planner chooses before they become CGCS2000. */
export type OldDatumId = Exclude<DatumId, 'cgcs2000' | 'wgs84'>;

export interface Ellipsoid {
  /** Semi-major axis, metres. */
  a: number;
  /** Inverse flattening. */
  rf: number;
}

export const GRS80: Ellipsoid = { a: 6378137, rf: 298.257222101 };
export const WGS84_ELLIPSOID: Ellipsoid = { a: 6378137, rf: 298.257223563 };
/** IAG-75 (PROJ's "IAU76"), the ellipsoid of Xian 1980. */
export const IAG75: Ellipsoid = { a: 6378140, rf: 298.257 };
/** Krassowsky 1940, the ellipsoid of Beijing 1954 and New Beijing. */
export const KRASSOWSKY: Ellipsoid = { a: 6378245, rf: 298.3 };

export interface DatumInfo {
  label: Bilingual;
  ellipsoid: Ellipsoid | null;
  /** EPSG code of the geographic (lon/lat) system on this datum. */
  geographicEpsg: number | null;
  /** Positions need no transformation to CGCS2000 at plan accuracy. */
  compatible: boolean;
  /**
   * What taking its latitude/longitude as CGCS2000 unchanged ("ballpark, no shift") costs, for the
   * warning the planner reads before choosing it [practice; varies by region].
   */
  noShiftError: Bilingual | null;
}

export const DATUMS: Record<DatumId, DatumInfo> = {
  cgcs2000: {
    label: { zh: '2000国家大地坐标系（CGCS2000）', en: 'CGCS2000' },
    ellipsoid: GRS80,
    geographicEpsg: 4490,
    compatible: true,
    noShiftError: null,
  },
  wgs84: {
    label: { zh: 'WGS 84', en: 'WGS 84' },
    ellipsoid: WGS84_ELLIPSOID,
    geographicEpsg: 4326,
    compatible: true,
    noShiftError: null,
  },
  xian1980: {
    label: { zh: '1980西安坐标系', en: 'Xian 1980' },
    ellipsoid: IAG75,
    geographicEpsg: 4610,
    compatible: false,
    noShiftError: { zh: '数米至数十米', en: 'several metres to tens of metres' },
  },
  beijing1954: {
    label: { zh: '1954北京坐标系', en: 'Beijing 1954' },
    ellipsoid: KRASSOWSKY,
    geographicEpsg: 4214,
    compatible: false,
    noShiftError: { zh: '数十米至约 100 米', en: 'tens of metres, up to about 100 m' },
  },
  new_beijing: {
    label: { zh: '新1954北京坐标系', en: 'New Beijing' },
    ellipsoid: KRASSOWSKY,
    geographicEpsg: 4555,
    compatible: false,
    noShiftError: { zh: '数米至数十米', en: 'several metres to tens of metres' },
  },
  other: {
    label: { zh: '其他基准', en: 'another datum' },
    ellipsoid: null,
    geographicEpsg: null,
    compatible: false,
    noShiftError: { zh: '未知，可达数百米', en: 'unknown, up to hundreds of metres' },
  },
};

/** Whether two ellipsoids are the same (to the precision .prj files write them). */
export function sameEllipsoid(a: Ellipsoid, b: Ellipsoid): boolean {
  return Math.abs(a.a - b.a) < 1e-3 && Math.abs(a.rf - b.rf) < 1e-6;
}
