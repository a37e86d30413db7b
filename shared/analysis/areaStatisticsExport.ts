import type { Lang } from '../domain/labels';
import { AREA_DECIMALS, AREA_UNITS, AREA_UNIT_LABELS, convertArea } from '../domain/units';
import { writeCsv } from '../formats/csv/writeCsv';
import { writeXlsx } from '../formats/xlsx/writeXlsx';
import { AREA_GROUPING_LABELS, type AreaStatistics, type AreaStatisticsRow } from './areaStatistics';

/** Column headers in the UI language, each naming its method and unit. */
export function areaStatisticsHeader(stats: AreaStatistics, lang: Lang): string[] {
  const method =
    lang === 'zh'
      ? { e: '椭球面积（CGCS2000）', p: `高斯平面面积（3°带 ${stats.gkZone}）` }
      : { e: 'Ellipsoidal (CGCS2000)', p: `Planar Gauss-Krüger (3° zone ${stats.gkZone})` };
  const units = (m: string) => AREA_UNITS.map((u) => `${m} ${AREA_UNIT_LABELS[u][lang]}`);
  return [
    AREA_GROUPING_LABELS[stats.grouping][lang],
    lang === 'zh' ? '区划数' : 'Zones',
    ...units(method.e),
    ...units(method.p),
  ];
}

/** A row's numbers, rounded as the UI shows them (m² to 0.01, hm² to 4, 亩 to 2, km² to 6 places). */
export function areaStatisticsValues(row: AreaStatisticsRow, lang: Lang): (string | number)[] {
  const values = (m2: number) => AREA_UNITS.map((u) => Number(convertArea(m2, u).toFixed(AREA_DECIMALS[u])));
  return [row.label[lang], row.zoneCount, ...values(row.ellipsoidalM2), ...values(row.planarM2)];
}

export function areaStatisticsTable(stats: AreaStatistics, lang: Lang): (string | number)[][] {
  return [
    areaStatisticsHeader(stats, lang),
    ...stats.rows.map((r) => areaStatisticsValues(r, lang)),
    areaStatisticsValues(stats.total, lang),
  ];
}

/** CSV, UTF-8 with a byte-order mark (Excel shows Chinese correctly) or GBK; the last row is the total. */
export function areaStatisticsCsv(
  stats: AreaStatistics,
  lang: Lang,
  encoding: 'utf-8' | 'gbk' = 'utf-8',
): Uint8Array {
  const table = areaStatisticsTable(stats, lang).map((row) =>
    row.map((v, i) =>
      typeof v === 'number' && i >= 2 ? v.toFixed(AREA_DECIMALS[AREA_UNITS[(i - 2) % 4]!]) : v,
    ),
  );
  return writeCsv(table, { encoding });
}

export function areaStatisticsXlsx(stats: AreaStatistics, lang: Lang): Uint8Array {
  const formats = AREA_UNITS.map((u) => `0.${'0'.repeat(AREA_DECIMALS[u])}`);
  return writeXlsx([
    {
      name: lang === 'zh' ? '面积统计' : 'Area statistics',
      rows: areaStatisticsTable(stats, lang),
      columnWidths: [30, 8, ...Array<number>(8).fill(18)],
      numberFormats: [null, '0', ...formats, ...formats],
    },
  ]);
}
