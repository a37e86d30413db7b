import type { Bilingual } from '../domain/labels';
import {
  CrsDefinitionError,
  crsDefOfEpsg,
  crsDefOfText,
  describeCrs,
  needsDatumShift,
  type CrsDef,
} from './crsDef';
import { DATUMS, type DatumId } from './datums';
import type { AxisOrder, CrsEvidence } from './evidence';
import { gkCode, ZONE_RANGE, type GkDatum, type ZoneWidth } from './gkFamilies';
import { fitsCrs, isNorthing, isPlainEasting, prefixedZone, type Median } from './plausible';

/**
 * The one place that decides a layer's coordinate system and axis order. Readers only report
 * evidence (crs/evidence.ts); this weighs it in a fixed order — the planner's choice, a definition
 * in the file, a code the file declares, a format that fixes lon/lat, a coordinate table's header,
 * and last the size of the numbers — and says why, line by line, for the import preview and
 * `hzw info`. Axis order: the planner's choice, else the format's convention, unless the numbers
 * only fit the other order (survey X = north first), which is then used and reported.
 */
export interface CrsChoice {
  /** The planner's system: an EPSG code, or a full definition (WKT, PROJ string, "EPSG:n"). */
  crs?: number | string;
  /** The planner's axis order; absent = decide. */
  axisOrder?: AxisOrder;
  /** The project's 3° zone, for eastings without the zone number. */
  gkZone?: number;
}

export type CrsSource = 'user' | 'prj' | 'file' | 'header' | 'magnitude' | 'fixed' | 'unknown';

export interface CrsResolution {
  crs: CrsDef | null;
  axisOrder: AxisOrder;
  source: CrsSource;
  /** Why this system and order, one line each. */
  reasons: Bilingual[];
  warnings: Bilingual[];
  /** EPSG codes to offer the planner, most likely first. */
  candidates: number[];
  /** The datum is not CGCS2000-compatible and the definition carries no parameters. */
  needsDatumShift: boolean;
  /** Set when no system can be decided: what the planner must choose. */
  refusal?: Bilingual;
}

const other = (order: AxisOrder): AxisOrder => (order === 'en' ? 'ne' : 'en');
const ORDER_LABEL: Record<AxisOrder, Bilingual> = {
  en: { zh: 'X=东、Y=北（GIS 顺序）', en: 'X = east, Y = north (GIS order)' },
  ne: { zh: 'X=北、Y=东（测量顺序）', en: 'X = north, Y = east (survey order)' },
};

/** Datum named in a coordinate table's header (坐标系=…). */
export function datumOfHeaderText(text: string | undefined): DatumId | null {
  if (!text) return null;
  const t = text.replace(/\s/g, '').toLowerCase();
  if (/2000|cgcs/.test(t)) return 'cgcs2000';
  if (/西安|xian|80/.test(t)) return 'xian1980';
  if (/新.*北京|新54|new_?beijing/.test(t)) return 'new_beijing';
  if (/北京|beijing|54/.test(t)) return 'beijing1954';
  if (/wgs/.test(t)) return 'wgs84';
  return null;
}

const isDegrees = (lon: number, lat: number) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
const inChina = (lon: number, lat: number) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;

function medianOf(sample: Iterable<readonly number[]>): Median | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of sample) {
    if (xs.length >= 10_000) break;
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) {
      xs.push(p[0]!);
      ys.push(p[1]!);
    }
  }
  if (!xs.length) return null;
  const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { x: mid(xs), y: mid(ys) };
}

/** A resolution before its datum is looked at. */
type Decision = Omit<CrsResolution, 'needsDatumShift'>;

