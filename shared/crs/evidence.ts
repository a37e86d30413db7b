/**
 * What a reader learned about the coordinate system of a layer, without deciding it: the resolver
 * (resolveCrs.ts) decides the CRS and axis order once, from this evidence, the numbers themselves
 * and the planner's choices — the way GDAL builds one OGRSpatialReference per dataset.
 */
export interface CrsEvidence {
  /** A definition the file carries: .prj text, a GeoPackage SRS definition, a GeoJSON `crs` name. */
  definition?: { text: string; from: string };
  /** An EPSG code the file declares (GeoPackage organisation code, GeoJSON `crs` URN). */
  epsg?: number;
  /** The format fixes lon/lat WGS 84 (KML, RFC 7946 GeoJSON). */
  lonLat?: boolean;
  /** A coordinate table's header: datum text (坐标系=…), zone number (带号=…) and width (几度分带=…). */
  header?: { datum?: string; zone?: number; width?: 3 | 6 };
  /**
   * The order the format writes positions in: 'ne' for survey tables (X = north first), 'en'
   * (GIS order) otherwise. Absent = 'en'.
   */
  axisOrder?: AxisOrder;
}

/** 'en': easting (or longitude) first, as GIS formats store it; 'ne': survey X = north first. */
export type AxisOrder = 'en' | 'ne';
