import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coordinates, LayerFeature, LayerGeometry } from '../layer';
import { partsOf } from '../../crs/placeLayer';

/**
 * Shared helpers of the DXF tests, kept in a test file because only tests may use node:*: drawings
 * handed to GDAL, and our reading of a DXF file against GDAL's, feature by feature: both sides are sorted into points,
 * lines and polygons, each GDAL feature is paired with the nearest unpaired feature of ours of the
 * same family, and each pair is measured: how far each side's vertices lie from the other side's
 * geometry (both ways), areas, and label text. Curves are compared as shapes (GDAL runs with a fine
 * arc step), so different densification is no difference.
 */
export type Family = 'point' | 'line' | 'polygon';

export interface GdalFeature {
  properties: Record<string, unknown>;
  geometry: LayerGeometry | null;
}

/**
 * GDAL 3.6 reads closed polylines, circles and closed splines as closed LineStrings (its
 * DXF_CLOSED_LINE_AS_POLYGON option came later); such a ring is compared as the polygon it bounds.
 */
function asPolygon(g: LayerGeometry | null): LayerGeometry | null {
  if (g?.type !== 'LineString' || g.coordinates.length < 4) return g;
  const first = g.coordinates[0]!;
  const last = g.coordinates.at(-1)!;
  return first[0] === last[0] && first[1] === last[1] ? { type: 'Polygon', coordinates: [g.coordinates] } : g;
}

export function readWithGdal(path: string, config: Record<string, string> = {}): GdalFeature[] {
  const args = Object.entries({
    OGR_ARC_STEPSIZE: '0.25',
    DXF_MERGE_BLOCK_GEOMETRIES: 'FALSE',
    ...config,
  }).flatMap(([k, v]) => ['--config', k, v]);
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { features: GdalFeature[] }).features.map((f) => ({
    ...f,
    geometry: asPolygon(f.geometry),
  }));
}

export function familyOf(g: LayerGeometry | null): Family | null {
  if (!g) return null;
  if (g.type === 'Point' || g.type === 'MultiPoint') return 'point';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'line';
  return 'polygon';
}

export function familyCounts(geometries: (LayerGeometry | null)[]): Record<Family, number> {
  const counts: Record<Family, number> = { point: 0, line: 0, polygon: 0 };
  for (const g of geometries) {
    const f = familyOf(g);
    if (f) counts[f]++;
  }
  return counts;
}

function toSegment(p: Coordinates, a: Coordinates, b: Coordinates): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
  return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
}

/** The largest distance from a vertex of `a` to the geometry `b`. */
export function farthest(a: LayerGeometry, b: LayerGeometry): number {
  const target = partsOf(b);
  let worst = 0;
  for (const path of partsOf(a)) {
    for (const p of path) {
      let best = Infinity;
      for (const q of target) {
        if (q.length === 1) best = Math.min(best, Math.hypot(p[0]! - q[0]![0]!, p[1]! - q[0]![1]!));
        for (let i = 0; i + 1 < q.length; i++) best = Math.min(best, toSegment(p, q[i]!, q[i + 1]!));
      }
      worst = Math.max(worst, best);
    }
  }
  return worst;
}

function ringArea(r: Coordinates[]): number {
  const [x0, y0] = r[0]!;
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++)
    s += (r[i]![0]! - x0!) * (r[i + 1]![1]! - y0!) - (r[i + 1]![0]! - x0!) * (r[i]![1]! - y0!);
  return Math.abs(s) / 2;
}

export function areaOf(g: LayerGeometry): number {
  const polygon = (rings: Coordinates[][]) =>
    ringArea(rings[0]!) - rings.slice(1).reduce((s, r) => s + ringArea(r), 0);
  if (g.type === 'Polygon') return polygon(g.coordinates);
  if (g.type === 'MultiPolygon') return g.coordinates.reduce((s, p) => s + polygon(p), 0);
  return 0;
}

