import type { Bilingual } from '../../domain/labels';
import { createProperties, setProperty, type FieldDef, type LayerFeature } from '../layer';
import type { DrawContext, Drawn } from './dxfPlacement';

/**
 * Drawn entities to layer features with the reader's attributes: `layer`, `handle`, `entity`,
 * `color` (ACI, BYLAYER/BYBLOCK resolved), `closed`; labels add `text`, `text_height` and
 * `rotation` (degrees counter-clockwise from east, as drawn in plan); block features add `block`
 * and one field per ATTRIB tag (named by the tag; `attrib_<tag>` where a tag would shadow one of
 * the reader's own fields); ATTRIB labels add `tag`.
 */
export const DXF_FIELDS: FieldDef[] = [
  { name: 'layer', type: 'string' },
  { name: 'handle', type: 'string' },
  { name: 'entity', type: 'string' },
  { name: 'color', type: 'integer' },
  { name: 'closed', type: 'boolean' },
  { name: 'text', type: 'string' },
  { name: 'text_height', type: 'real' },
  { name: 'rotation', type: 'real' },
  { name: 'block', type: 'string' },
  { name: 'tag', type: 'string' },
];

const OWN = new Set(DXF_FIELDS.map((f) => f.name.toLowerCase()));

export const attributeField = (tag: string) => (OWN.has(tag.toLowerCase()) ? `attrib_${tag}` : tag);

export function toFeatures(drawn: readonly Drawn[]): { features: LayerFeature[]; fields: FieldDef[] } {
  const tags = new Map<string, FieldDef>();
  const features = drawn.map((d): LayerFeature => {
    const p = createProperties();
    setProperty(p, 'layer', d.layer);
    setProperty(p, 'handle', d.handle);
    setProperty(p, 'entity', d.entity);
    setProperty(p, 'color', d.color);
    setProperty(p, 'closed', d.kind === 'polygon');
    setProperty(p, 'text', d.label?.text ?? null);
    setProperty(p, 'text_height', d.label?.height ?? null);
    setProperty(p, 'rotation', d.label?.rotation ?? null);
    setProperty(p, 'block', d.block ?? null);
    setProperty(p, 'tag', d.tag ?? null);
    for (const [tag, value] of d.attributes) {
      if (!tag) continue;
      const name = attributeField(tag);
      if (Object.hasOwn(p, name)) continue; // the outermost INSERT's value wins
      setProperty(p, name, value);
      if (!tags.has(name)) tags.set(name, { name, type: 'string' });
    }
    return { geometry: d.geometry, properties: p };
  });
  for (const f of features)
    for (const name of tags.keys())
      if (!Object.hasOwn(f.properties, name)) setProperty(f.properties, name, null);
  return { features, fields: [...DXF_FIELDS.map((f) => ({ ...f })), ...tags.values()] };
}

const list = (counts: Map<string, number>) => [...counts].map(([type, n]) => `${type} ×${n}`).join(', ');

/** What the planner should know about entities that did not become zone polygons. */
export function drawingWarnings(
  drawn: readonly Drawn[],
  ctx: DrawContext,
  joined: { rings: number; pieces: number },
  outlines: number,
): Bilingual[] {
  const warnings: Bilingual[] = [];
  if (outlines)
    warnings.push({
      zh: `${outlines} 条多段线是填充（HATCH）的边界，随填充读作区划面，不单独成面`,
      en: `${outlines} polylines are the boundaries of hatches and are read with their hatch, not as zones of their own`,
    });
  const lines = drawn.filter((d) => d.kind === 'line').length;
  const points = drawn.filter((d) => d.kind === 'point').length;
  if (joined.rings)
    warnings.push({
      zh: `${joined.pieces} 段首尾相接的线（LINE/ARC/多段线）合成了 ${joined.rings} 个闭合面`,
      en: `${joined.rings} closed outlines assembled from ${joined.pieces} LINE/ARC/polyline pieces whose ends meet`,
    });
  if (lines)
    warnings.push({
      zh: `${lines} 个未闭合的线要素（不是区划面），仅供参考`,
      en: `${lines} open line features (not zone polygons), shown for reference only`,
    });
  if (points)
    warnings.push({
      zh: `${points} 个点和文字要素（不是区划面），仅供参考`,
      en: `${points} point and text features (not zone polygons), shown for reference only`,
    });
  if (ctx.unsupported.size)
    warnings.push({
      zh: `未读取的实体：${list(ctx.unsupported)}`,
      en: `Entities not read: ${list(ctx.unsupported)}`,
    });
  if (ctx.annotation.size)
    warnings.push({
      zh: `未读取的标注（尺寸、引线）：${list(ctx.annotation)}`,
      en: `Annotation not read (dimensions, leaders): ${list(ctx.annotation)}`,
    });
  if (ctx.overLimit > 1)
    warnings.push({
      zh: `${ctx.overLimit} 个块插入（INSERT）未展开：图形已达到块实体数上限`,
      en: `${ctx.overLimit} INSERTs not expanded: the drawing reached its limit of block entities`,
    });
  if (ctx.paperSpace)
    warnings.push({
      zh: `${ctx.paperSpace} 个图纸空间（布局）实体未读取：它们用图纸单位，不是平面位置`,
      en: `${ctx.paperSpace} paper-space (layout) entities not read: they are in sheet units, not plan positions`,
    });
  return warnings;
}
