import proj4 from 'proj4';
import type { Bilingual } from '../domain/labels';
import {
  DATUMS,
  GRS80,
  IAG75,
  KRASSOWSKY,
  WGS84_ELLIPSOID,
  sameEllipsoid,
  type DatumId,
  type Ellipsoid,
} from './datums';
import { crsDefinition, crsName, datumOfEpsg } from './definitions';
import { gkSystem } from './gkFamilies';
import { crsFromPrj, gaussKrugerFor } from './prj';

/**
 * A coordinate system as the exchange code carries it: an EPSG code when we know one, and always a
 * definition proj4 understands (our bundled PROJ string, or the WKT1/WKT2/ESRI/PROJ text a file
 * carried). Plain data, so it crosses the worker boundary and is stored with nothing lost.
 */
export interface CrsDef {
  epsg: number | null;
  /** A PROJ string or WKT that proj4 accepts. */
  definition: string;
  name: Bilingual;
  datum: DatumId;
  /** Names the datum for stored transformations: the DatumId, or the file's datum name for 'other'. */
  datumKey: string;
  ellipsoid: Ellipsoid;
  /** Longitude/latitude in degrees (else projected, in metres after proj4's unit conversion). */
  geographic: boolean;
  /** 3 or 7 TOWGS84 parameters the definition itself carries (position-vector convention). */
  towgs84?: number[];
}

/** Datums that are WGS 84 to within centimetres to a metre (ITRF-aligned national frames). */
const WGS84_LIKE =
  /wgs_?(19)?84|north_american(_datum)?_1983|nad_?83|etrs_?(19)?89|european_terrestrial|gda_?(94|2020)|geocentric_datum_of_australia|itrf|sirgas|nzgd_?2000|jgd_?20(00|11)|korea(n)?_?2002|hong_kong_geodetic|cgcs_?2000|china_2000/;

/**
 * Whether positions in this system need a datum transformation the planner chooses to become
 * CGCS2000: an old datum (Xian 1980, Beijing 1954, …) whose definition carries no TOWGS84.
 */
export function needsDatumShift(crs: CrsDef): boolean {
  return !DATUMS[crs.datum].compatible && !crs.towgs84;
}

/** The CrsDef of a bundled EPSG code, or null. */
export function crsDefOfEpsg(epsg: number): CrsDef | null {
  const definition = crsDefinition(epsg);
  const datum = datumOfEpsg(epsg);
  const name = crsName(epsg);
  if (!definition || !datum || !name) return null;
  const ellipsoid = DATUMS[datum].ellipsoid ?? GRS80;
  const geographic = definition.startsWith('+proj=longlat');
  return { epsg, definition, name, datum, datumKey: datum, ellipsoid, geographic };
}

export class CrsDefinitionError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'CrsDefinitionError';
  }
}

/** The name a WKT (any flavour) gives its system, or the PROJ string itself, shortened. */
function nameOf(text: string): string {
  const m = /^\s*\w+\s*[[(]\s*"([^"]*)"/.exec(text);
  return (m?.[1] ?? text.trim()).slice(0, 80);
}

interface Proj4Projection {
  projName?: string;
  long0?: number;
  lat0?: number;
  k0?: number;
  x0?: number;
  y0?: number;
  to_meter?: number;
  a?: number;
  b?: number;
  rf?: number;
  datumCode?: string;
  datumName?: string;
  datum_params?: (number | string)[];
  units?: string;
}

function classifyDatum(p: Proj4Projection, text: string): DatumId {
  const names =
    `${p.datumCode ?? ''} ${p.datumName ?? ''} ${/DATUM\s*[[(]\s*"([^"]*)"/i.exec(text)?.[1] ?? ''}`
      .toLowerCase()
      .replace(/[\s-]/g, '_');
  if (/china_2000|cgcs_?2000|epsg_1043/.test(names)) return 'cgcs2000';
  if (/xian_?(19)?80|epsg_4610/.test(names)) return 'xian1980';
  if (/new_beijing|epsg_4555/.test(names)) return 'new_beijing';
  if (/beijing_?(19)?54|epsg_4214/.test(names)) return 'beijing1954';
  if (WGS84_LIKE.test(names)) return 'wgs84';
  const params = (p.datum_params ?? []).map(Number);
  // A definition without a datum name but on GRS80/WGS84 with zero TOWGS84 is a WGS 84 frame.
  if (params.length >= 3 && params.every((v) => v === 0)) return 'wgs84';
  return 'other';
}

const near = (a: number | undefined, b: number) =>
  a !== undefined && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));

/**
 * The bundled EPSG system a parsed definition describes, by its parameters (WKT2 and PROJ strings
 * reach here; ESRI/OGC WKT1 was recognised before), or null.
 */
function bundledEquivalent(
  p: Proj4Projection,
  datum: DatumId,
  name: string,
  ellipsoid: Ellipsoid,
): number | null {
  if (datum === 'other') return null;
  // NAD83, ETRS89 … are "WGS 84-like" for transformations but are not WGS 84 itself.
  if (datum === 'wgs84' && !sameEllipsoid(ellipsoid, WGS84_ELLIPSOID)) return null;
  if (p.projName === 'longlat') return DATUMS[datum].geographicEpsg;
  if (!/transverse|gauss|kruger|tmerc|^utm$/i.test(p.projName ?? '') || !near(p.to_meter ?? 1, 1))
    return null;
  if (!near(p.lat0 ?? 0, 0) || !near(p.y0 ?? 0, 0) || p.long0 === undefined) return null;
  const cm = (p.long0 * 180) / Math.PI;
  if (datum === 'wgs84') {
    const zone = Math.round((cm + 183) / 6);
    return near(p.k0, 0.9996) && near(p.x0, 500_000) && near(cm, zone * 6 - 183) ? 32600 + zone : null;
  }
  if (!near(p.k0 ?? 1, 1)) return null;
  const code = gaussKrugerFor(datum, name, Math.round(cm * 1e9) / 1e9, p.x0 ?? 0);
  return code !== null && gkSystem(code)?.datum === datum ? code : null;
}

