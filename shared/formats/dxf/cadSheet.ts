import type { Bilingual } from '../../domain/labels';
import type { AxisOrder } from '../../crs/evidence';
import { DEFAULT_DEVIATION } from '../../geometry/densify';
import { spendActive, withFileBudget } from '../budgets';
import { FormatError, fileProblem } from '../formatError';
import type { CrsInfo, Layer, LayerFeature, LayerGeometry } from '../layer';
import { layerToLonLat } from '../mapping/crsOfLayer';
import { MAX_DXF_BYTES } from './dxfAdapter';
import { drawDocument, drawingContext } from './dxfDrawing';
import { groupDxf } from './dxfEntities';
import { drawingWarnings } from './dxfFeatures';
import type { Drawn } from './dxfPlacement';
import { readDxfText } from './dxfText';
import { packCad, type PackedCad } from './cadPack';

export type { PackedCad, CadLabels, CadLayerInfo } from './cadPack';

/**
 * A DXF survey sheet (地形图) as a background to draw on, not as zones: every line, arc, polyline,
 * hatch outline and block insertion kept as drawn (no zone grouping, no joining of pieces), text
 * kept as labels, CAD layers listed with their colours. The coordinate system is decided by the
 * same resolver as a DXF import (zone prefix in the eastings, X/Y swap warning) and the sheet is
 * brought to lon/lat CGCS2000 and packed into typed arrays for the tile worker.
 */
export interface CadSheetInput {
  name: string;
  bytes: Uint8Array;
  encoding?: string;
  /** The planner's system (EPSG code or definition); absent = decide from the numbers. */
  crs?: number | string;
  /** The project's 3° zone, for eastings without the zone number. */
  gkZone?: number;
  axisOrder?: AxisOrder;
}

export interface CadSheetOutput {
  sheet: PackedCad;
  crs: CrsInfo;
  encoding: string;
  warnings: Bilingual[];
  /** Entities refused one by one (reasons in `problems`). */
  problems: Bilingual[];
  /** Top-level entities of model space. */
  entities: number;
}

const tooLarge = (size: number): Bilingual => ({
  zh: `DXF 文件过大（${size} 字节，上限 ${MAX_DXF_BYTES}）`,
  en: `The DXF file is too large (${size} bytes, limit ${MAX_DXF_BYTES})`,
});
const EMPTY: Bilingual = {
  zh: '模型空间中没有可显示的线条或文字',
  en: 'Model space holds no linework or text to show',
};

/** A label as a pair of points (anchor, one text height along the baseline), so reprojection turns it too. */
function geometryOf(d: Drawn): LayerGeometry {
  if (d.kind !== 'point' || !d.label || d.geometry.type !== 'Point') return d.geometry;
  const [x, y] = d.geometry.coordinates as [number, number];
  const a = (d.label.rotation * Math.PI) / 180;
  const h = d.label.height > 0 ? d.label.height : 1;
  return {
    type: 'MultiPoint',
    coordinates: [
      [x, y],
      [x + h * Math.cos(a), y + h * Math.sin(a)],
    ],
  };
}

export function readCadSheet(
  input: CadSheetInput,
  progress: (fraction: number) => void = () => {},
): CadSheetOutput {
  const { name, bytes } = input;
  if (bytes.length > MAX_DXF_BYTES)
    throw new FormatError(name, [fileProblem('size', tooLarge(bytes.length))]);
  return withFileBudget(name, () => {
    const text = readDxfText(name, bytes, input.encoding);
    progress(0.1);
    const doc = groupDxf(text.pairs);
    let counted = 0;
    const ctx = drawingContext(doc, DEFAULT_DEVIATION, (done, total) => {
      spendActive('records', ctx.drawn.length - counted);
      counted = ctx.drawn.length;
      progress(0.15 + (0.6 * done) / total);
    });
    drawDocument(doc.entities, ctx);
    spendActive('records', ctx.drawn.length - counted);
    if (ctx.drawn.length === 0) throw new FormatError(name, [fileProblem('geometry', EMPTY)]);

    const features: LayerFeature[] = ctx.drawn.map((d) => ({ geometry: geometryOf(d), properties: {} }));
    const layer: Layer = { name: name.replace(/\.dxf$/i, ''), epsg: null, fields: [], features };
    const placed = layerToLonLat(layer, name, {
      ...(typeof input.crs === 'number' ? { epsg: input.crs } : {}),
      ...(typeof input.crs === 'string' ? { crs: input.crs } : {}),
      ...(input.gkZone !== undefined ? { gkZone: input.gkZone } : {}),
      ...(input.axisOrder ? { axisOrder: input.axisOrder } : {}),
    });
    progress(0.9);
    const sheet = packCad(ctx.drawn, placed.layer.features, doc.layerColors);
    progress(1);
    const joined = { rings: 0, pieces: 0 };
    return {
      sheet,
      crs: placed.crs,
      encoding: text.encoding.used,
      warnings: [...placed.warnings, ...drawingWarnings([], ctx, joined, 0)],
      problems: ctx.problems.map((p) => p.reason),
      entities: doc.entities.length,
    };
  });
}
