import { describe, expect, it } from 'vitest';
import { packReferenceLayer, type ReferenceKind } from '../analysis/overlapsReferenceLayer';
import { fromGaussKruger, type Projected } from '../crs/gaussKruger';
import type { ZoneGeometry } from '../domain/geometry';
import type { Layer } from '../formats/layer';
import type { PathOp, TextOp } from './displayList';
import { FigureSettingsSchema } from './figureSettings';
import { groundFrame, pageFrame } from './frame';
import { layoutFigure } from './layoutFigure';
import { referencesInFrame } from './referencesOnPage';

const GK_ZONE = 28;
const CENTRE: Projected = [516_060, 4_895_040];
const settings = FigureSettingsSchema.parse({ paper: 'A3', orientation: 'landscape', scale: 1000 });
const ground = groundFrame(pageFrame(settings).map, CENTRE, settings.scale);

/** A rectangle given in GK metres of `zone`, as a lon/lat ring with a vertex every `every` metres along its edges. */
function ring(zone: number, e: number, n: number, w: number, h: number, every = Infinity): number[][] {
  const corners: Projected[] = [
    [e, n],
    [e + w, n],
    [e + w, n + h],
    [e, n + h],
    [e, n],
  ];
  const out: Projected[] = [];
  for (let i = 0; i < 4; i++) {
    const [a, b] = [corners[i]!, corners[i + 1]!];
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / every));
    for (let s = 0; s < steps; s++)
      out.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
  }
  out.push(corners[0]!);
  return out.map((p) => fromGaussKruger(p, zone, { prefixed: false }));
}

function packed(name: string, kind: ReferenceKind, rings: number[][][], gkZone = GK_ZONE) {
  const layer: Layer = {
    name,
    epsg: 4490,
    fields: [],
    features: rings.map((r) => ({
      properties: {},
      geometry: { type: 'Polygon', coordinates: [r] },
    })) as Layer['features'],
  };
  return packReferenceLayer(layer, {
    id: name,
    projectId: 'p',
    name,
    kind,
    sourceFile: `${name}.geojson`,
    gkZone,
    createdAt: '',
  }).layer;
}

describe('reference layers in a figure', () => {
  it('keeps only the polygons that reach the frame, at their GK place, in the figure zone', () => {
    const near = ring(GK_ZONE, 516_100, 4_895_000, 30, 80);
    const far = ring(GK_ZONE, 530_000, 4_895_000, 30, 80);
    const [shown] = referencesInFrame([packed('红线', 'ecological_red_line', [far, near])], GK_ZONE, ground);
    expect(shown!.name).toBe('红线');
    expect(shown!.polygons).toHaveLength(1);
    const xs = shown!.polygons[0]![0]!.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(516_100, 6);
    expect(Math.max(...xs)).toBeCloseTo(516_130, 6);
  });

  it('reprojects a layer packed for another zone to the figure zone', () => {
    // Packed for zone 29 (another central meridian): its stored GK metres are not the figure's.
    const near = ring(GK_ZONE, 516_100, 4_895_000, 30, 80);
    const [shown] = referencesInFrame(
      [packed('农田', 'permanent_basic_farmland', [near], 29)],
      GK_ZONE,
      ground,
    );
    const xs = shown!.polygons[0]![0]!.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(516_100, 3);
    expect(Math.max(...xs)).toBeCloseTo(516_130, 3);
  });

  it('thins vertices closer than 0.1 mm on paper, keeping the corners', () => {
    // A vertex every 1 cm of ground is 0.01 mm at 1:1 000: 22 000 vertices, drawn as about 2 200.
    const dense = ring(GK_ZONE, 516_100, 4_895_000, 30, 80, 0.01);
    const [shown] = referencesInFrame([packed('密', 'other', [dense])], GK_ZONE, ground);
    const kept = shown!.polygons[0]![0]!;
    expect(dense.length).toBeGreaterThan(20_000);
    expect(kept.length).toBeLessThan(dense.length / 8);
    expect(kept.length).toBeGreaterThan(2_000);
    for (const corner of [
      [516_100, 4_895_000],
      [516_130, 4_895_080],
    ])
      expect(kept.some((p) => Math.hypot(p[0] - corner[0]!, p[1] - corner[1]!) < 0.2)).toBe(true);
  });

  it('draws them under the zones with their colours and names them in the legend', () => {
    const references = referencesInFrame(
      [packed('生态保护红线2023', 'ecological_red_line', [ring(GK_ZONE, 516_100, 4_895_000, 30, 80)])],
      GK_ZONE,
      ground,
    );
    const zone = {
      objectId: 'o',
      zoneType: 'protection_range' as const,
      geometry: { type: 'Polygon', coordinates: [ring(GK_ZONE, 516_000, 4_895_000, 80, 80)] } as ZoneGeometry,
    };
    const { page } = layoutFigure({
      settings,
      gkZone: GK_ZONE,
      zones: [zone],
      centre: CENTRE,
      defaultTitle: '图',
      references,
    });
    const paths = page.ops.filter((op): op is PathOp => op.op === 'path');
    const green = paths.findIndex((op) => op.stroke?.join() === '46,125,50');
    const range = paths.findIndex((op) => op.stroke?.join() === '208,28,28');
    expect(green).toBeGreaterThanOrEqual(0);
    expect(range).toBeGreaterThan(green);
    // 30 m at 1:1 000 is 30 mm on paper.
    const xs = paths[green]!.rings[0]!.map((p) => p[0]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(30, 6);
    const texts = page.ops.filter((op): op is TextOp => op.op === 'text').map((op) => op.str);
    expect(texts).toContain('生态保护红线2023');
    expect(texts).toContain('保护范围');
  });
});
