import type { CrsEvidence } from '../../crs/evidence';
import { resolveCrs, type CrsChoice, type CrsResolution } from '../../crs/resolveCrs';
import { GRS80, IAG75, KRASSOWSKY, WGS84_ELLIPSOID, type Ellipsoid } from '../../crs/datums';
import { rasterCorners } from './geoTransform';
import type { GeoKeyValue, TiffHeader } from './tiffHeader';

/**
 * What a GeoTIFF's GeoKeys say about its coordinate system, as evidence for the one resolver
 * (shared/crs/resolveCrs.ts): a declared EPSG code, or a PROJ definition built from user-defined
 * Transverse Mercator keys (how other software writes a Gauss-Krüger zone without its code). The
 * four corners are the sample, so the resolver applies the same zone-prefix and X/Y checks as to
 * an import. A GeoTIFF always stores easting (or longitude) first.
 */
export interface TiffCrsEvidence {
  evidence: CrsEvidence;
  /** The raster's corners in its own units; empty without georeferencing. */
  sample: number[][];
  citation?: string;
}

// prettier-ignore
const K = {
  ModelType: 1024, Citation: 1026, GeographicType: 2048, GeodeticDatum: 2050, Ellipsoid: 2056,
  SemiMajor: 2057, SemiMinor: 2058, InvFlattening: 2059, ProjectedType: 3072, PcsCitation: 3073,
  CoordTrans: 3075, LinearUnits: 3076, NatOriginLong: 3080, NatOriginLat: 3081, FalseEasting: 3082,
  FalseNorthing: 3083, CenterLong: 3088, ScaleAtNatOrigin: 3092, ScaleAtCenter: 3093,
} as const;

const USER_DEFINED = 32767;
const TRANSVERSE_MERCATOR = 1;

/** Geographic systems whose datum a PROJ string names (else the ellipsoid alone stands for it). */
const PROJ_DATUM: Record<number, string> = { 4326: 'WGS84', 6326: 'WGS84', 4269: 'NAD83', 6269: 'NAD83' };

/** Ellipsoids by the geographic system, datum or ellipsoid code GeoTIFF writers use. */
// prettier-ignore
const ELLIPSOID_OF_CODE: Record<number, Ellipsoid> = {
  4490: GRS80, 1043: GRS80, 7019: GRS80,
  4326: WGS84_ELLIPSOID, 6326: WGS84_ELLIPSOID, 7030: WGS84_ELLIPSOID,
  4214: KRASSOWSKY, 6214: KRASSOWSKY, 4555: KRASSOWSKY, 6555: KRASSOWSKY, 7024: KRASSOWSKY,
  4610: IAG75, 6610: IAG75, 7049: IAG75,
};

const num = (v: GeoKeyValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const code = (v: GeoKeyValue | undefined): number | undefined => {
  const n = num(v);
  return n !== undefined && n > 0 && n !== USER_DEFINED ? n : undefined;
};

function ellipsoidOf(keys: Map<number, GeoKeyValue>): Ellipsoid | null {
  for (const key of [K.GeographicType, K.GeodeticDatum, K.Ellipsoid]) {
    const c = code(keys.get(key));
    if (c !== undefined && ELLIPSOID_OF_CODE[c]) return ELLIPSOID_OF_CODE[c];
  }
  const a = num(keys.get(K.SemiMajor));
  const rf = num(keys.get(K.InvFlattening));
  const b = num(keys.get(K.SemiMinor));
  if (a && rf) return { a, rf };
  if (a && b && b < a) return { a, rf: a / (a - b) };
  return null;
}

/** A PROJ string for user-defined Transverse Mercator keys (metres), or null. */
function transverseMercator(keys: Map<number, GeoKeyValue>): string | null {
  if (num(keys.get(K.CoordTrans)) !== TRANSVERSE_MERCATOR) return null;
  const units = num(keys.get(K.LinearUnits));
  if (units !== undefined && units !== 9001) return null;
  const ellipsoid = ellipsoidOf(keys);
  const datumCode = code(keys.get(K.GeographicType)) ?? code(keys.get(K.GeodeticDatum));
  const datum = datumCode === undefined ? undefined : PROJ_DATUM[datumCode];
  const lon0 = num(keys.get(K.NatOriginLong)) ?? num(keys.get(K.CenterLong));
  if (!ellipsoid || lon0 === undefined) return null;
  const k = num(keys.get(K.ScaleAtNatOrigin)) ?? num(keys.get(K.ScaleAtCenter)) ?? 1;
  const parts = [
    '+proj=tmerc',
    `+lat_0=${num(keys.get(K.NatOriginLat)) ?? 0}`,
    `+lon_0=${lon0}`,
    `+k=${k}`,
    `+x_0=${num(keys.get(K.FalseEasting)) ?? 0}`,
    `+y_0=${num(keys.get(K.FalseNorthing)) ?? 0}`,
    datum ? `+datum=${datum}` : `+a=${ellipsoid.a} +rf=${ellipsoid.rf}`,
    '+units=m +no_defs',
  ];
  return parts.join(' ');
}

export function tiffCrsEvidence(header: TiffHeader): TiffCrsEvidence {
  const keys = header.geoKeys;
  const sample = header.geoTransform ? rasterCorners(header.geoTransform, header.width, header.height) : [];
  const citationValue = keys.get(K.PcsCitation) ?? keys.get(K.Citation);
  const citation = typeof citationValue === 'string' ? citationValue : undefined;
  const evidence: CrsEvidence = { axisOrder: 'en' };
  const modelType = num(keys.get(K.ModelType));
  const projected = code(keys.get(K.ProjectedType));
  const geographic = code(keys.get(K.GeographicType));
  if (modelType !== 2 && projected !== undefined) evidence.epsg = projected;
  else if (modelType === 2 && geographic !== undefined) evidence.epsg = geographic;
  else if (modelType !== 2) {
    const tm = transverseMercator(keys);
    // GDAL and ArcGIS write a full ESRI WKT into the citation of systems they cannot code.
    const wkt = /(PROJCS|GEOGCS)\s*\[.*\]/s.exec(citation ?? '')?.[0];
    if (tm) evidence.definition = { text: tm, from: 'GeoKeys' };
    else if (wkt) evidence.definition = { text: wkt, from: 'GeoTIFF citation' };
  }
  return { evidence, sample, ...(citation ? { citation } : {}) };
}

/** The resolver's decision for a GeoTIFF, as for any import. */
export function resolveTiffCrs(header: TiffHeader, choice: CrsChoice = {}): CrsResolution {
  const { evidence, sample } = tiffCrsEvidence(header);
  return resolveCrs(evidence, sample, choice);
}
