import { encodeText } from '../text/encoding';
import {
  buildParcels,
  withDefaults,
  type CoordinateTableOptions,
  type TableInput,
  type Parcel,
} from './parcels';

export interface CoordinateTextOptions extends CoordinateTableOptions {
  /** CRLF (what Windows survey software writes) unless told. */
  lineEnding?: '\r\n' | '\n';
}

/** Format version written in [属性描述]. */
export const COORDINATE_TABLE_VERSION = '1.01';

/** A text field without the characters that would break the comma layout or the line. */
function field(text: string): string {
  return text.replace(/[,，@\r\n]+/g, ' ').trim();
}

function parcelLines(parcel: Parcel, decimals: number): string[] {
  const header = [
    parcel.points.length,
    parcel.areaHm2.toFixed(4),
    parcel.no,
    field(parcel.name),
    '面',
    '',
    field(parcel.use),
    '',
    '@',
  ].join(',');
  const points = parcel.points.map(
    (p) => `${p.name},${p.ring},${p.x.toFixed(decimals)},${p.y.toFixed(decimals)}`,
  );
  return [header, ...points];
}

/**
 * The plain-text coordinate exchange layout (docs/formats.md "Coordinate tables"): an
 * [属性描述] header, then under [地块坐标] per parcel a line
 * `<point lines>,<area hm²>,<parcel no.>,<name>,面,<sheet no.>,<use>,,@` and one line
 * `J<n>,<ring>,<X north>,<Y east>` per point, each ring closed by repeating its first point.
 */
export function writeCoordinateTable(entries: TableInput, input: CoordinateTextOptions): string {
  const options = withDefaults(input);
  const eol = input.lineEnding ?? '\r\n';
  const lines = [
    '[属性描述]',
    `格式版本号=${COORDINATE_TABLE_VERSION}`,
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${options.gkZone}`,
    `精度=${options.decimals}`,
    '[地块坐标]',
    ...buildParcels(entries, options).flatMap((p) => parcelLines(p, options.decimals)),
  ];
  return lines.join(eol) + eol;
}

/** The same text as bytes: GBK (what most Chinese survey software expects) or UTF-8 without a mark. */
export function writeCoordinateTableBytes(
  entries: TableInput,
  options: CoordinateTextOptions & { encoding?: 'gbk' | 'utf-8' },
): Uint8Array {
  return encodeText(writeCoordinateTable(entries, options), options.encoding ?? 'gbk');
}
