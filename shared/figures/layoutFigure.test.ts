import { describe, expect, it } from 'vitest';
import { fromGaussKruger, type Projected } from '../crs/gaussKruger';
import type { ZoneGeometry } from '../domain/geometry';
import { ZONE_TYPE_LABELS, ZONE_TYPES, type ZoneType } from '../domain/taxonomy';
import type { DrawOp, PathOp, TextOp } from './displayList';
import { FigureSettingsSchema, type FigureSettingsInput } from './figureSettings';
import { layoutFigure } from './layoutFigure';
import { estimateTextWidth } from './textMeasure';
import type { FigureZone } from './zonesOnPage';

const GK_ZONE = 28;
const CENTRE: Projected = [553_950, 4_923_250];

/** A polygon given by GK corners (metres, no prefix), stored as lon/lat like every zone. */
function gkPolygon(corners: Projected[]): ZoneGeometry {
  const ring = [...corners, corners[0]!].map((p) => fromGaussKruger(p, GK_ZONE, { prefixed: false }));
  return { type: 'Polygon', coordinates: [ring] };
}
function rect(e: number, n: number, w: number, h: number): Projected[] {
  return [
    [e, n],
    [e + w, n],
    [e + w, n + h],
    [e, n + h],
  ];
}
const zone = (zoneType: ZoneType, corners: Projected[]): FigureZone => ({
  objectId: 'o1',
  zoneType,
  geometry: gkPolygon(corners),
});

function layout(zones: FigureZone[], settings: FigureSettingsInput = {}) {
  return layoutFigure({
    settings: FigureSettingsSchema.parse({ paper: 'A3', orientation: 'landscape', scale: 1000, ...settings }),
    gkZone: GK_ZONE,
    zones,
    centre: CENTRE,
    defaultTitle: '示例文物保护单位保护区划图',
  });
}
const texts = (ops: readonly DrawOp[]) => ops.filter((o): o is TextOp => o.op === 'text');
const outlineOf = (ops: readonly DrawOp[], strokeWidthMm: number) =>
  ops.filter((o): o is PathOp => o.op === 'path' && o.closed && o.widthMm === strokeWidthMm && !o.fill);

