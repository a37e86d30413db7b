// A CommonJS package: the default import works the same in Vite, workers and plain Node ESM.
import geographiclib from 'geographiclib-geodesic';

/** The CGCS2000 ellipsoid (≡ GRS80): a = 6 378 137 m, f = 1/298.257222101. */
export const CGCS2000_A = 6_378_137;
export const CGCS2000_F = 1 / 298.257222101;

export const cgcs2000 = new geographiclib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
