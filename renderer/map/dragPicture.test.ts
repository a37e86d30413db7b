import Feature from 'ol/Feature';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import type { State } from 'ol/render';
import type { Style } from 'ol/style';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rubberBand } from './dragPicture';
import { pictureStats } from './pictureStyle';
import { editedZoneStyle, ZONE_TYPE_PROPERTY } from './zoneStyles';

/** A ring of `n` vertices around the origin, closed. */
const ring = (n: number, r = 1000) => {
  const points = Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n;
    return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
  });
  return [...points, points[0]!];
};
const lines = (g: { getCoordinates(): number[][][] } | null) => g?.getCoordinates() ?? null;

describe('the rubber band of a vertex drag', () => {
  it('runs along the two edges at the dragged vertex', () => {
    const before = new Polygon([ring(8)]);
    const after = before.clone();
    const moved = after.getCoordinates();
    moved[0]![3] = [5, 5];
    after.setCoordinates(moved);
    const r = ring(8);
    expect(lines(rubberBand(after, before))).toEqual([[r[2], [5, 5], r[4]]]);
  });

  it('wraps around the ring at its first vertex (which is also its last)', () => {
    const before = new Polygon([ring(8)]);
    const after = before.clone();
    const moved = after.getCoordinates();
    moved[0]![0] = [5, 5];
    moved[0]![8] = [5, 5];
    after.setCoordinates(moved);
    const r = ring(8);
    expect(lines(rubberBand(after, before))).toEqual([[r[7], [5, 5], r[1]]]);
  });

  it('spans a vertex inserted by dragging an edge, in the part and ring it belongs to', () => {
    const before = new MultiPolygon([[ring(6, 100)], [ring(8)]]);
    const after = before.clone();
    const parts = after.getCoordinates();
    parts[1]![0]!.splice(3, 0, [7, 7]);
    after.setCoordinates(parts);
    const r = ring(8);
    expect(lines(rubberBand(after, before))).toEqual([[r[2], [7, 7], r[3]]]);
  });
});

/** A canvas context that only counts what is drawn (node has no canvas). */
function fakeContext(canvas: { width: number; height: number }) {
  const calls: string[] = [];
  const context = new Proxy(
    { canvas },
    {
      get: (target, name) =>
        name in target
          ? target[name as 'canvas']
          : (...args: unknown[]) => void calls.push(String(name), ...args.map(() => '')),
      set: () => true,
    },
  );
  return { context: context as unknown as CanvasRenderingContext2D, calls };
}

describe('a 6 000-vertex zone while its vertex is dragged', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is painted once when selected: frames at rest and every move of a drag copy the picture', () => {
    vi.stubGlobal('CanvasPattern', class {});
    vi.stubGlobal('CanvasGradient', class {});
    vi.stubGlobal('createImageBitmap', () => new Promise(() => {}));
    vi.stubGlobal('document', {
      createElement: () => ({
        width: 0,
        height: 0,
        getContext: () => fakeContext({ width: 0, height: 0 }).context,
      }),
    });
    const geometry = new Polygon([ring(6000, 300)]);
    const feature = new Feature(geometry);
    feature.setId('z');
    feature.set(ZONE_TYPE_PROPERTY, 'protection_range');
    let editing: false | 'vertexDrag' = false;
    const style = editedZoneStyle(
      () => true,
      () => editing,
    );
    const map = fakeContext({ width: 1400, height: 900 });
    const state = (g: unknown) => ({ context: map.context, pixelRatio: 1, geometry: g }) as unknown as State;
    let band: number[][][] | null = null;
    /** Draw each style as OpenLayers would: custom renderers get pixel coordinates (identity view). */
    const frame = (styles: Style[]) => {
      for (const s of styles) {
        const g = s.getGeometry() as Polygon | { getCoordinates(): unknown } | null;
        const renderer = s.getRenderer();
        if (renderer && g) renderer(g.getCoordinates() as never, state(g));
        if (!renderer && g && 'getCoordinates' in g)
          band = (g as { getCoordinates(): number[][][] }).getCoordinates();
      }
    };
    const painted = pictureStats.painted;
    // Selected and at rest, the map draws three frames (a hover, the pointer going down).
    for (let i = 0; i < 3; i++) frame(style(feature, 1) as Style[]);
    // Two pictures: the zone in its symbol with the selection outline, and its handles.
    expect(pictureStats.painted - painted).toBe(2);
    expect(map.calls.filter((c) => c === 'drawImage')).toHaveLength(6);
    expect(map.calls).not.toContain('lineTo');
    editing = 'vertexDrag';
    const original = geometry.getCoordinates()[0]!.slice();
    for (let move = 1; move <= 10; move++) {
      const rings = geometry.getCoordinates();
      rings[0]![10] = [original[10]![0]! - move * 4, original[10]![1]!];
      geometry.setCoordinates(rings);
      const styles = style(feature, 1) as Style[];
      frame(styles);
      // The picture shows the zone as it was: its geometry is not the one being dragged.
      expect(styles.some((s) => s.getGeometry() === geometry)).toBe(false);
    }
    // The drag painted no picture: it began from the resting zone's.
    expect(pictureStats.painted - painted).toBe(2);
    expect(band).toEqual([[original[9], [original[10]![0]! - 40, original[10]![1]], original[11]]]);
    // Each move copied the two pictures onto the map, instead of 6 000 vertices and their handles.
    expect(map.calls.filter((c) => c === 'drawImage')).toHaveLength(6 + 20);
  });
});
