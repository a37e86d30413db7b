import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { buildBoxIndex, type Box } from '../../../shared/geometry/spatialIndex';
import { drawTile, type TileContext, type TileLayer, type TileStyle } from './drawTile';
import { featureMercatorBoxes, toMercator, unionOfBoxes, type PackedShapes } from './packedMercator';

type Op = [string, ...unknown[]];

/** A 2D context that records what was drawn, with the styles in force at each fill and stroke. */
function recorder(): TileContext & { ops: Op[] } {
  const ops: Op[] = [];
  const ctx = {
    ops,
    fillStyle: '' as TileContext['fillStyle'],
    strokeStyle: '' as TileContext['strokeStyle'],
    lineWidth: 1,
    lineJoin: 'miter' as CanvasLineJoin,
    beginPath: () => ops.push(['beginPath']),
    moveTo: (x: number, y: number) => ops.push(['moveTo', x, y]),
    lineTo: (x: number, y: number) => ops.push(['lineTo', x, y]),
    closePath: () => ops.push(['closePath']),
    fill: (rule: CanvasFillRule) => ops.push(['fill', rule, ctx.fillStyle]),
    stroke: () => ops.push(['stroke', ctx.strokeStyle, ctx.lineWidth]),
    fillRect: (x: number, y: number, w: number, h: number) =>
      ops.push(['fillRect', x, y, w, h, ctx.fillStyle]),
  };
  return ctx;
}

const style: TileStyle = {
  fill: 'fill',
  stroke: 'stroke',
  strokeWidth: 1,
  highlightFill: 'hlFill',
  highlightStroke: 'hlStroke',
  highlightStrokeWidth: 2.5,
};

/** Pack features given as lists of closed lon/lat rings (one polygon per feature). */
function pack(features: [number, number][][][]): PackedShapes {
  const lonLat: number[] = [];
  const ringStarts = [0];
  const polygonRings = [0];
  const featurePolygons = [0];
  for (const rings of features) {
    for (const ring of rings) {
      for (const [x, y] of ring) lonLat.push(x, y);
      ringStarts.push(lonLat.length / 2);
    }
    polygonRings.push(ringStarts.length - 1);
    featurePolygons.push(polygonRings.length - 1);
  }
  return {
    featureCount: features.length,
    lonLat: new Float64Array(lonLat),
    ringStarts: new Uint32Array(ringStarts),
    polygonRings: new Uint32Array(polygonRings),
    featurePolygons: new Uint32Array(featurePolygons),
  };
}

function tileLayer(shapes: PackedShapes, highlight: number[] = []): TileLayer {
  const boxes = featureMercatorBoxes(shapes);
  return {
    shapes,
    mercator: toMercator(shapes.lonLat),
    boxes,
    index: buildBoxIndex(boxes),
    highlight: new Set(highlight),
    style,
  };
}

const square = (lon: number, lat: number, d: number): [number, number][] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];

/** A tile covering lon/lat box [w, s, e, n], in Web Mercator via OpenLayers itself. */
function tileOver(w: number, s: number, e: number, n: number): Box {
  return [...fromLonLat([w, s]), ...fromLonLat([e, n])] as Box;
}

/** Draw `layer` into a square tile over lon/lat box [w, s, e, n]. */
function drawOver(layer: TileLayer, [w, s, e, n]: number[], size = 256, pixelRatio = 1) {
  const ctx = recorder();
  const extent = tileOver(w!, s!, e!, n!);
  const stats = drawTile(ctx, layer, { extent, width: size, height: size, pixelRatio });
  return { ctx, stats, extent };
}

