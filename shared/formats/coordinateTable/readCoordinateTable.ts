import type { Position, Ring, ZoneGeometry } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import { gaussKrugerCrs, gaussKrugerEpsg, type ZoneWidth } from '../../crs/definitions';
import { fromSurveyXY, zoneOfPrefixedEasting } from '../../crs/gaussKruger';
import { guessCrsFromCoordinates } from '../../crs/guessFromCoordinates';
import { locateInPolygon } from '../../geometry/pointInPolygon';
import { orientForRfc7946 } from '../../geometry/rings';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import { setProperty, type FieldDef, type LayerFeature, type ReadOptions, type ReadResult } from '../layer';
import { decodeText, detectEncoding, normaliseEncoding, type TextEncodingName } from '../text/encoding';
import { parseCoordinateText, type RawParcel, type RawPoint } from './parseCoordinateText';

export interface CoordinateTableReadOptions extends ReadOptions {
  /** The project's 3° zone: used when neither the header (带号) nor a Y prefix names one. */
  gkZone?: number;
}

export const COORDINATE_TABLE_FIELDS: FieldDef[] = [
  { name: 'parcel_no', type: 'string' },
  { name: 'parcel_name', type: 'string' },
  { name: 'parcel_use', type: 'string' },
  { name: 'sheet_no', type: 'string' },
  { name: 'declared_area_hm2', type: 'real' },
];

interface SourceCrs {
  epsg: number;
  zone: number;
  width: ZoneWidth;
  prefixed: boolean;
  /** The file writes Y (east) before X (north), against the survey convention. */
  swapped: boolean;
  note: Bilingual;
}

const headerNumber = (header: Map<string, string>, key: string): number | null => {
  const value = header.get(key);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
};

/** The projection the numbers are in: a user override, else the Y prefix, else 带号, else the project zone. */
function sourceCrs(
  points: RawPoint[],
  header: Map<string, string>,
  options: CoordinateTableReadOptions,
  fileName: string,
  warnings: Bilingual[],
): SourceCrs {
  const guess = guessCrsFromCoordinates(points.map((p) => [p.a, p.b]));
  // The guess calls survey order (northing first) "swapped"; a file in easting-first order is the odd one.
  const swapped = guess.epsg !== null && !guess.swapped && gaussKrugerCrs(guess.epsg) !== null;
  if (swapped)
    warnings.push({
      zh: '文件中第一个坐标像东坐标 Y：已按 Y、X 顺序读取',
      en: 'The first coordinate looks like an easting Y: read as Y, X',
    });
  const override = options.epsg !== undefined ? gaussKrugerCrs(options.epsg) : null;
  if (override) return { ...override, swapped, note: { zh: '用户指定', en: 'chosen by the user' } };
  const eastings = points.map((p) => (swapped ? p.a : p.b));
  const prefix = zoneOfPrefixedEasting(eastings[Math.floor(eastings.length / 2)]!);
  const declared = headerNumber(header, '带号');
  const width: ZoneWidth = headerNumber(header, '几度分带') === 6 ? 6 : 3;
  if (prefix) {
    if (declared !== null && declared !== prefix.zone)
      warnings.push({
        zh: `文件头带号=${declared}，但 Y 坐标带 ${prefix.zone} 带前缀：按 ${prefix.zone} 带读取`,
        en: `The header says 带号=${declared} but Y carries zone prefix ${prefix.zone}: read as zone ${prefix.zone}`,
      });
    const epsg = gaussKrugerEpsg(prefix.zone, prefix.width, true)!;
    return { epsg, ...prefix, prefixed: true, swapped, note: guess.note };
  }
  const zone = declared ?? options.gkZone ?? null;
  const epsg = zone === null ? null : gaussKrugerEpsg(zone, width, false);
  if (zone === null || epsg === null)
    throw new FormatError(fileName, [
      fileProblem('带号', {
        zh: `Y 坐标没有带号前缀，文件头也没有有效的带号${zone === null ? '' : `（${zone}）`}，请指定投影带`,
        en: `Y has no zone prefix and the header gives no valid zone${zone === null ? '' : ` (${zone})`}; choose the zone`,
      }),
    ]);
  const source =
    declared !== null
      ? { zh: '文件头带号', en: 'the header 带号' }
      : { zh: '项目设置', en: 'the project settings' };
  return {
    epsg,
    zone,
    width,
    prefixed: false,
    swapped,
    note: {
      zh: `Y 坐标无带号前缀，带号 ${zone} 取自${source.zh}`,
      en: `Y has no zone prefix; zone ${zone} from ${source.en}`,
    },
  };
}

interface TableRing {
  ring: number;
  line: number;
  positions: Position[];
}

