import type { Bilingual } from '../../domain/labels';
import { numberOf, valueOf, type DxfBlock, type DxfEntity } from './dxfEntities';
import { applyLinear, compose, extrusionOf, ocsToWcs, scaleRotate, translation, type Vec3 } from './dxfOcs';
import { colorOf, count, layerOf, report, type DrawContext, type Placement } from './dxfPlacement';
import { decodeSpecialCodes } from './dxfTextEntities';

/**
 * INSERT (block references): the block's entities placed by base point, scale (negative =
 * mirror), rotation, insertion point in the INSERT's OCS and MINSERT columns/rows (70/71 with
 * spacing 44/45 along the rotated axes), nested blocks included, ATTRIB values handed to every
 * feature drawn. A hostile drawing cannot explode: before an INSERT is expanded, the number of
 * entities it would draw (the block tree counted once, multiplied out) and its nesting depth
 * are known; an INSERT past MAX_BLOCK_ENTITIES for the drawing or MAX_BLOCK_DEPTH levels is
 * refused with a message, and a block that inserts itself stops at the repeat.
 */
export const MAX_BLOCK_ENTITIES = 1_000_000;
export const MAX_BLOCK_DEPTH = 32;

export interface BlockSize {
  /** Entities one INSERT of the block draws, nested blocks multiplied out. */
  entities: number;
  /** Levels of blocks below this one. */
  depth: number;
}
export type BlockSizes = Map<string, BlockSize>;

export function findBlock(blocks: Map<string, DxfBlock>, name: string): DxfBlock | undefined {
  const exact = blocks.get(name);
  if (exact) return exact;
  const upper = name.toUpperCase(); // CAD block names ignore case
  for (const [key, block] of blocks) if (key.toUpperCase() === upper) return block;
  return undefined;
}

const arrayOf = (insert: DxfEntity) => ({
  columns: Math.max(1, Math.trunc(numberOf(insert.pairs, 70, 1))),
  rows: Math.max(1, Math.trunc(numberOf(insert.pairs, 71, 1))),
});

/** Sizes of every block, computed without recursion (a chain of thousands of blocks is fine). */
export function measureBlocks(blocks: Map<string, DxfBlock>): BlockSizes {
  const sizes: BlockSizes = new Map();
  const active = new Set<string>();
  for (const root of blocks.values()) {
    if (sizes.has(root.name)) continue;
    const stack = [{ block: root, next: 0, entities: 0, depth: 0 }];
    active.add(root.name);
    while (stack.length) {
      const frame = stack.at(-1)!;
      const entity = frame.block.entities[frame.next];
      if (!entity) {
        sizes.set(frame.block.name, { entities: frame.entities, depth: frame.depth });
        active.delete(frame.block.name);
        stack.pop();
        const parent = stack.at(-1);
        if (parent) {
          const insert = parent.block.entities[parent.next++]!;
          const { columns, rows } = arrayOf(insert);
          parent.entities += columns * rows * (frame.entities + insert.attribs.length);
          parent.depth = Math.max(parent.depth, frame.depth + 1);
        }
        continue;
      }
      const child = entity.type === 'INSERT' ? findBlock(blocks, valueOf(entity.pairs, 2) ?? '') : undefined;
      if (!child || active.has(child.name)) {
        frame.entities += 1 + entity.attribs.length; // a recursive or missing INSERT draws nothing
        frame.next++;
      } else if (sizes.has(child.name)) {
        const size = sizes.get(child.name)!;
        const { columns, rows } = arrayOf(entity);
        frame.entities += columns * rows * (size.entities + entity.attribs.length);
        frame.depth = Math.max(frame.depth, size.depth + 1);
        frame.next++;
      } else {
        active.add(child.name);
        stack.push({ block: child, next: 0, entities: 0, depth: 0 });
      }
    }
  }
  return sizes;
}

const refuse = (ctx: DrawContext, insert: DxfEntity, placement: Placement, zh: string, en: string) =>
  report(ctx, insert, placement, { zh, en } satisfies Bilingual);

