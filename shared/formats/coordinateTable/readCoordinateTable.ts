import type { Position, Ring, ZoneGeometry } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import type { CrsEvidence } from '../../crs/evidence';
import { locateInPolygon } from '../../geometry/pointInPolygon';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import { setProperty, type FieldDef, type LayerFeature, type ReadOptions, type ReadResult } from '../layer';
import { decodeText, detectEncoding, normaliseEncoding, type TextEncodingName } from '../text/encoding';
import { parseCoordinateText, type RawParcel, type RawPoint } from './parseCoordinateText';

export const COORDINATE_TABLE_FIELDS: FieldDef[] = [
  { name: 'parcel_no', type: 'string' },
  { name: 'parcel_name', type: 'string' },
  { name: 'parcel_use', type: 'string' },
  { name: 'sheet_no', type: 'string' },
  { name: 'declared_area_hm2', type: 'real' },
];

const headerNumber = (header: Map<string, string>, key: string): number | undefined => {
  const value = header.get(key);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

/**
 * What the header says about the coordinates (坐标系, 带号, 几度分带); the numbers stay as written
 * (X = north first by convention) and shared/crs/resolveCrs.ts decides the system and order.
 */
function evidenceOf(header: Map<string, string>): CrsEvidence {
  const zone = headerNumber(header, '带号');
  const width = headerNumber(header, '几度分带');
  const datum = header.get('坐标系');
  return {
    axisOrder: 'ne',
    header: {
      ...(datum ? { datum } : {}),
      ...(zone !== undefined ? { zone } : {}),
      ...(width === 3 || width === 6 ? { width } : {}),
    },
  };
}

interface TableRing {
  ring: number;
  line: number;
  positions: Position[];
}

/** Cut a parcel's points into rings, each closed by repeating its first point. */
function ringsOf(parcel: RawParcel): TableRing[] {
  const rings: TableRing[] = [];
  let open: (TableRing & { first: RawPoint }) | null = null;
  const position = (p: RawPoint): Position => [p.a, p.b];
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
      open = { ring: p.ring, line: p.line, positions: [position(p)], first: p };
      continue;
    }
    open.positions.push(position(p));
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
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
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
 * Read the plain-text coordinate layout into one layer of polygons, one feature per parcel, the
 * numbers as written (survey order) with the header as CRS evidence. A parcel with any problem is refused and reported with its
 * line numbers; a file with nothing readable is refused as a whole.
 */
export function readCoordinateTable(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
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
  const features: LayerFeature[] = [];
  const problems: InputProblem[] = [];
  parcels.forEach((parcel, index) => {
    const geometry = geometryOf(ringsOf(parcel));
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
    layers: [{ name, epsg: null, evidence: evidenceOf(header), fields: COORDINATE_TABLE_FIELDS, features }],
    problems,
    info: {
      format: 'coordinate-table',
      encoding: { used, source, candidates: ['gbk', 'utf-8', 'gb18030'] },
      warnings,
    },
  };
}
