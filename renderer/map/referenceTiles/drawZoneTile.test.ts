import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../../shared/domain/symbology';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import type { Box } from '../../../shared/geometry/spatialIndex';
import { drawZoneTile, type HatchFor, type ZoneTileContext } from './drawZoneTile';
import { packZones, ZoneTileSet } from './zoneTileSet';

type Pt = [number, number];
/** One fill or stroke as drawn: the path's rings in tile pixels and the style in force. */
interface Paint {
  kind: 'fill' | 'stroke';
  rings: Pt[][];
  style: unknown;
  width: number;
  dash: number[];
}

/** A 2D context that keeps every fill and stroke with its path, to ask what covers a pixel. */
function recorder(): ZoneTileContext & { paints: Paint[] } {
  const paints: Paint[] = [];
  let rings: Pt[][] = [];
  let dash: number[] = [];
  const ctx = {
    paints,
    fillStyle: '' as ZoneTileContext['fillStyle'],
    strokeStyle: '' as ZoneTileContext['strokeStyle'],
    lineWidth: 1,
    lineJoin: 'miter' as CanvasLineJoin,
    lineCap: 'butt' as CanvasLineCap,
    beginPath: () => (rings = []),
    moveTo: (x: number, y: number) => rings.push([[x, y]]),
    lineTo: (x: number, y: number) => rings.at(-1)!.push([x, y]),
    closePath: () => {},
    fill: () => paints.push({ kind: 'fill', rings, style: ctx.fillStyle, width: 0, dash }),
    stroke: () => paints.push({ kind: 'stroke', rings, style: ctx.strokeStyle, width: ctx.lineWidth, dash }),
    setLineDash: (d: number[]) => (dash = d),
    fillRect: () => {},
  };
  return ctx;
}

/** Even-odd: is the pixel centre inside the path? */
function inside(rings: Pt[][], [x, y]: Pt): boolean {
  let odd = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  return odd;
}

/** The fills that cover a pixel, bottom to top (what the canvas composites there). */
const fillsAt = (ctx: { paints: Paint[] }, pixel: Pt) =>
  ctx.paints.filter((p) => p.kind === 'fill' && inside(p.rings, pixel)).map((p) => p.style);

/** A hatch stand-in that records where each type's pattern was anchored. */
function hatches() {
  const anchored: [ZoneType, Pt][] = [];
  const hatchFor: HatchFor = (type, origin) => {
    anchored.push([type, origin]);
    return DEFAULT_SYMBOLS[type].hatch ? (`hatch:${type}` as unknown as CanvasPattern) : null;
  };
  return { anchored, hatchFor };
}

const square = (lon: number, lat: number, d: number): Pt[] =>
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ].map((p) => fromLonLat(p) as Pt);

const zone = (id: string, type: ZoneType, ring: Pt[]) => ({
  id,
  type,
  flat: ring.flat(),
  ends: [ring.length * 2],
});

/** A 256-px tile over lon/lat [84, 44]–[84.01, 44.01] (about 800 m: 3 m per pixel). */
const TILE: Box = [...fromLonLat([84, 44]), ...fromLonLat([84.01, 44.01])] as Box;
const request = (extent: Box = TILE, pixelRatio = 1) => ({
  extent,
  width: 256 * pixelRatio,
  height: 256 * pixelRatio,
  pixelRatio,
});
/** The tile pixel of a lon/lat point. */
const px = (lon: number, lat: number, extent: Box = TILE): Pt => {
  const [x, y] = fromLonLat([lon, lat]) as Pt;
  const scale = 256 / (extent[2] - extent[0]);
  return [(x - extent[0]) * scale, (extent[3] - y) * scale];
};

/** A protection range around the tile's middle, a relic body inside it, a control zone beside it. */
function threeZones(): ZoneTileSet {
  const set = new ZoneTileSet();
  set.apply({
    zones: packZones([
      zone('body', 'body', square(84.004, 44.004, 0.002)),
      zone('range', 'protection_range', square(84.002, 44.002, 0.006)),
      zone('control', 'construction_control_zone', square(84.0005, 44.0005, 0.009)),
    ]),
  });
  return set;
}