/** The CRS the evidence names outright (user, definition, declared code, fixed format), or null. */
function named(evidence: CrsEvidence, choice: CrsChoice, warnings: Bilingual[]): Decision | null {
  const base = { axisOrder: 'en' as AxisOrder, warnings, candidates: [] as number[] };
  if (choice.crs !== undefined) {
    try {
      const crs = typeof choice.crs === 'number' ? crsDefOfEpsg(choice.crs) : crsDefOfText(choice.crs);
      if (!crs) throw new CrsDefinitionError(unbundled(choice.crs as number));
      const d = describeCrs(crs);
      return {
        ...base,
        crs,
        source: 'user',
        reasons: [{ zh: `由您指定：${d.zh}`, en: `Chosen by you: ${d.en}` }],
      };
    } catch (error) {
      if (!(error instanceof CrsDefinitionError)) throw error;
      return { ...base, crs: null, source: 'user', reasons: [], refusal: error.reason };
    }
  }
  if (evidence.definition) {
    const { text, from } = evidence.definition;
    try {
      const crs = crsDefOfText(text);
      const d = describeCrs(crs);
      const source: CrsSource = from === '.prj' ? 'prj' : 'file';
      return { ...base, crs, source, reasons: [{ zh: `${from}：${d.zh}`, en: `${from}: ${d.en}` }] };
    } catch (error) {
      if (!(error instanceof CrsDefinitionError)) throw error;
      warnings.push({
        zh: `${from} ${error.reason.zh}；改按坐标数值判断`,
        en: `${from}: ${error.reason.en}; judged from the numbers instead`,
      });
    }
  }
  if (evidence.epsg !== undefined) {
    const crs = crsDefOfEpsg(evidence.epsg);
    if (crs) {
      const d = describeCrs(crs);
      return {
        ...base,
        crs,
        source: 'file',
        reasons: [{ zh: `文件声明：${d.zh}`, en: `Declared by the file: ${d.en}` }],
      };
    }
    warnings.push(unbundled(evidence.epsg));
  }
  if (evidence.lonLat) {
    const crs = crsDefOfEpsg(4326)!;
    const reason = { zh: '此格式规定为 WGS 84 经纬度', en: 'The format is always WGS 84 longitude/latitude' };
    return { ...base, crs, source: 'fixed', reasons: [reason] };
  }
  return null;
}

function unbundled(epsg: number): Bilingual {
  return {
    zh: `EPSG:${epsg} 不在内置坐标系中，且文件没有完整定义`,
    en: `EPSG:${epsg} is not bundled and the file gives no full definition`,
  };
}

/**
 * The system from the numbers (and a coordinate table's header): lon/lat degrees, a zone-prefixed
 * easting, or a plain easting with the zone from the header or the project.
 */
