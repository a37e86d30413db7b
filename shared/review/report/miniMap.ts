import { fromGaussKruger, toGaussKruger } from '../../crs/gaussKruger';
import type { Position, ZoneGeometry } from '../../domain/geometry';
import { DEFAULT_SYMBOLS } from '../../domain/symbology';
import type { DrawOp, PathOp, Rgb } from '../../figures/displayList';
import { groundFrame, type GroundFrame, type Rect } from '../../figures/frame';
import { rectRing } from '../../figures/legend';
import { northArrowBlock } from '../../figures/northArrow';
import { fitScale } from '../../figures/paper';
import { scaleBarBlock } from '../../figures/scaleBar';
import { hatchLines, parseColour } from '../../figures/symbolOps';
import { ptToMm } from '../../figures/textMeasure';
import {
  gkBox,
  polygonsToPage,
  polygonsTouchFrame,
  zoneToGk,
  type FigureZone,
  type GkPolygons,
} from '../../figures/zonesOnPage';

/** A numbered pin: a thread's position. */
export interface MiniMapPin {
  at: Position;
  label: string;
  colour?: Rgb;
}

/**
 * What one small map shows. The extent is everything but `context`: the old and new outlines,
 * the gained and lost parts, the focused zones and the pins.
 */
export interface MiniMapContent {
  gkZone: number;
  /** Zones around, drawn thin in their type's colour where they reach the frame. */
  context?: readonly FigureZone[];
  /** The zone a comment is on, drawn with its type's symbol. */
  focus?: readonly FigureZone[];
  /** State A outlines, dashed grey. */
  before?: readonly ZoneGeometry[];
  /** State B outlines, solid. */
  after?: readonly ZoneGeometry[];
  /** 调入 (green) and 调出 (red, hatched) parts. */
  gained?: ZoneGeometry | null;
  lost?: ZoneGeometry | null;
  pins?: readonly MiniMapPin[];
  /** The least ground width and height shown (m), e.g. around a lone pin. */
  minExtentM?: number;
}

export const GAIN: Rgb = [0x2e, 0x7d, 0x32];
export const LOSS: Rgb = [0xc6, 0x28, 0x28];
const OLD: Rgb = [0x55, 0x55, 0x55];
const NEW: Rgb = [0x21, 0x21, 0x21];
const WHITE: Rgb = [255, 255, 255];
export const PIN_RADIUS_MM = 2.2;

/**
 * The content drawn into `rect` (page mm) at the largest standard scale (1:500 … 1:50 000) at which
 * its extent plus about 20 % fits, grid north up, with a frame line, a scale bar and a north
 * arrow. Vector only. Null when there is nothing to place (a comment on the whole project).
 */
export function miniMap(content: MiniMapContent, rect: Rect): { ops: DrawOp[]; scale: number } | null {
  const gk = (g: ZoneGeometry) => zoneToGk(g, content.gkZone);
  const before = (content.before ?? []).map(gk);
  const after = (content.after ?? []).map(gk);
  const focus = (content.focus ?? []).map((z) => ({ zone: z, gk: gk(z.geometry) }));
  const gained = content.gained ? gk(content.gained) : null;
  const lost = content.lost ? gk(content.lost) : null;
  const pins = (content.pins ?? []).map((p) => ({
    ...p,
    gk: toGaussKruger(p.at, content.gkZone, { prefixed: false }),
  }));
  const pinPolys: GkPolygons[] = pins.map((p) => [[[p.gk]]]);
  const box = gkBox([
    ...before,
    ...after,
    ...focus.map((f) => f.gk),
    ...(gained ? [gained] : []),
    ...(lost ? [lost] : []),
    ...pinPolys,
  ]);
  if (!box) return null;
  // fitScale leaves 10 % room; the 1.1 here makes it about 20 % around the extent.
  const least = content.minExtentM ?? 0;
  const scale = fitScale(
    Math.max(box.maxE - box.minE, least) * 1.1,
    Math.max(box.maxN - box.minN, least) * 1.1,
    rect.wMm,
    rect.hMm,
  );
  const ground = groundFrame(rect, [(box.minE + box.maxE) / 2, (box.minN + box.maxN) / 2], scale);
  const page = (polys: GkPolygons) => polygonsToPage(polys, ground).flat();

  const ops: DrawOp[] = [
    { op: 'path', rings: [corners(rect)], closed: true, fill: WHITE },
    { op: 'clip', rect },
  ];
  for (const zone of contextNear(content.context ?? [], ground, content.gkZone)) {
    const s = parseColour(DEFAULT_SYMBOLS[zone.zoneType].stroke);
    ops.push({
      op: 'path',
      rings: page(zone.gk),
      closed: true,
      stroke: s.rgb,
      strokeOpacity: 0.6,
      widthMm: 0.15,
    });
  }
  for (const f of focus) {
    const s = DEFAULT_SYMBOLS[f.zone.zoneType];
    const fill = parseColour(s.fill);
    const rings = page(f.gk);
    ops.push({
      op: 'path',
      rings,
      closed: true,
      fill: fill.rgb,
      fillOpacity: Math.max(fill.alpha, 0.15),
      evenOdd: true,
    });
    ops.push({ op: 'path', rings, closed: true, stroke: parseColour(s.stroke).rgb, widthMm: 0.5 });
  }
  if (lost) {
    const rings = page(lost);
    ops.push({ op: 'path', rings, closed: true, fill: LOSS, fillOpacity: 0.4, evenOdd: true });
    ops.push({ op: 'path', rings: hatchLines(rings, 45, 1.2), closed: false, stroke: LOSS, widthMm: 0.15 });
    ops.push({ op: 'path', rings, closed: true, stroke: LOSS, widthMm: 0.25 });
  }
  if (gained) {
    const rings = page(gained);
    ops.push({ op: 'path', rings, closed: true, fill: GAIN, fillOpacity: 0.4, evenOdd: true });
    ops.push({ op: 'path', rings, closed: true, stroke: GAIN, widthMm: 0.25 });
  }
  for (const g of before)
    ops.push({ op: 'path', rings: page(g), closed: true, stroke: OLD, widthMm: 0.3, dash: [1.6, 1.2] });
  for (const g of after) ops.push({ op: 'path', rings: page(g), closed: true, stroke: NEW, widthMm: 0.35 });
  for (const pin of pins) ops.push(...pinOps(polygonsToPage([[[pin.gk]]], ground)[0]![0]![0]!, pin));
  ops.push({ op: 'unclip' });
  ops.push(...furniture(rect, scale));
  return { ops, scale };
}

