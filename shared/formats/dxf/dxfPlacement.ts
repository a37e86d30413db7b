import type { Bilingual } from '../../domain/labels';
import type { LayerGeometry } from '../layer';
import type { BlockSizes } from './dxfBlocks';
import { numberOf, valueOf, type DxfBlock, type DxfEntity } from './dxfEntities';
import { IDENTITY, type Affine } from './dxfOcs';
import type { TextLabel } from './dxfShape';

/**
 * Entities to plan features in world coordinates, through block insertions. Inside a block, an
 * entity on layer 0 takes the layer of its INSERT and a ByBlock colour the INSERT's colour (as
 * CAD programs draw them); every feature of an INSERT carries the INSERT's handle, block name
 * and ATTRIB values. Entities that cannot be drawn are reported one by one with type, layer,
 * handle and reason, never failing the file.
 */
export interface Drawn {
  kind: 'polygon' | 'line' | 'point';
  geometry: LayerGeometry;
  entity: string;
  layer: string;
  handle: string | null;
  color: number;
  label?: TextLabel;
  /** Outermost block name, for features drawn by an INSERT. */
  block?: string;
  /** ATTRIB tag → value of the INSERTs that drew the feature, outermost first. */
  attributes: [string, string][];
  /** The tag of an ATTRIB drawn as a label. */
  tag?: string;
  /** For an associative HATCH: handles of its boundary entities. */
  sources?: string[];
  /** The zone number our writer gives every part of a zone (extended data HZW). */
  group?: string;
}

export interface EntityProblem {
  type: string;
  layer: string;
  handle: string | null;
  reason: Bilingual;
}

/** What the INSERTs around an entity hand down to it. */
export interface Placement {
  matrix: Affine;
  layer: string | null;
  color: number | null;
  handle: string | null;
  block: string | null;
  attributes: [string, string][];
  /** Names of the blocks being expanded, outermost first. */
  stack: string[];
}

export interface DrawContext {
  blocks: Map<string, DxfBlock>;
  sizes: BlockSizes;
  layerColors: Map<string, number>;
  maxDeviation: number;
  drawn: Drawn[];
  problems: EntityProblem[];
  /** Entity types not read, with counts (unsupported and annotation separately). */
  unsupported: Map<string, number>;
  annotation: Map<string, number>;
  paperSpace: number;
  /** Entities drawn through blocks so far (bounded by MAX_BLOCK_ENTITIES). */
  expanded: number;
  /** INSERTs not expanded because the drawing reached MAX_BLOCK_ENTITIES. */
  overLimit: number;
  /** Problems already reported inside blocks (one report per block and reason). */
  reportedInBlocks: Set<string>;
  /** Hears the top-level entities done out of all, every PROGRESS_EVERY entities (long reads). */
  onProgress?(done: number, total: number): void;
}

/** How many top-level entities pass between two progress reports. */
export const PROGRESS_EVERY = 10_000;

export const TOP: Placement = {
  matrix: IDENTITY,
  layer: null,
  color: null,
  handle: null,
  block: null,
  attributes: [],
  stack: [],
};

export const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function layerOf(entity: DxfEntity, placement: Placement): string {
  const own = valueOf(entity.pairs, 8) ?? '0';
  return own === '0' && placement.layer ? placement.layer : own;
}

export function colorOf(entity: DxfEntity, layer: string, placement: Placement, ctx: DrawContext): number {
  const color = numberOf(entity.pairs, 62, 256);
  if (color === 0 && placement.color !== null) return placement.color;
  if (color === 0 || color === 256) return ctx.layerColors.get(layer) ?? 7;
  return Math.abs(color);
}

export function report(ctx: DrawContext, entity: DxfEntity, placement: Placement, reason: Bilingual): void {
  const layer = layerOf(entity, placement);
  if (placement.stack.length) {
    const key = `${placement.stack.at(-1)}|${entity.type}|${reason.en}`;
    if (ctx.reportedInBlocks.has(key)) return;
    ctx.reportedInBlocks.add(key);
  }
  const handle = placement.handle ?? valueOf(entity.pairs, 5) ?? null;
  const where = placement.block
    ? { zh: `，块“${placement.block}”`, en: `, block “${placement.block}”` }
    : { zh: '', en: '' };
  ctx.problems.push({
    type: entity.type,
    layer,
    handle,
    reason: {
      zh: `${entity.type}（图层“${layer}”，句柄 ${handle ?? '—'}${where.zh}）：${reason.zh}`,
      en: `${entity.type} (layer “${layer}”, handle ${handle ?? '—'}${where.en}): ${reason.en}`,
    },
  });
}