/** Cut a parcel's points into rings, each closed by repeating its first point. */
function ringsOf(parcel: RawParcel, crs: SourceCrs): TableRing[] {
  const rings: TableRing[] = [];
  let open: (TableRing & { first: RawPoint }) | null = null;
  const toLonLat = (p: RawPoint) =>
    fromSurveyXY(crs.swapped ? { x: p.b, y: p.a } : { x: p.a, y: p.b }, crs.zone, {
      prefixed: crs.prefixed,
      width: crs.width,
    });
  const finish = (ring: TableRing) => {
    if (ring.positions.length < 4)
      parcel.problems.push({
        zh: `第 ${ring.line} 行起的第 ${ring.ring} 圈少于 3 个不同的点`,
        en: `ring ${ring.ring} starting at line ${ring.line} has fewer than 3 distinct points`,
      });
    else rings.push(ring);
  };
  for (const p of parcel.points) {
    if (open && p.ring !== open.ring) {
      parcel.problems.push({
        zh: `第 ${open.line} 行起的第 ${open.ring} 圈在第 ${p.line} 行之前没有闭合（末点应重复首点）`,
        en: `ring ${open.ring} starting at line ${open.line} is not closed before line ${p.line} (its last point must repeat its first)`,
      });
      open = null;
    }
    if (!open) {
      open = { ring: p.ring, line: p.line, positions: [toLonLat(p)], first: p };
      continue;
    }
    open.positions.push(toLonLat(p));
    if (p.a === open.first.a && p.b === open.first.b) {
      open.positions[open.positions.length - 1] = open.positions[0]!;
      finish(open);
      open = null;
    }
  }
  if (open)
    parcel.problems.push({
      zh: `第 ${open.line} 行起的第 ${open.ring} 圈到地块末尾仍未闭合（末点应重复首点）`,
      en: `ring ${open.ring} starting at line ${open.line} is still open at the end of the parcel (its last point must repeat its first)`,
    });
  return rings;
}

/**
 * Ring 1 starts a polygon; rings 2… are its holes when they lie inside it, else further parts
 * (some offices number the parts of one parcel that way).
 */
function geometryOf(rings: TableRing[]): ZoneGeometry | null {
  const polygons: Ring[][] = [];
  for (const ring of rings) {
    const current = polygons.at(-1);
    const inside = current && locateInPolygon(ring.positions[0]!, [current[0]!]) !== 'outside';
    if (ring.ring > 1 && current && inside) current.push(ring.positions);
    else polygons.push([ring.positions]);
  }
  if (polygons.length === 0) return null;
  return orientForRfc7946(
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons },
  );
}

function decode(
  bytes: Uint8Array,
  options: ReadOptions,
): { text: string; used: TextEncodingName; source: 'user' | 'detected' } {
  const chosen = options.encoding ? normaliseEncoding(options.encoding) : null;
  const used = chosen ?? detectEncoding([bytes]);
  return { text: decodeText(bytes, used), used, source: chosen ? 'user' : 'detected' };
}

/**
 * Read the plain-text coordinate layout into one layer of polygons in CGCS2000 lon/lat
 * (EPSG:4490), one feature per parcel. A parcel with any problem is refused and reported with its
 * line numbers; a file with nothing readable is refused as a whole.
 */
export function readCoordinateTable(
  bytes: Uint8Array,
  fileName: string,
  options: CoordinateTableReadOptions = {},
): ReadResult {
  const { text, used, source } = decode(bytes, options);
  const { header, parcels } = parseCoordinateText(text, fileName);
  const warnings: Bilingual[] = [];
  const allPoints = parcels.flatMap((p) => p.points);
  if (allPoints.length === 0) {
    const problems = parcels.flatMap((p, i) =>
      p.problems.map((reason) => ({ index: i, field: 'points', reason })),
    );
    throw new FormatError(
      fileName,
      problems.length
        ? problems
        : [fileProblem('[地块坐标]', { zh: '没有坐标点', en: 'no coordinate points' })],
    );
  }
  const crs = sourceCrs(allPoints, header, options, fileName, warnings);
  const features: LayerFeature[] = [];
  const problems: InputProblem[] = [];
  parcels.forEach((parcel, index) => {
    const geometry = geometryOf(ringsOf(parcel, crs));
    if (!geometry && parcel.problems.length === 0)
      parcel.problems.push({
        zh: `第 ${parcel.line} 行的地块没有坐标点`,
        en: `the parcel at line ${parcel.line} has no points`,
      });
    if (parcel.problems.length || !geometry) {
      for (const reason of parcel.problems)
        problems.push({ index, field: `parcel ${parcel.no || index + 1}`, reason });
      return;
    }
    if (parcel.declaredPoints !== null && parcel.declaredPoints !== parcel.points.length)
      warnings.push({
        zh: `第 ${parcel.line} 行的地块声明 ${parcel.declaredPoints} 个点，实有 ${parcel.points.length} 个`,
        en: `the parcel at line ${parcel.line} declares ${parcel.declaredPoints} points but has ${parcel.points.length}`,
      });
    const properties = {};
    setProperty(properties, 'parcel_no', parcel.no);
    setProperty(properties, 'parcel_name', parcel.name);
    setProperty(properties, 'parcel_use', parcel.use);
    setProperty(properties, 'sheet_no', parcel.sheetNo);
    setProperty(properties, 'declared_area_hm2', parcel.declaredAreaHm2);
    features.push({ geometry, properties });
  });
  if (features.length === 0) throw new FormatError(fileName, problems);
  const name = fileName.replace(/\.[^.]*$/, '');
  return {
    layers: [{ name, epsg: 4490, fields: COORDINATE_TABLE_FIELDS, features }],
    problems,
    info: {
      format: 'coordinate-table',
      encoding: { used, source, candidates: ['gbk', 'utf-8', 'gb18030'] },
      crs: {
        epsg: crs.epsg,
        source: options.epsg !== undefined ? 'user' : crs.prefixed ? 'magnitude' : 'file',
        note: {
          zh: `${crs.note.zh}；已转换为 CGCS2000 经纬度（EPSG:4490）`,
          en: `${crs.note.en}; converted to CGCS2000 lon/lat (EPSG:4490)`,
        },
      },
      warnings,
    },
  };
}
