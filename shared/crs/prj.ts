import type { Bilingual } from '../domain/labels';
import { DATUMS, type DatumId } from './datums';
import { crsName } from './definitions';
import { gkCode, gkSystem, type GkDatum, type ZoneWidth } from './gkFamilies';
export { prjFor } from './prjFor';
import { authorityCode, child, parametersOf, parseWkt, textOf, type WktNode } from './prjWkt';

/**
 * The coordinate system of a Shapefile `.prj` (ESRI WKT1 as ArcGIS and GDAL write it; OGC WKT1
 * with AUTHORITY is read too). Recognition is by meaning, not by name: datum from its name or
 * ellipsoid, projection from its parameters (central meridian, false easting, scale), so files
 * named "CGCS2000_3_Degree_GK_Zone_28", "Gauss_Kruger" or "Transverse_Mercator" all land on the
 * same EPSG code. Xian 1980, Beijing 1954 and New Beijing are recognised as themselves (their own
 * EPSG codes and ellipsoids); converting them to CGCS2000 is a separate, explicit choice.
 * A definition this recognition does not know returns epsg null; `crsDef.ts` then hands the full
 * text to proj4.
 */
export type PrjDatum = Exclude<DatumId, 'other'> | 'unknown';

export interface PrjCrs {
  /** EPSG code of the coordinates' system, or null when not recognised. */
  epsg: number | null;
  datum: PrjDatum;
  note: Bilingual;
  /** Set when the planner must confirm something (old datum not shifted, unknown system). */
  warning?: Bilingual;
}

function datumOf(geogcs: WktNode | undefined): PrjDatum {
  if (!geogcs) return 'unknown';
  const datum = child(geogcs, 'DATUM');
  const spheroid = datum && child(datum, 'SPHEROID');
  const names = `${textOf(geogcs)} ${textOf(datum)} ${textOf(spheroid)}`.toLowerCase().replace(/[\s-]/g, '_');
  if (/china_2000|cgcs_?2000/.test(names)) return 'cgcs2000';
  if (/xian_?1980|xian_?80/.test(names)) return 'xian1980';
  if (/new_beijing/.test(names)) return 'new_beijing';
  if (/beijing_?1954|beijing_?54/.test(names)) return 'beijing1954';
  if (/wgs_?(19)?84/.test(names)) return 'wgs84';
  // The ellipsoid identifies the datum only when the datum has no name of its own: GRS 1980 is
  // also NAD83, ETRS89 and GDA94's, Krassowsky 1940 also Pulkovo 1942's.
  if (!unnamedDatum(textOf(datum), textOf(spheroid))) return 'unknown';
  const [a, f] = (spheroid?.values.slice(1) ?? []) as number[];
  if (a === 6378137 && f !== undefined && Math.abs(f - 298.257222101) < 1e-6) return 'cgcs2000';
  if (a === 6378137 && f !== undefined && Math.abs(f - 298.257223563) < 1e-6) return 'wgs84';
  if (a === 6378140) return 'xian1980';
  if (a === 6378245) return 'beijing1954';
  return 'unknown';
}

/** A datum name that says nothing beyond its ellipsoid ("unknown", "D_GRS_1980", "unnamed"). */
function unnamedDatum(datumName: string, spheroidName: string): boolean {
  const norm = (text: string) =>
    text
      .toLowerCase()
      .replace(/^d_/, '')
      .replace(/[\s_-]/g, '');
  const name = norm(datumName);
  return (
    name === '' ||
    /^(unknown|unnamed|undefined|notspecified|none|custom)/.test(name) ||
    name === norm(spheroidName) ||
    /^(grs1980|grs80|iag1975|iugg1975|krassowsky1940|krasovsky1940)$/.test(name)
  );
}

const near = (a: number | undefined, b: number, tolerance = 1e-9) =>
  a !== undefined && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

