import type { Position } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import type { AxisOrder } from '../../crs/evidence';
import { fromGaussKruger } from '../../crs/gaussKruger';
import { gkSystem } from '../../crs/gkFamilies';
import { resolveCrs } from '../../crs/resolveCrs';
import type { RawPoint } from './parseCoordinateText';

export interface PlaceOptions {
  /** The project's 3° zone: eastings without the zone number are read in it. */
  gkZone: number;
  /** How the rows are written: 'ne' survey X = north first (the default), 'en' lon/lat or east first. */
  order?: AxisOrder;
}

export type Placed =
  | {
      /** One lon/lat position per point, in the points' order. */
      positions: Position[];
      /** How the system was told, one line each (shown beside the preview). */
      reasons: Bilingual[];
      warnings: Bilingual[];
    }
  | { refusal: Bilingual };

const inChina = ([lon, lat]: Position) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;

/**
 * Typed or pasted numbers → lon/lat. The system and axis order are decided by the importer's one
 * resolver (shared/crs/resolveCrs.ts) as for a coordinate table: degrees, a zone-prefixed easting
 * (its prefix names the zone), or a plain easting in the project's zone; X = north first unless
 * the numbers only fit the other order. Positions outside China are refused, naming the point.
 */
export function placePastedRows(points: readonly RawPoint[], options: PlaceOptions): Placed {
  if (points.length === 0) return { refusal: { zh: '没有坐标', en: 'No coordinates' } };
  const evidence = { axisOrder: options.order ?? 'ne' };
  const resolution = resolveCrs(
    evidence,
    points.map((p) => [p.a, p.b]),
    { gkZone: options.gkZone },
  );
  const crs = resolution.crs;
  if (!crs) return { refusal: resolution.refusal ?? { zh: '无法判断坐标系', en: 'The CRS cannot be told' } };
  const swap = resolution.axisOrder === 'ne';
  const gk = crs.epsg === null ? null : gkSystem(crs.epsg);
  if (!crs.geographic && (!gk || gk.datum !== 'cgcs2000'))
    return { refusal: { zh: '只支持 CGCS2000 坐标', en: 'Only CGCS2000 coordinates are supported' } };
  const positions = points.map((p): Position => {
    const [x, y] = swap ? [p.b, p.a] : [p.a, p.b];
    return gk ? fromGaussKruger([x, y], gk.zone, { prefixed: gk.prefixed, width: gk.width }) : [x, y];
  });
  const outside = positions.findIndex((p) => !inChina(p));
  if (outside >= 0) {
    const p = points[outside]!;
    const name = p.name || `${outside + 1}`;
    return {
      refusal: {
        zh: `第 ${p.line} 行（${name}）不在中国境内，请核对坐标顺序（X=北在前）和带号`,
        en: `Line ${p.line} (${name}) lies outside China: check the axis order (X = north first) and the zone`,
      },
    };
  }
  // The resolver's lines about "the file" (declares no CRS, names no datum) are about files:
  // typed rows never declare a system, and the workbench stores CGCS2000 only.
  const aboutFiles = (line: Bilingual) => /\bfile\b/.test(line.en);
  const warnings = resolution.warnings.filter((w) => !aboutFiles(w));
  if (gk && gk.zone !== options.gkZone)
    warnings.push({
      zh: `坐标带号为 ${gk.zone}，与项目带号 ${options.gkZone} 不同；已按 ${gk.zone} 带换算`,
      en: `The coordinates are in zone ${gk.zone}, not the project's zone ${options.gkZone}; converted from zone ${gk.zone}`,
    });
  return { positions, reasons: resolution.reasons.filter((r) => !aboutFiles(r)), warnings };
}