describe('layoutFigure', () => {
  it('puts an A3 landscape page at 420 × 297 mm, portrait at 297 × 420', () => {
    const { page } = layout([]);
    expect([page.widthMm, page.heightMm]).toEqual([420, 297]);
    const portrait = layout([], { orientation: 'portrait' }).page;
    expect([portrait.widthMm, portrait.heightMm]).toEqual([297, 420]);
    expect([
      layout([], { paper: 'A1' }).page.widthMm,
      layout([], { paper: 'A4', orientation: 'portrait' }).page.widthMm,
    ]).toEqual([841, 210]);
  });

  it('draws a 120 m × 80 m zone at 1:1 000 as 120 mm × 80 mm, and at 1:500 as 240 mm × 160 mm', () => {
    const corners = rect(CENTRE[0] - 60, CENTRE[1] - 40, 120, 80);
    for (const [scale, factor] of [
      [1000, 1],
      [500, 2],
    ] as const) {
      const { page } = layout([zone('protection_range', corners)], { scale });
      const [outline] = outlineOf(page.ops, 2.5 * 0.25);
      const ring = outline!.rings[0]!;
      const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
      expect(dist(ring[0]!, ring[1]!)).toBeCloseTo(120 * factor, 3);
      expect(dist(ring[1]!, ring[2]!)).toBeCloseTo(80 * factor, 3);
      // Grid north up: the southern edge is horizontal on the page.
      expect(ring[1]![1] - ring[0]![1]).toBeCloseTo(0, 3);
    }
  });

  it('lists in the legend exactly the zone types drawn inside the frame', () => {
    const far = rect(CENTRE[0] + 5000, CENTRE[1], 100, 100);
    // Its bounding box covers the frame's south-west corner, the triangle itself does not reach it.
    const { ground } = layout([]);
    const sw: Projected = [ground.minE, ground.minN];
    const triangle: Projected[] = [
      [sw[0] + 20, sw[1] - 30],
      [sw[0] - 30, sw[1] + 20],
      [sw[0] - 60, sw[1] - 60],
    ];
    const { page, legendTypes } = layout([
      zone('construction_control_zone', rect(CENTRE[0] - 100, CENTRE[1] - 80, 200, 160)),
      zone('protection_range', rect(CENTRE[0] - 60, CENTRE[1] - 40, 120, 80)),
      zone('environment_coordination_zone', far),
      zone('height_control_zone', triangle),
      // Crosses the frame's east edge with no vertex inside it.
      zone('view_corridor', rect(ground.maxE - 10, ground.minN - 500, 20, 5000)),
    ]);
    expect(legendTypes).toEqual(['protection_range', 'construction_control_zone', 'view_corridor']);
    const labels = new Set(texts(page.ops).map((t) => t.str));
    for (const type of ZONE_TYPES)
      expect(labels.has(ZONE_TYPE_LABELS[type].zh), type).toBe(legendTypes.includes(type));
    expect(labels.has('图例')).toBe(true);
  });

  it('labels the grid with the GK metres of the lines the labels sit on', () => {
    const { page, ground, frame } = layout([], { grid: 'lines' });
    const grid = page.ops.find((o): o is PathOp => o.op === 'path' && !o.closed && o.widthMm === 0.1)!;
    const verticals = grid.rings.filter((s) => s[0]![0] === s[1]![0]).map((s) => s[0]![0]);
    const horizontals = grid.rings.filter((s) => s[0]![1] === s[1]![1]).map((s) => s[0]![1]);
    const labels = texts(page.ops).filter((t) => /^[XY]=/.test(t.str));
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const label of labels) {
      const metres = Number(label.str.slice(2).replace(/ /g, ''));
      // No label runs past the frame's corners into the side column or the margin.
      const half = estimateTextWidth(label.str, label.sizePt) / 2;
      const along = label.str.startsWith('Y=')
        ? [label.xMm, frame.map.xMm, frame.map.wMm]
        : [label.yMm, frame.map.yMm, frame.map.hMm];
      expect(along[0]! - half).toBeGreaterThanOrEqual(along[1]!);
      expect(along[0]! + half).toBeLessThanOrEqual(along[1]! + along[2]!);
      if (label.str.startsWith('Y=')) {
        // Below the frame, centred on a vertical line; the easting carries the zone number.
        expect(label.yMm).toBeLessThan(frame.map.yMm);
        expect(verticals.some((x) => Math.abs(x - label.xMm) < 1e-6)).toBe(true);
        const e = ground.minE + ((label.xMm - frame.map.xMm) * 1000) / 1000;
        expect(metres).toBeCloseTo(GK_ZONE * 1_000_000 + e, 3);
        expect(metres % 100).toBe(0);
      } else {
        expect(label.xMm).toBeLessThan(frame.map.xMm);
        expect(label.rotation).toBe(90);
        expect(horizontals.some((y) => Math.abs(y - label.yMm) < 1e-6)).toBe(true);
        expect(metres).toBeCloseTo(ground.minN + (label.yMm - frame.map.yMm), 3);
      }
    }
  });

  it('keeps the furniture inside the border and the map out of the side column', () => {
    const { page, frame } = layout(
      [zone('protection_range', rect(CENTRE[0] - 60, CENTRE[1] - 40, 120, 80))],
      {
        titleBlock: {
          organisation: '某某规划设计研究院',
          date: '2026年12月',
          sheetNo: 'BH-01',
          notes: '坐标系：2000国家大地坐标系',
        },
      },
    );
    const { border, map, panel } = frame;
    expect(map.xMm + map.wMm).toBeLessThan(panel.xMm);
    for (const t of texts(page.ops)) {
      expect(t.xMm).toBeGreaterThan(border.xMm);
      expect(t.xMm).toBeLessThan(border.xMm + border.wMm);
      expect(t.yMm).toBeGreaterThan(border.yMm);
      expect(t.yMm).toBeLessThan(border.yMm + border.hMm);
    }
    const strs = texts(page.ops).map((t) => t.str);
    expect(strs).toEqual(
      expect.arrayContaining([
        '示例文物保护单位保护区划图',
        '某某规划设计研究院',
        'BH-01',
        '比例尺 1:1 000',
        '北',
      ]),
    );
  });
});