function fromNumbers(
  m: Median,
  evidence: CrsEvidence,
  choice: CrsChoice,
  preferred: AxisOrder,
  warnings: Bilingual[],
): Decision {
  const header = evidence.header;
  const source: CrsSource = header ? 'header' : 'magnitude';
  const stated = datumOfHeaderText(header?.datum);
  const datum: GkDatum = stated === null || stated === 'wgs84' || stated === 'other' ? 'cgcs2000' : stated;
  const reasons: Bilingual[] = [];
  if (header?.datum && stated === null)
    warnings.push({
      zh: `文件头坐标系“${header.datum}”无法识别，按 CGCS2000`,
      en: `The header's datum “${header.datum}” is not recognised; taken as CGCS2000`,
    });
  if (!header?.datum && !isDegrees(m.x, m.y))
    reasons.push({ zh: '文件未说明坐标系，按 CGCS2000', en: 'The file names no datum; taken as CGCS2000' });
  const orders: AxisOrder[] = choice.axisOrder ? [choice.axisOrder] : [preferred, other(preferred)];
  for (const order of orders) {
    const [e, n] = order === 'en' ? [m.x, m.y] : [m.y, m.x];
    const orderReason =
      order === preferred
        ? null
        : {
            zh: `数值只符合${ORDER_LABEL[order].zh}，已按此读取`,
            en: `The numbers only fit ${ORDER_LABEL[order].en}; read that way`,
          };
    // Degrees in the other order only when they then fall in China: small drawing units
    // (79, 121) are not latitude 79°.
    const degrees = order === preferred || choice.axisOrder ? isDegrees(e, n) : inChina(e, n);
    if (degrees && !header) {
      const crs = crsDefOfEpsg(4490)!;
      reasons.push({
        zh: '坐标为经纬度（度），按 CGCS2000',
        en: 'Coordinates are longitude/latitude in degrees; taken as CGCS2000',
      });
      if (orderReason) warnings.push(orderReason);
      return { crs, axisOrder: order, source, reasons, warnings, candidates: [4490, 4326] };
    }
    if (!isNorthing(n)) continue;
    const prefixed = prefixedZone(e);
    if (prefixed !== null) {
      const width: ZoneWidth = prefixed >= ZONE_RANGE[3].min ? 3 : 6;
      const code = gkCode(datum, prefixed, width, true)!;
      reasons.push({
        zh: `东坐标带带号前缀 ${prefixed}（${width}度带）`,
        en: `The easting carries zone prefix ${prefixed} (${width}° zone)`,
      });
      if (header?.zone !== undefined && header.zone !== prefixed)
        warnings.push({
          zh: `文件头带号=${header.zone}，但东坐标带 ${prefixed} 带前缀：按 ${prefixed} 带读取`,
          en: `The header says zone ${header.zone} but the easting carries prefix ${prefixed}: read as zone ${prefixed}`,
        });
      if (orderReason) warnings.push(orderReason);
      return { crs: crsDefOfEpsg(code), axisOrder: order, source, reasons, warnings, candidates: [code] };
    }
    if (!isPlainEasting(e)) continue;
    const width: ZoneWidth = header?.width ?? 3;
    const zone = header?.zone ?? choice.gkZone;
    const candidates = [zone, ...Array.from({ length: 21 }, (_, i) => 25 + i)]
      .filter((z, i, all): z is number => z !== undefined && all.indexOf(z) === i)
      .map((z) => gkCode(datum, z, width, false))
      .filter((c): c is number => c !== null);
    if (orderReason) warnings.push(orderReason);
    const code = zone === undefined ? null : gkCode(datum, zone, width, false);
    if (code === null) {
      const refusal = {
        zh: `东坐标没有带号前缀${zone === undefined ? '' : `，带号 ${zone} 无效`}，无法判断高斯-克吕格投影带：请选择坐标系或项目带号`,
        en: `The eastings carry no zone prefix${zone === undefined ? '' : ` and zone ${zone} is not valid`}, so the Gauss-Krüger zone cannot be told: choose the CRS or the project zone`,
      };
      return { crs: null, axisOrder: order, source: 'unknown', reasons, warnings, candidates, refusal };
    }
    const from =
      header?.zone !== undefined
        ? { zh: '文件头带号', en: "the header's zone" }
        : { zh: '项目设置', en: 'the project settings' };
    reasons.push({
      zh: `东坐标无带号前缀，带号 ${zone} 取自${from.zh}`,
      en: `The easting has no zone prefix; zone ${zone} from ${from.en}`,
    });
    return { crs: crsDefOfEpsg(code), axisOrder: order, source, reasons, warnings, candidates };
  }
  const refusal = {
    zh: `坐标（${Math.round(m.x)}, ${Math.round(m.y)}）不像经纬度，也不像中国的高斯-克吕格坐标：请选择坐标系`,
    en: `Coordinates (${Math.round(m.x)}, ${Math.round(m.y)}) look neither like lon/lat nor like Chinese Gauss-Krüger: choose the CRS`,
  };
  return { crs: null, axisOrder: preferred, source: 'unknown', reasons, warnings, candidates: [], refusal };
}

/** Axis order for a system already known: the preferred one unless only the other fits. */
function outOfRange(m: Median): Bilingual {
  return {
    zh: `坐标（${Math.round(m.x)}, ${Math.round(m.y)}）不在该坐标系的有效范围内，请核对坐标系和坐标顺序`,
    en: `Coordinates (${Math.round(m.x)}, ${Math.round(m.y)}) lie outside this system's valid range; please check the CRS and the axis order`,
  };
}

