import { DATUMS } from './datums';
import { crsName } from './definitions';
import { gkSystem, type GkSystem } from './gkFamilies';

/**
 * The ESRI WKT1 that GDAL writes to a Shapefile .prj for a bundled EPSG code, byte for byte
 * (one line, numbers with at least one decimal). ArcGIS and GDAL both read it back to the same code.
 */
const num = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));

const GEOGCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GEOGCS_OLD: Record<'xian1980' | 'beijing1954' | 'new_beijing', string> = {
  xian1980:
    'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  beijing1954:
    'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  new_beijing:
    'GEOGCS["GCS_New_Beijing",DATUM["D_New_Beijing",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};
const GEOGCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function transverseMercator(
  name: string,
  geogcs: string,
  projection: string,
  p: { fe: number; fn: number; cm: number; k: number },
): string {
  const params = [
    ['False_Easting', p.fe],
    ['False_Northing', p.fn],
    ['Central_Meridian', p.cm],
    ['Scale_Factor', p.k],
    ['Latitude_Of_Origin', 0],
  ]
    .map(([k, v]) => `PARAMETER["${k}",${num(v as number)}]`)
    .join(',');
  return `PROJCS["${name}",${geogcs},PROJECTION["${projection}"],${params},UNIT["Meter",1.0]]`;
}

/** The names ESRI (and GDAL) give each datum's Gauss-Krüger systems, irregular as they are. */
function gkName(gk: GkSystem): string {
  // EPSG:4812 has no ESRI name; GDAL writes the EPSG name with underscores.
  if (gk.epsg === 4812) return `New_Beijing_3-degree_Gauss-Kruger_CM_${gk.centralMeridian}E`;
  const prefix = {
    cgcs2000: 'CGCS2000',
    xian1980: 'Xian_1980',
    beijing1954: 'Beijing_1954',
    new_beijing: 'New_Beijing',
  }[gk.datum];
  const longName =
    gk.datum === 'new_beijing' || (gk.datum === 'beijing1954' && gk.width === 6 && !gk.prefixed);
  const degree = gk.width === 3 ? '3_Degree_' : '';
  const band = gk.prefixed ? `Zone_${gk.zone}` : `CM_${gk.centralMeridian}E`;
  return `${prefix}_${degree}${longName ? 'Gauss_Kruger' : 'GK'}_${band}`;
}

function gaussKrugerPrj(gk: GkSystem): string {
  const geogcs = gk.datum === 'cgcs2000' ? GEOGCS_CGCS2000 : GEOGCS_OLD[gk.datum];
  const fe = gk.prefixed ? gk.zone * 1_000_000 + 500_000 : 500_000;
  return transverseMercator(gkName(gk), geogcs, 'Gauss_Kruger', { fe, fn: 0, cm: gk.centralMeridian, k: 1 });
}

/** ESRI WKT for an EPSG code we bundle; throws RangeError for any other code. */
export function prjFor(epsg: number): string {
  if (epsg === 4490) return GEOGCS_CGCS2000;
  if (epsg === 4326) return GEOGCS_WGS84;
  if (epsg === 3857) {
    return `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${GEOGCS_WGS84},PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`;
  }
  const old = Object.entries(GEOGCS_OLD).find(
    ([datum]) => DATUMS[datum as keyof typeof GEOGCS_OLD].geographicEpsg === epsg,
  );
  if (old) return old[1];
  const gk = gkSystem(epsg);
  if (gk) return gaussKrugerPrj(gk);
  const zone = epsg % 100;
  const south = epsg - zone === 32700;
  if ((epsg - zone === 32600 || south) && zone >= 1 && zone <= 60 && crsName(epsg)) {
    return transverseMercator(
      `WGS_1984_UTM_Zone_${zone}${south ? 'S' : 'N'}`,
      GEOGCS_WGS84,
      'Transverse_Mercator',
      {
        fe: 500_000,
        fn: south ? 10_000_000 : 0,
        cm: zone * 6 - 183,
        k: 0.9996,
      },
    );
  }
  throw new RangeError(`No .prj definition bundled for EPSG:${epsg}`);
}
