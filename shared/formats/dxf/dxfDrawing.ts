import type { Bilingual } from '../../domain/labels';
import type { LayerGeometry } from '../layer';
import { expandInsert, measureBlocks } from './dxfBlocks';
import { numberOf, valueOf, type DxfDocument, type DxfEntity } from './dxfEntities';
import { entityShape, frameOf } from './dxfGeometry';
import {
  applyAffine,
  applyLinear,
  compose,
  extrusionOf,
  ocsToWcs,
  planarScale,
  type Affine,
  type Vec3,
} from './dxfOcs';
import {
  colorOf,
  count,
  layerOf,
  PROGRESS_EVERY,
  report,
  TOP,
  type DrawContext,
  type Placement,
} from './dxfPlacement';
import type { TextLabel } from './dxfShape';
import { zoneGroupOf } from './dxfZoneGroups';

/**
 * Entities to plan features in world coordinates: each entity's own frame (OCS) and the block
 * insertions around it composed into one map; curves densified with the tolerance divided by
 * the map's largest plan stretch. Features land in `ctx.drawn`, refusals in `ctx.problems`.
 */
/** Largest coordinate accepted, drawing units: beyond it a value is damage, not a position. */
export const MAX_COORDINATE = 1e12;

const OUT_OF_RANGE: Bilingual = {
  zh: '坐标不是有限数或超出范围（±1e12）',
  en: 'a coordinate is not finite or out of range (±1e12)',
};
const FLAT: Bilingual = { zh: '在平面上退化为线或点', en: 'collapses to a line or a point in plan view' };

function labelInPlan(label: TextLabel, m: Affine): TextLabel {
  const a = (label.rotation * Math.PI) / 180;
  const along = applyLinear(m, [Math.cos(a), Math.sin(a), 0]);
  const up = applyLinear(m, [-Math.sin(a), Math.cos(a), 0]);
  const degrees = (Math.atan2(along[1], along[0]) * 180) / Math.PI;
  return {
    text: label.text,
    height: label.height * Math.hypot(up[0], up[1]),
    rotation: Math.round((((degrees % 360) + 360) % 360) * 1e9) / 1e9,
  };
}

/** Whether a ring has at least three distinct points (looked for without building a set). */
function threeDistinct(ring: readonly number[][]): boolean {
  const seen: number[][] = [];
  for (const p of ring) {
    if (seen.some((q) => q[0] === p[0] && q[1] === p[1])) continue;
    seen.push(p);
    if (seen.length === 3) return true;
  }
  return false;
}

export function drawEntity(entity: DxfEntity, placement: Placement, ctx: DrawContext): void {
  if (entity.type === 'INSERT') {
    expandInsert(entity, placement, ctx, drawEntity);
    return;
  }
  // Inside a block an ATTDEF is the template its INSERTs' ATTRIBs replace; only a constant one
  // (flag 2) draws. Outside blocks CAD programs draw it as text.
  if (entity.type === 'ATTDEF' && placement.stack.length && !(numberOf(entity.pairs, 70) & 2)) return;
  const local =
    frameOf(entity) === 'ocs'
      ? compose(placement.matrix, ocsToWcs(extrusionOf(entity.pairs)))
      : placement.matrix;
  const scale = planarScale(local);
  if (!(scale > 0) || !Number.isFinite(scale)) {
    report(ctx, entity, placement, { zh: '块缩放比例为 0', en: 'the block scale is zero' });
    return;
  }
  const shape = entityShape(entity, ctx.maxDeviation / scale);
  if (shape.kind === 'skipped') {
    if (shape.why !== 'ignored')
      count(shape.why === 'annotation' ? ctx.annotation : ctx.unsupported, entity.type);
    return;
  }
  if (shape.kind === 'invalid') {
    report(ctx, entity, placement, shape.reason);
    return;
  }
  let ok = true;
  const plan = (p: Vec3): number[] => {
    const [x, y] = applyAffine(local, p);
    if (!(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE)) ok = false;
    return [x, y];
  };
  let geometry: LayerGeometry;
  if (shape.kind === 'point') geometry = { type: 'Point', coordinates: plan(shape.point) };
  else if (shape.kind === 'line') geometry = { type: 'LineString', coordinates: shape.points.map(plan) };
  else {
    const polygons = shape.polygons.map((rings) => rings.map((ring) => ring.map(plan)));
    if (polygons.some((rings) => rings.some((r) => !threeDistinct(r)))) {
      report(ctx, entity, placement, FLAT);
      return;
    }
    geometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
  }
  if (!ok) {
    report(ctx, entity, placement, OUT_OF_RANGE);
    return;
  }
  const layer = layerOf(entity, placement);
  const group = placement.stack.length ? undefined : zoneGroupOf(entity.pairs);
  ctx.drawn.push({
    kind: shape.kind,
    geometry,
    entity: entity.type,
    layer,
    handle: placement.handle ?? valueOf(entity.pairs, 5) ?? null,
    color: colorOf(entity, layer, placement, ctx),
    ...(shape.kind === 'point' && shape.label ? { label: labelInPlan(shape.label, local) } : {}),
    ...(placement.block ? { block: placement.block } : {}),
    attributes: placement.attributes,
    ...(entity.type === 'ATTRIB' || entity.type === 'ATTDEF' ? { tag: valueOf(entity.pairs, 2) ?? '' } : {}),
    ...(shape.kind === 'polygon' && shape.sources?.length ? { sources: shape.sources } : {}),
    ...(group === undefined ? {} : { group }),
  });
}

/** A fresh drawing state for a document: nothing drawn, no problems, blocks measured. */
export function drawingContext(
  doc: DxfDocument,
  maxDeviation: number,
  onProgress?: DrawContext['onProgress'],
): DrawContext {
  return {
    blocks: doc.blocks,
    sizes: measureBlocks(doc.blocks),
    layerColors: doc.layerColors,
    maxDeviation,
    drawn: [],
    problems: [],
    unsupported: new Map(),
    annotation: new Map(),
    paperSpace: 0,
    expanded: 0,
    overLimit: 0,
    reportedInBlocks: new Set(),
    ...(onProgress ? { onProgress } : {}),
  };
}

/** Draws a whole document's model space. */
export function drawDocument(entities: readonly DxfEntity[], ctx: DrawContext): void {
  let done = 0;
  for (const entity of entities) {
    if (++done % PROGRESS_EVERY === 0) ctx.onProgress?.(done, entities.length);
    if (numberOf(entity.pairs, 67) === 1) {
      ctx.paperSpace++; // layout sheets (title blocks, frames) in paper units, not plan positions
      continue;
    }
    drawEntity(entity, TOP, ctx);
  }
}