export function expandInsert(
  insert: DxfEntity,
  placement: Placement,
  ctx: DrawContext,
  draw: (entity: DxfEntity, placement: Placement, ctx: DrawContext) => void,
): void {
  const { pairs } = insert;
  const name = valueOf(pairs, 2) ?? '';
  if (/^\*D/i.test(name)) {
    count(ctx.annotation, 'DIMENSION'); // the drawn image of a dimension
    return;
  }
  const block = findBlock(ctx.blocks, name);
  if (!block) return refuse(ctx, insert, placement, `块“${name}”没有定义`, `block “${name}” is not defined`);
  if (placement.stack.includes(block.name))
    return refuse(
      ctx,
      insert,
      placement,
      `块“${name}”插入了自身，已跳过`,
      `block “${name}” inserts itself; skipped`,
    );
  const size = ctx.sizes.get(block.name) ?? { entities: 0, depth: 0 };
  const { columns, rows } = arrayOf(insert);
  if (!placement.stack.length) {
    if (placement.stack.length + size.depth + 1 > MAX_BLOCK_DEPTH)
      return refuse(
        ctx,
        insert,
        placement,
        `块“${name}”嵌套超过 ${MAX_BLOCK_DEPTH} 层，未展开`,
        `block “${name}” nests more than ${MAX_BLOCK_DEPTH} levels deep; not expanded`,
      );
    const need = columns * rows * (size.entities + insert.attribs.length);
    if (ctx.expanded + need > MAX_BLOCK_ENTITIES) {
      // Once the drawing is over the limit, later INSERTs are only counted (one warning).
      if (ctx.overLimit++) return;
      return refuse(
        ctx,
        insert,
        placement,
        `块“${name}”将展开为 ${need.toExponential(2)} 个实体，超过每个图形 ${MAX_BLOCK_ENTITIES} 个的上限，未展开`,
        `block “${name}” would draw ${need.toExponential(2)} entities, over the limit of ${MAX_BLOCK_ENTITIES} per drawing; not expanded`,
      );
    }
    ctx.expanded += need;
  }
  const sx = numberOf(pairs, 41, 1);
  const sy = numberOf(pairs, 42, 1);
  const sz = numberOf(pairs, 43, 1);
  const angle = numberOf(pairs, 50);
  const at: Vec3 = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN), numberOf(pairs, 30)];
  if (!at.every(Number.isFinite))
    return refuse(ctx, insert, placement, '插入点不是数字', 'the insertion point is not numeric');
  if (sx === 0 || sy === 0) return refuse(ctx, insert, placement, '缩放比例为 0', 'the scale is zero');
  const layer = layerOf(insert, placement);
  const attributes: [string, string][] = [
    ...placement.attributes,
    ...insert.attribs.map((a): [string, string] => [
      valueOf(a.pairs, 2) ?? '',
      decodeSpecialCodes(valueOf(a.pairs, 1) ?? ''),
    ]),
  ];
  const own: Placement = {
    ...placement,
    layer,
    color: colorOf(insert, layer, placement, ctx),
    handle: placement.handle ?? valueOf(pairs, 5) ?? null,
    block: placement.block ?? block.name,
    attributes,
  };
  const ocs = compose(placement.matrix, ocsToWcs(extrusionOf(pairs)));
  const shape = compose(
    scaleRotate(sx, sy, sz, angle),
    translation([-block.base[0], -block.base[1], -block.base[2]]),
  );
  const dx = numberOf(pairs, 44);
  const dy = numberOf(pairs, 45);
  const a = (angle * Math.PI) / 180;
  const inner: Placement = { ...own, stack: [...placement.stack, block.name] };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      // MINSERT cells step along the rotated axes of the INSERT's OCS.
      const step: Vec3 = [
        c * dx * Math.cos(a) - r * dy * Math.sin(a),
        c * dx * Math.sin(a) + r * dy * Math.cos(a),
        0,
      ];
      const offset: Vec3 = [at[0] + step[0], at[1] + step[1], at[2]];
      inner.matrix = compose(ocs, compose(translation(offset), shape));
      for (const entity of block.entities) draw(entity, { ...inner }, ctx);
      // ATTRIB labels live in the INSERT's own space (the CAD program placed them), repeated in
      // every cell; invisible ones only give their values.
      const cell = { ...own, matrix: compose(translation(applyLinear(ocs, step)), placement.matrix) };
      for (const attrib of insert.attribs) if (!(numberOf(attrib.pairs, 70) & 1)) draw(attrib, cell, ctx);
    }
  }
}
