import type { Bilingual } from '../../domain/labels';
import { guessCrsFromCoordinates } from '../../crs/guessFromCoordinates';
import { crsName } from '../../crs/definitions';
import { DEFAULT_DEVIATION } from '../../geometry/densify';
import type { InputProblem } from '../formatError';
import {
  createProperties,
  setProperty,
  type Coordinates,
  type FieldDef,
  type LayerFeature,
  type ReadOptions,
  type ReadResult,
} from '../layer';
import { groupDxf, numberOf, valueOf } from './dxfEntities';
import { entityShape } from './dxfGeometry';
import { readDxfText } from './dxfText';

export interface DxfReadOptions extends ReadOptions {
  /** Largest gap between an arc (bulge, CIRCLE, ARC) and its chords, drawing units; default 0.05 m. */
  maxDeviation?: number;
  /** The project's Gauss-Krüger zone, for eastings without the zone prefix. */
  gkZone?: number;
  /** Swap X and Y of every coordinate (a drawing in survey X = north order). */
  swapXY?: boolean;
}

export const DXF_FIELDS: FieldDef[] = [
  { name: 'layer', type: 'string' },
  { name: 'handle', type: 'string' },
  { name: 'entity', type: 'string' },
  { name: 'color', type: 'integer' },
  { name: 'closed', type: 'boolean' },
];

function* positionsOf(features: readonly LayerFeature[]): Generator<Coordinates> {
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') yield* g.coordinates[0]!;
    else if (g?.type === 'MultiPolygon') for (const p of g.coordinates) yield* p[0]!;
    else if (g?.type === 'LineString') yield* g.coordinates;
  }
}

const swap = (c: Coordinates[]): Coordinates[] => c.map(([x, y]) => [y!, x!]);

export function readDxfBytes(file: string, bytes: Uint8Array, options: DxfReadOptions = {}): ReadResult {
  const text = readDxfText(file, bytes, options.encoding);
  const { entities, layerColors } = groupDxf(text.pairs);
  const maxDeviation = options.maxDeviation ?? DEFAULT_DEVIATION;
  const features: LayerFeature[] = [];
  const problems: InputProblem[] = [];
  const skipped = new Map<string, number>();
  let lines = 0;
  entities.forEach((entity, index) => {
    const shape = entityShape(entity, maxDeviation);
    if (shape.kind === 'skipped') {
      skipped.set(entity.type, (skipped.get(entity.type) ?? 0) + 1);
      return;
    }
    const layerName = valueOf(entity.pairs, 8) ?? '0';
    if (shape.kind === 'invalid') {
      problems.push({
        index,
        field: 'geometry',
        reason: {
          zh: `${entity.type}（图层“${layerName}”，句柄 ${valueOf(entity.pairs, 5) ?? '—'}）：${shape.reason.zh}`,
          en: `${entity.type} (layer “${layerName}”, handle ${valueOf(entity.pairs, 5) ?? '—'}): ${shape.reason.en}`,
        },
      });
      return;
    }
    const properties = createProperties();
    setProperty(properties, 'layer', layerName);
    setProperty(properties, 'handle', valueOf(entity.pairs, 5) ?? null);
    setProperty(properties, 'entity', entity.type);
    const color = numberOf(entity.pairs, 62, 256);
    setProperty(
      properties,
      'color',
      color === 0 || color === 256 ? (layerColors.get(layerName) ?? 7) : Math.abs(color),
    );
    setProperty(properties, 'closed', shape.kind === 'polygon');
    if (shape.kind === 'line') lines++;
    const geometry = shape.geometry;
    if (options.swapXY && geometry.type === 'Polygon') geometry.coordinates = geometry.coordinates.map(swap);
    if (options.swapXY && geometry.type === 'MultiPolygon')
      geometry.coordinates = geometry.coordinates.map((p) => p.map(swap));
    if (options.swapXY && geometry.type === 'LineString') geometry.coordinates = swap(geometry.coordinates);
    features.push({ geometry, properties });
  });

  const warnings: Bilingual[] = [];
  const guess = guessCrsFromCoordinates(positionsOf(features), { gkZone: options.gkZone });
  if (guess.swapped) {
    warnings.push({
      zh: '第一个坐标像北坐标（测量 X=北、Y=东 的顺序）：X/Y 可能颠倒，请选择“交换 X/Y”后重新读取',
      en: 'The first coordinate looks like a northing (survey X = north, Y = east): X/Y are probably swapped; re-read with “swap X/Y”',
    });
  }
  if (guess.epsg === null && guess.candidates.length > 1) {
    warnings.push({
      zh: '东坐标没有带号前缀，无法判断高斯-克吕格带号：请选择带号（项目设置）',
      en: 'The eastings carry no zone prefix, so the Gauss-Krüger zone cannot be told: choose the zone (project settings)',
    });
  }
  if (lines) {
    warnings.push({
      zh: `${lines} 个未闭合的线要素（不是区划面），仅供参考`,
      en: `${lines} open line features (not zone polygons), shown for reference only`,
    });
  }
  if (skipped.size) {
    const list = [...skipped].map(([type, n]) => `${type} ×${n}`).join(', ');
    warnings.push({ zh: `未读取的实体：${list}`, en: `Entities not read: ${list}` });
  }
  const userEpsg = options.epsg;
  const crs = userEpsg
    ? { epsg: userEpsg, source: 'user' as const, note: crsName(userEpsg) ?? guess.note }
    : {
        epsg: guess.epsg,
        source: guess.epsg === null ? ('unknown' as const) : ('magnitude' as const),
        note: guess.note,
      };
  return {
    layers: [
      { name: file.replace(/\.dxf$/i, ''), epsg: null, fields: DXF_FIELDS.map((f) => ({ ...f })), features },
    ],
    problems,
    info: { format: 'dxf', encoding: text.encoding, crs, warnings },
  };
}