describe('reference tile drawing', () => {
  it('puts each vertex at its Web Mercator pixel, y down, holes in the same path', () => {
    const outer = square(84.0, 44.0, 0.01);
    const hole = square(84.004, 44.004, 0.002);
    const layer = tileLayer(pack([[outer, hole]]));
    const { ctx, extent } = drawOver(layer, [83.995, 43.995, 84.015, 44.015], 512, 2);
    const scale = 512 / (extent[2] - extent[0]);
    const expected = [...outer.slice(0, 4), ...hole.slice(0, 4)].map(([lon, lat]) => {
      const [x, y] = fromLonLat([lon, lat]) as [number, number];
      return [(x - extent[0]) * scale, (extent[3] - y) * scale];
    });
    const points = ctx.ops.filter((o) => o[0] === 'moveTo' || o[0] === 'lineTo');
    // Closing vertices are drawn too; compare the distinct corners.
    const corners = [...points.slice(0, 4), ...points.slice(5, 9)].map((o) => [o[1], o[2]] as number[]);
    corners.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i]![0]!, 6);
      expect(y).toBeCloseTo(expected[i]![1]!, 6);
    });
    expect(ctx.ops.filter((o) => o[0] === 'moveTo')).toHaveLength(2);
    expect(ctx.ops.find((o) => o[0] === 'fill')).toEqual(['fill', 'evenodd', 'fill']);
    expect(ctx.ops.find((o) => o[0] === 'stroke')).toEqual(['stroke', 'stroke', 2]);
  });

  it('draws only the features touching the tile', () => {
    const layer = tileLayer(
      pack([[square(84, 44, 0.01)], [square(85, 44, 0.01)], [square(84.005, 44.005, 0.01)]]),
    );
    const { ctx, stats } = drawOver(layer, [83.99, 43.99, 84.02, 44.02]);
    expect(stats.features).toBe(2);
    expect(ctx.ops.filter((o) => o[0] === 'fill')).toHaveLength(2);
  });

  it('skips vertices within half a pixel of the last one and keeps the ring closed', () => {
    // One edge of a 0.01° square carries 1000 extra vertices; at 256 px per 0.02° they are ~0.13 px apart.
    const ring: [number, number][] = [[84, 44]];
    for (let i = 1; i <= 1000; i++) ring.push([84 + (0.01 * i) / 1001, 44]);
    ring.push([84.01, 44], [84.01, 44.01], [84, 44.01], [84, 44]);
    const layer = tileLayer(pack([[ring]]));
    const { ctx, stats } = drawOver(layer, [83.995, 43.995, 84.015, 44.015]);
    const points = ctx.ops.filter((o) => o[0] === 'moveTo' || o[0] === 'lineTo');
    expect(stats.verticesDrawn).toBe(points.length);
    // The edge is ~128 px long: at most one vertex per half pixel survives, plus the corners.
    expect(points.length).toBeLessThan(260);
    expect(points.length).toBeGreaterThan(100);
    const steps = points
      .slice(1)
      .map((p, i) => Math.hypot(Number(p[1]) - Number(points[i]![1]), Number(p[2]) - Number(points[i]![2])));
    expect(Math.min(...steps.slice(0, -4))).toBeGreaterThanOrEqual(0.5);
    const last = points.at(-1)!;
    expect([last[1], last[2]]).toEqual([points[0]![1], points[0]![2]]);
  });

  it('draws polygons under two pixels as one dot in the outline colour', () => {
    const tiny = Array.from({ length: 50 }, (_, i) => [square(84 + i * 0.0002, 44, 0.00005)]);
    const layer = tileLayer(pack(tiny));
    const { ctx, stats } = drawOver(layer, [83.9, 43.9, 84.1, 44.1]);
    expect(stats.dots).toBe(50);
    expect(ctx.ops.filter((o) => o[0] === 'fill')).toHaveLength(0);
    const rects = ctx.ops.filter((o) => o[0] === 'fillRect');
    expect(rects).toHaveLength(50);
    expect(rects.every((r) => r[3] === 1 && r[4] === 1 && r[5] === 'stroke')).toBe(true);
  });

  it('draws highlighted features after the others, in the highlight style', () => {
    const layer = tileLayer(
      pack([[square(84, 44, 0.01)], [square(84.002, 44.002, 0.01)], [square(84.004, 44.004, 0.01)]]),
      [0],
    );
    const { ctx } = drawOver(layer, [83.99, 43.99, 84.02, 44.02]);
    const fills = ctx.ops.filter((o) => o[0] === 'fill').map((o) => o[2]);
    expect(fills).toEqual(['fill', 'fill', 'hlFill']);
    expect(ctx.ops.filter((o) => o[0] === 'stroke').at(-1)).toEqual(['stroke', 'hlStroke', 2.5]);
  });
});

describe('packed Web Mercator', () => {
  it('matches OpenLayers for vertices and feature boxes', () => {
    const shapes = pack([[square(84.1, 44.2, 0.3)], [square(-70.5, -33.4, 1.2)]]);
    const m = toMercator(shapes.lonLat);
    for (let i = 0; i < shapes.lonLat.length; i += 2) {
      const [x, y] = fromLonLat([shapes.lonLat[i]!, shapes.lonLat[i + 1]!]);
      expect(m[i]).toBeCloseTo(x!, 6);
      expect(m[i + 1]).toBeCloseTo(y!, 6);
    }
    const boxes = featureMercatorBoxes(shapes);
    expect([...boxes.subarray(0, 4)].map((v) => Math.round(v))).toEqual(
      [...fromLonLat([84.1, 44.2]), ...fromLonLat([84.4, 44.5])].map((v) => Math.round(v)),
    );
    expect([...boxes.subarray(4, 8)].map((v) => Math.round(v))).toEqual(
      [...fromLonLat([-70.5, -33.4]), ...fromLonLat([-69.3, -32.2])].map((v) => Math.round(v)),
    );
    expect(unionOfBoxes(boxes)!.map((v) => Math.round(v))).toEqual(
      [...fromLonLat([-70.5, -33.4]), ...fromLonLat([84.4, 44.5])].map((v) => Math.round(v)),
    );
    expect(unionOfBoxes(new Float64Array(0))).toBeNull();
  });
});