/** Total length of a geometry's lines and rings. */
export function lengthOf(g: LayerGeometry): number {
  let total = 0;
  for (const path of partsOf(g))
    for (let i = 0; i + 1 < path.length; i++)
      total += Math.hypot(path[i + 1]![0]! - path[i]![0]!, path[i + 1]![1]! - path[i]![1]!);
  return total;
}

function centre(g: LayerGeometry): [number, number] {
  const all = partsOf(g).flat();
  return [all.reduce((s, p) => s + p[0]!, 0) / all.length, all.reduce((s, p) => s + p[1]!, 0) / all.length];
}

export interface Pair {
  gdal: GdalFeature;
  ours: LayerFeature;
  /** Largest distance from one of our vertices to GDAL's geometry, and the other way round. */
  oursToGdal: number;
  gdalToOurs: number;
  areaRatio: number;
}

/**
 * GDAL features paired with ours of the same family, the same entity handle first (GDAL and we both
 * give block contents their INSERT's handle), then the same label text, then the nearest centre;
 * the unpaired on each side.
 */
export function pairFeatures(gdal: GdalFeature[], ours: LayerFeature[]) {
  const pairs: Pair[] = [];
  const free = new Set(ours.map((_, i) => i));
  const textOf = (properties: Record<string, unknown>, key: string) => properties[key] ?? null;
  const partner = (g: GdalFeature, sameTextOnly: boolean): number => {
    const family = familyOf(g.geometry);
    const c = centre(g.geometry!);
    const handle = g.properties.EntityHandle;
    const candidates = [...free].filter((i) => {
      if (familyOf(ours[i]!.geometry) !== family) return false;
      return (
        !sameTextOnly ||
        family !== 'point' ||
        textOf(g.properties, 'Text') === textOf(ours[i]!.properties, 'text')
      );
    });
    const sameHandle = candidates.filter((i) => ours[i]!.properties.handle === handle);
    let best = -1;
    let bestDistance = Infinity;
    for (const i of sameHandle.length ? sameHandle : candidates) {
      const o = ours[i]!.geometry!;
      const oc = centre(o);
      const d = Math.hypot(oc[0] - c[0], oc[1] - c[1]) + Math.abs(areaOf(o) - areaOf(g.geometry!));
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  };
  const pair = (g: GdalFeature, best: number) => {
    free.delete(best);
    const o = ours[best]!;
    const ga = areaOf(g.geometry!);
    pairs.push({
      gdal: g,
      ours: o,
      oursToGdal: farthest(o.geometry!, g.geometry!),
      gdalToOurs: farthest(g.geometry!, o.geometry!),
      areaRatio: ga === 0 ? 1 : areaOf(o.geometry!) / ga,
    });
  };
  // Labels with the same text first, then whatever is left.
  const rest: GdalFeature[] = [];
  for (const g of gdal.filter((f) => familyOf(f.geometry))) {
    const best = partner(g, true);
    if (best < 0) rest.push(g);
    else pair(g, best);
  }
  const unpairedGdal: GdalFeature[] = [];
  for (const g of rest) {
    const best = partner(g, false);
    if (best < 0) unpairedGdal.push(g);
    else pair(g, best);
  }
  return { pairs, unpairedGdal, unpairedOurs: [...free].map((i) => ours[i]!) };
}

const dir = mkdtempSync(join(tmpdir(), 'hzw-dxf-build-'));
let serial = 0;

/** Writes the drawing to a temporary file for GDAL and returns its path. */
export function onDisk(text: string | Uint8Array): string {
  const path = join(dir, `drawing-${++serial}.dxf`);
  writeFileSync(path, text);
  return path;
}

/** `ogrinfo` output and its warnings (stderr) for a file. */
export function ogrinfo(path: string, ...args: string[]): { out: string; err: string } {
  const run = spawnSync('ogrinfo', ['-ro', '-al', ...args, path], { encoding: 'utf8' });
  return { out: run.stdout, err: run.stderr };
}

describe('the DXF test helpers', () => {
  it('find GDAL with its DXF driver', () => {
    expect(ogrinfo(onDisk('0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n')).out).toContain('DXF');
  });
});