/** The Gauss-Krüger code on this datum with this meridian and false easting, or null. */
export function gaussKrugerFor(
  datum: GkDatum,
  name: string,
  cm: number,
  falseEasting: number,
): number | null {
  if (near(falseEasting, 500_000)) {
    // 6° and 3° systems on a shared meridian have identical parameters; only the name tells them apart.
    const sixDegree = !/3[_-]?degree/i.test(name) && /_GK_CM_|Gauss[_-]?Kruger[_ ]CM/i.test(name);
    const widths: ZoneWidth[] = sixDegree ? [6, 3] : [3, 6];
    for (const width of widths) {
      const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
      const code = Number.isInteger(zone) ? gkCode(datum, zone, width, false) : null;
      if (code !== null) return code;
    }
    return null;
  }
  const zone = Math.round((falseEasting - 500_000) / 1_000_000);
  if (!near(falseEasting, zone * 1_000_000 + 500_000)) return null;
  const width: ZoneWidth = zone >= 25 ? 3 : 6;
  const code = gkCode(datum, zone, width, true);
  return code !== null && near(gkSystem(code)!.centralMeridian, cm) ? code : null;
}

function projectedEpsg(root: WktNode, datum: PrjDatum): number | null {
  const projection = textOf(child(root, 'PROJECTION')).toLowerCase();
  const name = textOf(root);
  const unit = child(root, 'UNIT');
  if (unit && !near(unit.values[1] as number, 1)) return null; // feet or other units
  const p = parametersOf(root);
  if (
    /mercator_auxiliary_sphere|pseudo_mercator|popular_visuali/.test(projection) ||
    /web_mercator|pseudo_mercator/i.test(name)
  )
    return datum === 'wgs84' ? 3857 : null;
  if (!/gauss|transverse_mercator/.test(projection)) return null;
  const cm = p.get('central_meridian') ?? p.get('longitude_of_center');
  const k = p.get('scale_factor') ?? 1;
  const fe = p.get('false_easting') ?? 0;
  const fn = p.get('false_northing') ?? 0;
  const lat0 = p.get('latitude_of_origin') ?? 0;
  if (cm === undefined || !near(lat0, 0)) return null;
  if (datum === 'wgs84' && near(k, 0.9996) && near(fe, 500_000) && (near(fn, 0) || near(fn, 10_000_000))) {
    const zone = (cm + 183) / 6;
    if (Number.isInteger(zone) && zone >= 1 && zone <= 60) return (near(fn, 0) ? 32600 : 32700) + zone;
    return null;
  }
  if (datum === 'wgs84' || datum === 'unknown' || !near(k, 1) || !near(fn, 0)) return null;
  return gaussKrugerFor(datum, name, cm, fe);
}

function describe(epsg: number | null, datum: PrjDatum, wktName: string): PrjCrs {
  const named = epsg === null ? null : crsName(epsg);
  if (epsg === null || !named) {
    return {
      epsg: null,
      datum,
      note: {
        zh: `.prj 中的坐标系无法识别：${wktName}`,
        en: `The .prj coordinate system is not recognised: ${wktName}`,
      },
      warning: {
        zh: '无法从 .prj 确定坐标系，请手动选择',
        en: 'The coordinate system could not be determined from the .prj; please choose it',
      },
    };
  }
  return {
    epsg,
    datum,
    note: { zh: `.prj：${named.zh}（EPSG:${epsg}）`, en: `.prj: ${named.en} (EPSG:${epsg})` },
  };
}

export function crsFromPrj(wkt: string): PrjCrs {
  const root = parseWkt(wkt);
  if (!root || (root.name !== 'GEOGCS' && root.name !== 'PROJCS')) {
    return describe(null, 'unknown', wkt.trim().slice(0, 60) || '(empty)');
  }
  const geogcs = root.name === 'GEOGCS' ? root : child(root, 'GEOGCS');
  const datum = datumOf(geogcs);
  const wktName = textOf(root);
  const declared = authorityCode(root);
  if (declared !== null && crsName(declared)) return describe(declared, datum, wktName);
  if (root.name === 'GEOGCS') {
    const unit = child(root, 'UNIT');
    if (unit && !near(unit.values[1] as number, Math.PI / 180, 1e-6)) return describe(null, datum, wktName);
    return describe(datum === 'unknown' ? null : DATUMS[datum].geographicEpsg, datum, wktName);
  }
  return describe(projectedEpsg(root, datum), datum, wktName);
}
