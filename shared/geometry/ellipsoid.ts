import { Geodesic } from 'geographiclib-geodesic';

/** The CGCS2000 ellipsoid (≡ GRS80): a = 6 378 137 m, f = 1/298.257222101. */
export const CGCS2000_A = 6_378_137;
export const CGCS2000_F = 1 / 298.257222101;

export const cgcs2000 = new Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
