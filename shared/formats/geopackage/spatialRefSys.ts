import { crsName, gaussKrugerCrs } from '../../crs/definitions';

/**
 * Rows of gpkg_spatial_ref_sys. The spec requires -1 (undefined Cartesian), 0 (undefined
 * geographic) and 4326; we always add 4490 (CGCS2000, the workbench's own system) and any other
 * EPSG code a layer uses. srs_id equals the EPSG code, as GDAL and QGIS write it.
 */
export interface SpatialRefSys {
  srsName: string;
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  definition: string;
  description: string;
}

const DEGREE = 'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]]';
const GREENWICH = 'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]]';
const CGCS2000_WKT =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",' +
  'SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],' +
  `${GREENWICH},${DEGREE},AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4490"]]`;
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  `AUTHORITY["EPSG","6326"]],${GREENWICH},${DEGREE},AXIS["Latitude",NORTH],AXIS["Longitude",EAST],` +
  'AUTHORITY["EPSG","4326"]]';

export const REQUIRED_SRS: readonly SpatialRefSys[] = [
  {
    srsName: 'Undefined Cartesian SRS',
    srsId: -1,
    organization: 'NONE',
    organizationCoordsysId: -1,
    definition: 'undefined',
    description: 'undefined Cartesian coordinate reference system',
  },
  {
    srsName: 'Undefined geographic SRS',
    srsId: 0,
    organization: 'NONE',
    organizationCoordsysId: 0,
    definition: 'undefined',
    description: 'undefined geographic coordinate reference system',
  },
  {
    srsName: 'WGS 84 geodetic',
    srsId: 4326,
    organization: 'EPSG',
    organizationCoordsysId: 4326,
    definition: WGS84_WKT,
    description: 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  },
  {
    srsName: 'China Geodetic Coordinate System 2000',
    srsId: 4490,
    organization: 'EPSG',
    organizationCoordsysId: 4490,
    definition: CGCS2000_WKT,
    description: 'CGCS2000 longitude/latitude in decimal degrees',
  },
];

function gaussKrugerWkt(epsg: number, name: string): string | null {
  const gk = gaussKrugerCrs(epsg);
  if (!gk) return null;
  const falseEasting = gk.prefixed ? gk.zone * 1_000_000 + 500_000 : 500_000;
  const parameters = [
    ['latitude_of_origin', 0],
    ['central_meridian', gk.centralMeridian],
    ['scale_factor', 1],
    ['false_easting', falseEasting],
    ['false_northing', 0],
  ].map(([k, v]) => `PARAMETER["${k}",${v}]`);
  const geog = CGCS2000_WKT.replace(',AXIS["Latitude",NORTH],AXIS["Longitude",EAST]', '');
  return (
    `PROJCS["${name}",${geog},PROJECTION["Transverse_Mercator"],${parameters.join(',')},` +
    `UNIT["metre",1,AUTHORITY["EPSG","9001"]],` +
    `AUTHORITY["EPSG","${epsg}"]]`
  );
}

/** The row for an EPSG code; systems without a bundled WKT are named but left `undefined`. */
export function spatialRefSys(epsg: number | null): SpatialRefSys {
  const required = REQUIRED_SRS.find((s) => s.srsId === (epsg ?? -1));
  if (required) return required;
  const code = epsg!;
  const name = crsName(code)?.en ?? `EPSG:${code}`;
  return {
    srsName: name,
    srsId: code,
    organization: 'EPSG',
    organizationCoordsysId: code,
    definition: gaussKrugerWkt(code, name) ?? 'undefined',
    description: name,
  };
}