function pinOps([cx, cy]: [number, number], pin: MiniMapPin): DrawOp[] {
  const circle: [number, number][] = [];
  for (let i = 0; i <= 32; i++) {
    const a = (i / 32) * 2 * Math.PI;
    circle.push([cx + PIN_RADIUS_MM * Math.cos(a), cy + PIN_RADIUS_MM * Math.sin(a)]);
  }
  const sizePt = pin.label.length > 2 ? 5 : 6.5;
  return [
    { op: 'path', rings: [circle], closed: true, fill: pin.colour ?? LOSS, stroke: WHITE, widthMm: 0.35 },
    {
      op: 'text',
      str: pin.label,
      xMm: cx,
      yMm: cy - ptToMm(sizePt) * 0.36,
      sizePt,
      anchor: 'middle',
      color: WHITE,
      bold: true,
    },
  ];
}

/** Context zones whose lon/lat box meets the frame's, then those really reaching it. */
function contextNear(
  zones: readonly FigureZone[],
  ground: GroundFrame,
  gkZone: number,
): { zoneType: FigureZone['zoneType']; gk: GkPolygons }[] {
  const sw = fromGaussKruger([ground.minE, ground.minN], gkZone, { prefixed: false });
  const ne = fromGaussKruger([ground.maxE, ground.maxN], gkZone, { prefixed: false });
  const nw = fromGaussKruger([ground.minE, ground.maxN], gkZone, { prefixed: false });
  const se = fromGaussKruger([ground.maxE, ground.minN], gkZone, { prefixed: false });
  const minLon = Math.min(sw[0], nw[0]) - 1e-4;
  const maxLon = Math.max(ne[0], se[0]) + 1e-4;
  const minLat = Math.min(sw[1], se[1]) - 1e-4;
  const maxLat = Math.max(ne[1], nw[1]) + 1e-4;
  const out: { zoneType: FigureZone['zoneType']; gk: GkPolygons }[] = [];
  for (const zone of zones) {
    const b = lonLatBox(zone.geometry);
    if (b[0] > maxLon || b[2] < minLon || b[1] > maxLat || b[3] < minLat) continue;
    const gk = zoneToGk(zone.geometry, gkZone);
    if (polygonsTouchFrame(gk, ground)) out.push({ zoneType: zone.zoneType, gk });
  }
  return out;
}

const BOXES = new WeakMap<ZoneGeometry, [number, number, number, number]>();

function lonLatBox(g: ZoneGeometry): [number, number, number, number] {
  let box = BOXES.get(g);
  if (box) return box;
  box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons)
    for (const [lon, lat] of poly[0] ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  BOXES.set(g, box);
  return box;
}

/** The frame line, a scale bar on a white ground at the bottom left, a north arrow top right. */
function furniture(rect: Rect, scale: number): DrawOp[] {
  const factor = 0.55;
  const barW = Math.min(32, rect.wMm * 0.45);
  const probe = scaleBarBlock(scale, 0, 0, barW, factor);
  const bar = scaleBarBlock(scale, rect.xMm + 1, rect.yMm + probe.heightMm + 1, barW, factor);
  const arrow = northArrowBlock(rect.xMm + rect.wMm - 4, rect.yMm + rect.hMm - 1, factor * 0.8);
  const backing: PathOp = {
    op: 'path',
    rings: [corners({ xMm: rect.xMm, yMm: rect.yMm, wMm: barW + 2, hMm: probe.heightMm + 1.5 })],
    closed: true,
    fill: WHITE,
    fillOpacity: 0.85,
  };
  return [
    backing,
    ...bar.ops,
    ...arrow.ops,
    { op: 'path', rings: [corners(rect)], closed: true, stroke: [0, 0, 0], widthMm: 0.25 },
  ];
}

function corners(r: Rect): [number, number][] {
  return rectRing(r.xMm, r.yMm, r.wMm, r.hMm);
}
