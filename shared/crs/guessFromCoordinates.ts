import type { Bilingual } from '../domain/labels';
import { gaussKrugerEpsg } from './definitions';

/**
 * Guess a file's CRS from the size of its numbers, for files that do not say (DXF, coordinate
 * lists, shapefiles without .prj). In China a northing lies between about 1.9 and 6.1 million
 * metres; an 8-digit easting carries the Gauss-Krüger zone number (28 553 915 → zone 28); a
 * 6-digit easting needs the project's zone. Survey tables put X = north first, so a file whose
 * first coordinate looks like a northing is reported as swapped.
 */
export interface CoordinateGuess {
  epsg: number | null;
  /** The first coordinate is the northing (survey X/Y order): swap before use. */
  swapped: boolean;
  /** Codes the planner should be offered, most likely first. */
  candidates: number[];
  note: Bilingual;
}

const isNorthing = (v: number) => v >= 1_900_000 && v <= 6_200_000;
const isPlainEasting = (v: number) => v >= 50_000 && v <= 950_000;
const prefixedZone = (v: number): number | null => {
  const zone = Math.floor(v / 1_000_000);
  const rest = v - zone * 1_000_000;
  return ((zone >= 13 && zone <= 23) || (zone >= 25 && zone <= 45)) && rest >= 50_000 && rest <= 950_000
    ? zone
    : null;
};

function medians(positions: Iterable<readonly number[]>): [number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of positions) {
    if (xs.length >= 10_000) break;
    const [x, y] = p;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x!);
      ys.push(y!);
    }
  }
  if (!xs.length) return null;
  const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return [mid(xs), mid(ys)];
}

function prefixedEpsg(zone: number): number {
  return zone >= 25 ? gaussKrugerEpsg(zone, 3, true)! : gaussKrugerEpsg(zone, 6, true)!;
}

export function guessCrsFromCoordinates(
  positions: Iterable<readonly number[]>,
  hint: { gkZone?: number } = {},
): CoordinateGuess {
  const m = medians(positions);
  const unknown = (note: Bilingual): CoordinateGuess => ({
    epsg: null,
    swapped: false,
    candidates: [],
    note,
  });
  if (!m) return unknown({ zh: '没有可用的坐标', en: 'No usable coordinates' });
  const [x, y] = m;
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    return {
      epsg: 4490,
      swapped: false,
      candidates: [4490, 4326],
      note: { zh: '坐标为经纬度（度）', en: 'Coordinates are longitude/latitude in degrees' },
    };
  }
  for (const swapped of [false, true]) {
    const [e, n] = swapped ? [y, x] : [x, y];
    if (!isNorthing(n)) continue;
    const swapNote = swapped
      ? {
          zh: '；第一个坐标像北坐标 X，已按 X=北、Y=东 交换',
          en: '; the first value looks like a northing X, so X/Y are swapped',
        }
      : { zh: '', en: '' };
    const zone = prefixedZone(e);
    if (zone !== null) {
      const epsg = prefixedEpsg(zone);
      return {
        epsg,
        swapped,
        candidates: [epsg],
        note: {
          zh: `东坐标带 ${zone} 带号前缀（${zone >= 25 ? '3' : '6'}度带）${swapNote.zh}`,
          en: `The easting carries zone prefix ${zone} (${zone >= 25 ? '3' : '6'}° zone)${swapNote.en}`,
        },
      };
    }
    if (isPlainEasting(e)) {
      const candidates: number[] = [];
      if (hint.gkZone) candidates.push(gaussKrugerEpsg(hint.gkZone, 3, false)!);
      for (let z = 25; z <= 45; z++) {
        const code = gaussKrugerEpsg(z, 3, false)!;
        if (!candidates.includes(code)) candidates.push(code);
      }
      return {
        epsg: hint.gkZone ? candidates[0]! : null,
        swapped,
        candidates,
        note: {
          zh: `东坐标无带号前缀，带号${hint.gkZone ? `按项目设置取第 ${hint.gkZone} 带，请确认` : '无法从坐标判断，请选择'}${swapNote.zh}`,
          en: `The easting has no zone prefix; ${hint.gkZone ? `zone ${hint.gkZone} from the project settings — please confirm` : 'the zone cannot be told from the numbers — please choose'}${swapNote.en}`,
        },
      };
    }
  }
  return unknown({
    zh: `坐标（${Math.round(x)}, ${Math.round(y)}）不像经纬度，也不像中国的高斯-克吕格坐标`,
    en: `Coordinates (${Math.round(x)}, ${Math.round(y)}) look neither like lon/lat nor like Chinese Gauss-Krüger`,
  });
}
