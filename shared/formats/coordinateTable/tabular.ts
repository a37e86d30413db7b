import { writeCsv } from '../csv/writeCsv';
import { writeXlsx } from '../xlsx/writeXlsx';
import { buildParcels, withDefaults, type CoordinateTableOptions, type TableInput } from './parcels';

/** The four survey columns first (as offices expect them), then which parcel a point belongs to. */
export const POINT_COLUMNS = ['点号', '圈号', 'X(北)', 'Y(东)', '地块号', '地块名称'] as const;
export const PARCEL_COLUMNS = ['地块号', '地块名称', '用途', '界址点数', '面积(公顷，高斯平面)'] as const;

function pointRows(entries: TableInput, options: CoordinateTableOptions) {
  const decimals = withDefaults(options).decimals;
  const parcels = buildParcels(entries, options);
  const round = (v: number) => Number(v.toFixed(decimals));
  return {
    decimals,
    parcels,
    rows: parcels.flatMap((parcel) =>
      parcel.points.map(
        (p) => [p.name, p.ring, round(p.x), round(p.y), parcel.no, parcel.name] as (string | number)[],
      ),
    ),
  };
}

/**
 * Points as CSV: header `点号,圈号,X(北),Y(东),地块号,地块名称`, X/Y with the table's decimals.
 * UTF-8 with a byte-order mark (Excel then shows Chinese correctly) or GBK without one.
 */
export function writeCoordinateCsv(
  entries: TableInput,
  options: CoordinateTableOptions & { encoding?: 'utf-8' | 'gbk' },
): Uint8Array {
  const { rows, decimals } = pointRows(entries, options);
  const text = rows.map((r) => [
    r[0]!,
    r[1]!,
    (r[2] as number).toFixed(decimals),
    (r[3] as number).toFixed(decimals),
    r[4]!,
    r[5]!,
  ]);
  return writeCsv([[...POINT_COLUMNS], ...text], { encoding: options.encoding ?? 'utf-8' });
}

/**
 * Points as a workbook: sheet "界址点坐标" with every parcel's points (the CSV columns, X/Y as
 * numbers shown with the table's decimals), and sheet "地块" with one row per parcel.
 */
export function writeCoordinateXlsx(entries: TableInput, options: CoordinateTableOptions): Uint8Array {
  const { rows, decimals, parcels } = pointRows(entries, options);
  const xy = `0.${'0'.repeat(decimals)}`;
  return writeXlsx([
    {
      name: '界址点坐标',
      rows: [[...POINT_COLUMNS], ...rows],
      columnWidths: [8, 6, 16, 16, 8, 28],
      numberFormats: [null, '0', xy, xy, null, null],
    },
    {
      name: '地块',
      rows: [
        [...PARCEL_COLUMNS],
        ...parcels.map((p) => [p.no, p.name, p.use, p.points.length, Number(p.areaHm2.toFixed(4))]),
      ],
      columnWidths: [8, 28, 16, 10, 20],
      numberFormats: [null, null, null, '0', '0.0000'],
    },
  ]);
}