describe('zone tiles', () => {
  it('paints each zone in its symbol, outer types first: hatch, tint, then outline', () => {
    const ctx = recorder();
    const { hatchFor } = hatches();
    const stats = drawZoneTile(ctx, threeZones(), request(), hatchFor);
    expect(stats.zones).toBe(3);
    const body = DEFAULT_SYMBOLS.body;
    const range = DEFAULT_SYMBOLS.protection_range;
    const control = DEFAULT_SYMBOLS.construction_control_zone;
    // In the body: control tint, range hatch and tint, body tint on top.
    expect(fillsAt(ctx, px(84.005, 44.005))).toEqual([
      control.fill,
      'hatch:protection_range',
      range.fill,
      body.fill,
    ]);
    // Between range and control outlines: the control zone's tint alone.
    expect(fillsAt(ctx, px(84.001, 44.001))).toEqual([control.fill]);
    // Outside every zone: nothing.
    expect(fillsAt(ctx, px(84.0001, 44.0001))).toEqual([]);
    const strokes = ctx.paints.filter((p) => p.kind === 'stroke');
    expect(strokes.map((s) => [s.style, s.width, s.dash])).toEqual([
      [control.stroke, control.strokeWidth, control.dash],
      [range.stroke, range.strokeWidth, []],
      [body.stroke, body.strokeWidth, []],
    ]);
  });

  it('scales outlines and dashes by the pixel ratio and keeps pixels at their places', () => {
    const ctx = recorder();
    drawZoneTile(ctx, threeZones(), request(TILE, 2), hatches().hatchFor);
    const control = ctx.paints.find((p) => p.style === DEFAULT_SYMBOLS.construction_control_zone.stroke)!;
    expect(control.width).toBe(DEFAULT_SYMBOLS.construction_control_zone.strokeWidth * 2);
    expect(control.dash).toEqual(DEFAULT_SYMBOLS.construction_control_zone.dash!.map((d) => d * 2));
    const [x, y] = px(84.005, 44.005);
    expect(fillsAt(ctx, [2 * x, 2 * y]).at(-1)).toBe(DEFAULT_SYMBOLS.body.fill);
  });

  it('leaves out hidden types and selected zones', () => {
    const set = threeZones();
    set.apply({ hidden: ['construction_control_zone'], selected: ['body'] });
    const ctx = recorder();
    const stats = drawZoneTile(ctx, set, request(), hatches().hatchFor);
    expect(stats.zones).toBe(1);
    expect(fillsAt(ctx, px(84.005, 44.005))).toEqual([
      'hatch:protection_range',
      DEFAULT_SYMBOLS.protection_range.fill,
    ]);
    expect(fillsAt(ctx, px(84.001, 44.001))).toEqual([]);
  });

  it('draws a zone under 16 px as a speck: tint and a one-pixel solid outline, no hatch', () => {
    // 0.002° is about 160 m: 13 px in a tile 3.3 km (0.04°) across.
    const far: Box = [...fromLonLat([83.99, 43.99]), ...fromLonLat([84.03, 44.03])] as Box;
    const ctx = recorder();
    drawZoneTile(ctx, threeZones(), request(far), hatches().hatchFor);
    const body = ctx.paints.filter((p) => p.style === DEFAULT_SYMBOLS.body.stroke);
    expect(body.map((p) => [p.width, p.dash])).toEqual([[1, []]]);
    expect(ctx.paints.some((p) => p.style === 'hatch:protection_range')).toBe(true);
    const control = ctx.paints.find((p) => p.style === DEFAULT_SYMBOLS.construction_control_zone.stroke)!;
    expect(control.dash.length).toBeGreaterThan(0);
  });

  it('anchors hatches to the world pixel grid, so lines run on into the next tile', () => {
    const width = TILE[2] - TILE[0];
    const east: Box = [TILE[2], TILE[1], TILE[2] + width, TILE[3]];
    const west = hatches();
    drawZoneTile(recorder(), threeZones(), request(), west.hatchFor);
    const next = hatches();
    const set = new ZoneTileSet();
    set.apply({ zones: packZones([zone('wide', 'protection_range', square(84.005, 44.002, 0.01))]) });
    drawZoneTile(recorder(), set, request(east), next.hatchFor);
    const [, [wx, wy]] = west.anchored.find(([type]) => type === 'protection_range')!;
    const [, [ex, ey]] = next.anchored[0]!;
    expect(ex - wx).toBeCloseTo(256, 6);
    expect(ey).toBeCloseTo(wy, 6);
  });

  it('draws a zone sent as stored lon/lat exactly where the map’s own conversion puts it', () => {
    const lonLat = [84.004, 44.004, 84.006, 44.004, 84.006, 44.006, 84.004, 44.006, 84.004, 44.004];
    const mercator = new ZoneTileSet();
    mercator.apply({ zones: packZones([zone('body', 'body', square(84.004, 44.004, 0.002))]) });
    const stored = new ZoneTileSet();
    stored.apply({
      zones: packZones([
        { id: 'body', type: 'body', flat: Float64Array.from(lonLat), ends: [10], lonLat: true },
      ]),
    });
    const [a, b] = [mercator, stored].map((set) => {
      const ctx = recorder();
      drawZoneTile(ctx, set, request(), hatches().hatchFor);
      return ctx.paints.map((p) => p.rings);
    });
    expect(b).toEqual(a);
    expect(stored.drawn(TILE)[0]!.coords).toEqual(mercator.drawn(TILE)[0]!.coords);
  });

  it('draws a zone where the latest change put it, and forgets removed zones', () => {
    const set = threeZones();
    set.apply({ zones: packZones([zone('body', 'body', square(84.0005, 44.008, 0.001))]) });
    const ctx = recorder();
    drawZoneTile(ctx, set, request(), hatches().hatchFor);
    expect(fillsAt(ctx, px(84.005, 44.005)).at(-1)).toBe(DEFAULT_SYMBOLS.protection_range.fill);
    expect(fillsAt(ctx, px(84.001, 44.0085)).at(-1)).toBe(DEFAULT_SYMBOLS.body.fill);
    set.apply({ removed: ['range'] });
    const after = recorder();
    drawZoneTile(after, set, request(), hatches().hatchFor);
    expect(fillsAt(after, px(84.005, 44.005))).toEqual([DEFAULT_SYMBOLS.construction_control_zone.fill]);
    set.apply({ reset: true });
    expect(drawZoneTile(recorder(), set, request(), hatches().hatchFor).zones).toBe(0);
  });
});