/**
 * WKT1 with the defaults PROJ and GDAL apply written out where proj4 applies others: a Lambert
 * conformal conic without latitude_of_origin has it at 0 (proj4 would take standard_parallel_1 and
 * put the layer thousands of kilometres north).
 */
function withWkt1Defaults(text: string): string {
  const projection =
    /PROJECTION\s*\[\s*"Lambert_Conformal_Conic[^"]*"\s*(,\s*AUTHORITY\s*\[[^\]]*\]\s*)?\]/i.exec(text);
  if (!projection || /latitude_of_origin/i.test(text)) return text;
  const end = projection.index + projection[0].length;
  return `${text.slice(0, end)},PARAMETER["latitude_of_origin",0]${text.slice(end)}`;
}

/**
 * A coordinate system from a definition a file carries (.prj, GeoPackage SRS, a user's PROJ string
 * or WKT): recognised as a bundled EPSG system when it is one (by meaning, prj.ts), else parsed by
 * proj4 as it stands. Throws CrsDefinitionError when neither works.
 */
export function crsDefOfText(text: string): CrsDef {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const code = /^\s*EPSG:{1,2}(\d{4,5})\s*$/i.exec(trimmed);
  if (code) {
    const def = crsDefOfEpsg(Number(code[1]));
    if (def) return def;
  }
  if (!trimmed.startsWith('+')) {
    const recognised = crsFromPrj(trimmed);
    const def = recognised.epsg === null ? null : crsDefOfEpsg(recognised.epsg);
    if (def) return def;
  }
  if (/^\s*(LOCAL_CS|ENGCRS|ENGINEERING_CRS)\s*\[/i.test(trimmed))
    throw new CrsDefinitionError({
      zh: `“${nameOf(trimmed)}”是局部（工程）坐标系，无法确定地理位置`,
      en: `“${nameOf(trimmed)}” is a local (engineering) coordinate system with no geographic position`,
    });
  const definition = withWkt1Defaults(trimmed);
  let p: Proj4Projection;
  try {
    p = new proj4.Proj(definition) as unknown as Proj4Projection;
    // Parsing alone accepts some texts it cannot transform: try one position.
    const probe = proj4(definition, crsDefinition(4326)!).forward([0, 0]);
    if (!probe.every((v) => typeof v === 'number')) throw new Error('no transform');
  } catch {
    throw new CrsDefinitionError({
      zh: `无法解析坐标系定义：${nameOf(trimmed) || '（空）'}`,
      en: `The coordinate system definition cannot be read: ${nameOf(trimmed) || '(empty)'}`,
    });
  }
  const a = p.a ?? GRS80.a;
  const rf = p.rf ?? (p.b && p.b !== a ? a / (a - p.b) : Infinity);
  const ellipsoid = { a, rf };
  let datum = classifyDatum(p, trimmed);
  // Modern national frames on GRS80/WGS84 (SWEREF99, RGF93, ETRF…) are ITRF-aligned to within a
  // metre; every old local datum sits on another ellipsoid.
  const modern = sameEllipsoid(ellipsoid, GRS80) || sameEllipsoid(ellipsoid, WGS84_ELLIPSOID);
  const unnamed = !p.datumCode && !p.datumName && !/DATUM/i.test(trimmed);
  // A PROJ string names only the ellipsoid: IAG-75 is Xian 1980's alone; on Krassowsky, Beijing 1954
  // is the Chinese reading (New Beijing and Pulkovo share it, so only when nothing is named).
  if (datum === 'other' && unnamed && sameEllipsoid(ellipsoid, IAG75)) datum = 'xian1980';
  if (datum === 'other' && unnamed && sameEllipsoid(ellipsoid, KRASSOWSKY)) datum = 'beijing1954';
  if (datum === 'other' && modern && !p.datum_params?.some((v) => Number(v) !== 0))
    // A PROJ string names no datum: on GRS80 that is how PROJ writes CGCS2000 itself.
    datum = unnamed && sameEllipsoid(ellipsoid, GRS80) ? 'cgcs2000' : 'wgs84';
  const params = (p.datum_params ?? []).map(Number);
  const towgs84 = params.length >= 3 && params.some((v) => v !== 0) ? params : undefined;
  const label = nameOf(trimmed);
  const equivalent = bundledEquivalent(p, datum, label, ellipsoid);
  const bundled = equivalent === null ? null : crsDefOfEpsg(equivalent);
  if (bundled) return bundled;
  const datumName = /DATUM\s*[[(]\s*"([^"]*)"/i.exec(trimmed)?.[1] ?? p.datumCode ?? 'unknown';
  return {
    epsg: null,
    definition,
    name: { zh: label, en: label },
    datum,
    datumKey: datum === 'other' ? `other:${datumName}` : datum,
    ellipsoid,
    geographic: p.projName === 'longlat',
    ...(towgs84 ? { towgs84 } : {}),
  };
}

/** "EPSG:4516 CGCS2000 / 3-degree Gauss-Kruger zone 28", or the definition's own name. */
export function describeCrs(crs: CrsDef): Bilingual {
  if (crs.epsg === null)
    return { zh: `${crs.name.zh}（自定义定义）`, en: `${crs.name.en} (custom definition)` };
  return { zh: `EPSG:${crs.epsg} ${crs.name.zh}`, en: `EPSG:${crs.epsg} ${crs.name.en}` };
}
