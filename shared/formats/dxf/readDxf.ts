import type { Bilingual } from '../../domain/labels';
import { DEFAULT_DEVIATION } from '../../geometry/densify';
import type { InputProblem } from '../formatError';
import {
  createProperties,
  setProperty,
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
}

export const DXF_FIELDS: FieldDef[] = [
  { name: 'layer', type: 'string' },
  { name: 'handle', type: 'string' },
  { name: 'entity', type: 'string' },
  { name: 'color', type: 'integer' },
  { name: 'closed', type: 'boolean' },
];

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
    features.push({ geometry: shape.geometry, properties });
  });

  // No CRS in a drawing: shared/crs/resolveCrs.ts decides it from the numbers and the planner.
  const warnings: Bilingual[] = [];
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
  return {
    layers: [
      { name: file.replace(/\.dxf$/i, ''), epsg: null, fields: DXF_FIELDS.map((f) => ({ ...f })), features },
    ],
    problems,
    info: { format: 'dxf', encoding: text.encoding, warnings },
  };
}