/** Axis order for a system already known: the preferred one unless only the other fits. */
function orderFor(
  crs: CrsDef,
  m: Median | null,
  choice: CrsChoice,
  preferred: AxisOrder,
): { order: AxisOrder; note: Bilingual | null; warning: Bilingual | null } {
  if (choice.axisOrder) {
    const chosen = choice.axisOrder;
    return {
      order: chosen,
      note: {
        zh: `坐标顺序由您指定：${ORDER_LABEL[chosen].zh}`,
        en: `Axis order chosen by you: ${ORDER_LABEL[chosen].en}`,
      },
      warning: m && fitsCrs(crs, m, chosen) === false ? outOfRange(m) : null,
    };
  }
  const fitsPreferred = m ? fitsCrs(crs, m, preferred) : null;
  if (!m || fitsPreferred !== false || fitsCrs(crs, m, other(preferred)) !== true)
    return { order: preferred, note: null, warning: m && fitsPreferred === false ? outOfRange(m) : null };
  const order = other(preferred);
  return {
    order,
    note: null,
    warning: {
      zh: `数值只符合${ORDER_LABEL[order].zh}（X/Y 颠倒），已按此读取`,
      en: `The numbers only fit ${ORDER_LABEL[order].en} (X/Y swapped); read that way`,
    },
  };
}

export function resolveCrs(
  evidence: CrsEvidence,
  sample: Iterable<readonly number[]>,
  choice: CrsChoice = {},
): CrsResolution {
  const warnings: Bilingual[] = [];
  const m = medianOf(sample);
  const preferred = evidence.axisOrder ?? 'en';
  let decision = named(evidence, choice, warnings);
  if (decision?.crs) {
    const { order, note, warning } = orderFor(decision.crs, m, choice, preferred);
    decision.axisOrder = order;
    if (note) decision.reasons.push(note);
    if (warning) warnings.push(warning);
  } else if (!decision?.refusal) {
    decision = m
      ? fromNumbers(m, evidence, choice, preferred, warnings)
      : {
          crs: null,
          axisOrder: preferred,
          source: 'unknown',
          reasons: [],
          warnings,
          candidates: [],
          refusal: {
            zh: '没有可用的坐标，无法判断坐标系',
            en: 'No usable coordinates, so the CRS cannot be told',
          },
        };
  }
  const crs = decision.crs;
  if (crs && decision.source === 'magnitude') {
    const d = describeCrs(crs);
    warnings.push({
      zh: `文件未声明坐标系，按坐标数值判断为 ${d.zh}，请核对`,
      en: `The file declares no CRS; taken as ${d.en} from the numbers — please check`,
    });
  }
  const datumShiftNeeded = crs !== null && needsDatumShift(crs);
  if (crs && !DATUMS[crs.datum].compatible) {
    const d = DATUMS[crs.datum];
    decision.reasons.push(
      crs.towgs84
        ? {
            zh: `基准：${d.label.zh}；定义自带转换参数（TOWGS84）`,
            en: `Datum: ${d.label.en}; the definition carries its own parameters (TOWGS84)`,
          }
        : {
            zh: `基准：${d.label.zh}（自有椭球），转换到 CGCS2000 需要选择基准转换`,
            en: `Datum: ${d.label.en} (its own ellipsoid); converting to CGCS2000 needs a datum transformation`,
          },
    );
  }
  return {
    crs,
    axisOrder: decision.axisOrder,
    source: decision.source,
    reasons: decision.reasons,
    warnings: decision.warnings,
    candidates:
      crs?.epsg != null && !decision.candidates.includes(crs.epsg)
        ? [crs.epsg, ...decision.candidates]
        : decision.candidates,
    needsDatumShift: datumShiftNeeded,
    ...(decision.refusal ? { refusal: decision.refusal } : {}),
  };
}
